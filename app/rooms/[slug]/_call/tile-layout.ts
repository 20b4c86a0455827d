/**
 * The tile grid: how many columns give the largest 16:9 tiles in the space there is. Like
 * Jitsi's tile view, the grid is recomputed from the stage's size, not from breakpoints alone.
 */

export interface GridLayout {
  columns: number;
  tileWidth: number;
  tileHeight: number;
  /** True when the tiles do not fit at their smallest size and the stage scrolls. */
  scrolls: boolean;
}

/** Phones get at most two columns, tablets three, laptops four and big screens five. */
export function maxColumnsFor(width: number): number {
  if (width < 640) return 2;
  if (width < 960) return 3;
  if (width < 1400) return 4;
  return 5;
}

export function gridLayout(
  count: number,
  width: number,
  height: number,
  { gap = 12, aspect = 16 / 9, minTileWidth = 160 }: { gap?: number; aspect?: number; minTileWidth?: number } = {},
): GridLayout {
  if (count <= 0 || width <= 0 || height <= 0) return { columns: 1, tileWidth: 0, tileHeight: 0, scrolls: false };
  const maxColumns = Math.min(count, maxColumnsFor(width));
  let best: GridLayout = { columns: 1, tileWidth: 0, tileHeight: 0, scrolls: false };
  for (let columns = 1; columns <= maxColumns; columns++) {
    const rows = Math.ceil(count / columns);
    let tileWidth = (width - gap * (columns - 1)) / columns;
    let tileHeight = tileWidth / aspect;
    if (rows * tileHeight + gap * (rows - 1) > height) {
      tileHeight = (height - gap * (rows - 1)) / rows;
      tileWidth = tileHeight * aspect;
    }
    if (tileWidth > best.tileWidth) best = { columns, tileWidth, tileHeight, scrolls: false };
  }
  if (best.tileWidth >= Math.min(minTileWidth, width)) {
    return { ...best, tileWidth: Math.floor(best.tileWidth), tileHeight: Math.floor(best.tileHeight) };
  }
  // Too many people for one screen: fill the width and let the stage scroll.
  const columns = maxColumns;
  const tileWidth = Math.floor((width - gap * (columns - 1)) / columns);
  return { columns, tileWidth, tileHeight: Math.floor(tileWidth / aspect), scrolls: true };
}

/** The largest 16:9 box inside the given space (a one-to-one call's main tile). */
export function fitBox(width: number, height: number, aspect = 16 / 9): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const byWidth = { width, height: width / aspect };
  const box = byWidth.height <= height ? byWidth : { width: height * aspect, height };
  return { width: Math.floor(box.width), height: Math.floor(box.height) };
}
