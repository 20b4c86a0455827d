/**
 * The map's tile source when the server does not pass one: OpenStreetMap's public tiles.
 *
 * NOTE: pages pass `getRuntime().config.map` (MAP_TILE_URL, MAP_ATTRIBUTION) down to the map,
 * so self-hosted or offline installs can point at their own tile server; these defaults only
 * cover a map rendered without it. The map must never be needed: when tiles cannot load (no
 * internet), the list beside it stays fully usable.
 */
export const MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** Required by the OpenStreetMap tile usage policy; shown in the map's corner. */
export const MAP_TILE_ATTRIBUTION = '© OpenStreetMap contributors';

/** What the server hands the map (from config.map). */
export interface MapTiles {
  url: string;
  attribution: string;
}
