'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/app/_components/ui/Button';
import { SelectField } from '@/app/_components/ui/SelectField';
import { isPresetPlace, PRESET_PLACES, roundCoordinate, type DirectoryFilters } from '../_lib/directory-params';
import { useDirectory } from './DirectoryContext';
import { IconLocate } from './space-icons';

type Locating = 'idle' | 'locating' | 'denied' | 'unavailable';

/** "Sort by distance from": a preset place, the browser's position, or (on the map) a picked point. */
export function DirectorySort() {
  const t = useTranslations('spaces.directory');
  const { filters, apply } = useDirectory();
  const [locating, setLocating] = useState<Locating>('idle');

  function nearMe() {
    if (!('geolocation' in navigator)) {
      setLocating('unavailable');
      return;
    }
    setLocating('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle');
        apply({ ...filters, near: 'me', lat: roundCoordinate(position.coords.latitude), lng: roundCoordinate(position.coords.longitude) });
      },
      (error) => setLocating(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
    );
  }

  const options = [
    { value: '', label: t('sortByName') },
    ...Object.keys(PRESET_PLACES).map((key) => ({ value: key, label: t(`places.${key as keyof typeof PRESET_PLACES}`) })),
    ...(filters.near === 'me' ? [{ value: 'me', label: t('places.me') }] : []),
    ...(filters.near === 'map' ? [{ value: 'map', label: t('places.map') }] : []),
  ];

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <SelectField
          label={t('sortBy')}
          value={filters.near}
          onChange={(event) => {
            const near = event.target.value;
            apply(isPresetPlace(near) || near === '' ? { ...filters, near, lat: '', lng: '' } : { ...filters, near: near as DirectoryFilters['near'] });
          }}
          options={options}
          className="sm:w-64"
        />
        <Button variant="secondary" onClick={nearMe} loading={locating === 'locating'} iconStart={<IconLocate size={18} />}>
          {t('nearMe')}
        </Button>
      </div>
      <p className="text-sm text-ink-muted">{t('orPickOnMap')}</p>
      <p aria-live="polite" className="text-sm font-medium text-danger-700 empty:sr-only">
        {locating === 'denied' ? t('locationDenied') : locating === 'unavailable' ? t('locationUnavailable') : null}
      </p>
    </div>
  );
}
