'use client';

import type { ReactNode } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import type { CallSession } from '../_call/call-session';
import { fitBox, gridLayout } from '../_call/tile-layout';
import type { StageModel, TileModel } from '../_call/tile-models';
import { Tile } from './Tile';
import { useElementSize } from './use-call-session';

const GAP = 12;

/**
 * Where the tiles go. A shared screen takes the stage with the cameras in a strip beside it
 * (below it on a phone); alone, you see yourself and how to invite others; with one other
 * person, they fill the stage and you sit in a corner; with more, a grid of equal tiles.
 */
export function Stage({
  stage,
  session,
  solo,
  featured = null,
}: {
  stage: StageModel;
  session: CallSession | null;
  solo: ReactNode;
  /** A camera to show large with the others beside it: a host's spotlight, or a lesson's classroom layout. */
  featured?: string | null;
}) {
  const [ref, size] = useElementSize<HTMLDivElement>();
  const narrow = size.width > 0 && size.width < 768;

  let content: ReactNode = null;
  if (size.width > 0 && size.height > 0) {
    const featuredTile = featured ? stage.cameras.find((tile) => tile.peerId === featured) : undefined;
    if (stage.screens.length > 0) content = <ScreenLayout stage={stage} session={session} narrow={narrow} />;
    else if (featuredTile && stage.remoteCount > 0) {
      content = (
        <FeatureLayout main={featuredTile} strip={stage.cameras.filter((tile) => tile !== featuredTile)} session={session} narrow={narrow} />
      );
    }
    else if (stage.remoteCount === 0) content = <SoloLayout self={stage.cameras[0]!} session={session} size={size} solo={solo} />;
    else if (stage.remoteCount === 1) content = <OneToOneLayout stage={stage} session={session} size={size} narrow={narrow} />;
    else content = <GridLayout tiles={stage.cameras} session={session} size={size} />;
  }
  return (
    <div ref={ref} className="relative size-full min-h-0">
      {content}
    </div>
  );
}

function GridLayout({ tiles, session, size }: { tiles: TileModel[]; session: CallSession | null; size: { width: number; height: number } }) {
  const layout = gridLayout(tiles.length, size.width, size.height, { gap: GAP });
  return (
    <div
      className={cx(
        'absolute inset-0 flex flex-wrap justify-center gap-3',
        layout.scrolls ? 'content-start overflow-y-auto overscroll-contain' : 'content-center',
      )}
    >
      {tiles.map((tile) => (
        <Tile key={tile.key} model={tile} session={session} style={{ width: layout.tileWidth, height: layout.tileHeight }} />
      ))}
    </div>
  );
}

function SoloLayout({
  self,
  session,
  size,
  solo,
}: {
  self: TileModel;
  session: CallSession | null;
  size: { width: number; height: number };
  solo: ReactNode;
}) {
  // Leave room under the tile for the invitation.
  const box = fitBox(size.width, Math.max(size.height - 150, size.height * 0.55));
  return (
    <div className="absolute inset-0 flex flex-col items-center justify-center gap-4 overflow-y-auto">
      <Tile model={self} session={session} variant="spotlight" style={{ width: Math.min(box.width, 960), height: Math.min(box.height, 540) }} className="shrink-0" />
      {solo}
    </div>
  );
}

function OneToOneLayout({
  stage,
  session,
  size,
  narrow,
}: {
  stage: StageModel;
  session: CallSession | null;
  size: { width: number; height: number };
  narrow: boolean;
}) {
  const [self, other] = stage.cameras;
  // A phone held upright: the other person fills the screen (cropped at the sides), as in a
  // phone call, rather than a small 16:9 strip in the middle.
  const box = narrow && size.height > size.width ? size : fitBox(size.width, size.height);
  const pipWidth = Math.round(Math.min(280, Math.max(112, size.width * (narrow ? 0.34 : 0.2))));
  return (
    <div className="absolute inset-0 flex items-center justify-center">
      {other ? <Tile model={other} session={session} variant="spotlight" style={{ width: box.width, height: box.height }} /> : null}
      {self ? (
        <div className="absolute right-2 bottom-2 sm:right-3 sm:bottom-3" style={{ width: pipWidth, height: Math.round((pipWidth * 9) / 16) }}>
          <Tile model={self} session={session} variant="pip" className="size-full" />
        </div>
      ) : null}
    </div>
  );
}

function ScreenLayout({ stage, session, narrow }: { stage: StageModel; session: CallSession | null; narrow: boolean }) {
  // The newest remote screen leads; your own only when nobody else shares.
  const remoteScreens = stage.screens.filter((screen) => !screen.isSelf);
  const main = remoteScreens[remoteScreens.length - 1] ?? stage.screens[0]!;
  const strip = [...stage.cameras, ...stage.screens.filter((screen) => screen !== main)];
  return <FeatureLayout main={main} strip={strip} session={session} narrow={narrow} />;
}

/** One tile takes the stage, the rest sit in a strip beside it (below it on a phone). */
function FeatureLayout({ main, strip, session, narrow }: { main: TileModel; strip: TileModel[]; session: CallSession | null; narrow: boolean }) {
  return (
    <div className={cx('absolute inset-0 flex gap-3', narrow ? 'flex-col' : 'flex-row')} data-featured={main.peerId}>
      <Tile model={main} session={session} variant="stage" className="min-h-0 min-w-0 flex-1" />
      <div
        role="list"
        className={cx(
          'flex shrink-0 gap-2 overscroll-contain',
          narrow ? 'h-24 flex-row overflow-x-auto' : 'w-52 flex-col overflow-y-auto xl:w-60',
        )}
      >
        {strip.map((tile) => (
          <div role="listitem" key={tile.key} className={cx('shrink-0', narrow ? 'h-full w-40' : 'aspect-video w-full')}>
            <Tile model={tile} session={session} variant="strip" className="size-full" />
          </div>
        ))}
      </div>
    </div>
  );
}
