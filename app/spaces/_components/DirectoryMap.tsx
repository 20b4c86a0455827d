'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { roundCoordinate } from '../_lib/directory-params';
import { useDirectory } from './DirectoryContext';
import type { MapTiles } from './map-tiles';
import { SpacesMap, type MapMarker } from './SpacesMap';

/** The directory's map: the listed spaces, the point distances are measured from, and picking one. */
export function DirectoryMap({
  markers,
  point,
  tiles,
  className,
}: {
  markers: MapMarker[];
  point: { lat: number; lng: number } | null;
  tiles: MapTiles;
  className?: string;
}) {
  const t = useTranslations('spaces.map');
  const { filters, apply } = useDirectory();
  // Stable identities (keyed on content), so the map only refits when the result really changed.
  const key = JSON.stringify(markers);
  const stableMarkers = useMemo(() => JSON.parse(key) as MapMarker[], [key]);
  const lat = point?.lat;
  const lng = point?.lng;
  const stablePoint = useMemo(() => (lat !== undefined && lng !== undefined ? { lat, lng } : null), [lat, lng]);
  const labels = useMemo(
    () => ({ region: t('region'), tilesUnavailable: t('tilesUnavailable'), pickHere: t('pickHere'), pointLabel: t('point') }),
    [t],
  );
  return (
    <SpacesMap
      markers={stableMarkers}
      point={stablePoint}
      pickMode="popup"
      onPick={({ lat, lng }) => apply({ ...filters, near: 'map', lat: roundCoordinate(lat), lng: roundCoordinate(lng) })}
      labels={labels}
      tiles={tiles}
      className={className}
    />
  );
}
