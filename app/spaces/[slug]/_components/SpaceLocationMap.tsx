'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { MapTiles } from '../../_components/map-tiles';
import { SpacesMap } from '../../_components/SpacesMap';

/** Where the space is, as one marker (the address beside it says the same in words). */
export function SpaceLocationMap({ name, lat, lng, tiles }: { name: string; lat: number; lng: number; tiles: MapTiles }) {
  const t = useTranslations('spaces.map');
  const markers = useMemo(() => [{ id: 'space', lat, lng, label: name }], [lat, lng, name]);
  const labels = useMemo(() => ({ region: t('locationRegion', { name }), tilesUnavailable: t('tilesUnavailableShort') }), [t, name]);
  return <SpacesMap markers={markers} labels={labels} tiles={tiles} className="h-56" />;
}
