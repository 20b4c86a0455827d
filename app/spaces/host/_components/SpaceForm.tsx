'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextArea } from '@/app/_components/ui/TextArea';
import { TextField } from '@/app/_components/ui/TextField';
import { AMENITIES, SPACE_KINDS } from '../../_lib/directory-params';
import { countryName } from '../../_lib/space-format';
import { spacesApi } from '../../_lib/spaces-api';
import type { MapTiles } from '../../_components/map-tiles';
import { AMENITY_ICONS, IconLocate } from '../../_components/space-icons';
import { SpacesMap } from '../../_components/SpacesMap';
import type { SpaceFormValues } from './host-values';
import { numberOrNull, useFormErrors } from './use-form-errors';

/** Countries offered for a space: the Nordics first, then the rest of Europe. */
const COUNTRIES = ['NO', 'SE', 'DK', 'FI', 'IS', 'AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'EE', 'ES', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SI', 'SK'];

export type SpaceFormProps = {
  mode: 'create' | 'edit';
  spaceId?: string;
  initial: SpaceFormValues;
  /** IANA zones to choose from (listed by the server, so both renders agree). */
  timeZones: string[];
  tiles: MapTiles;
};

/** Create a space (it waits for an admin) or edit one; every field of spaceSchema. */
export function SpaceForm({ mode, spaceId, initial, timeZones, tiles }: SpaceFormProps) {
  const t = useTranslations('spaces.hostForm');
  const tk = useTranslations('spaces.kind');
  const ta = useTranslations('spaces.amenity');
  const locale = useLocale();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const [picking, setPicking] = useState(false);
  const { formRef, fields, formMessage, show } = useFormErrors();
  const set = (patch: Partial<SpaceFormValues>) => {
    setSaved(false);
    setValues((v) => ({ ...v, ...patch }));
  };
  const text = (key: keyof SpaceFormValues) => ({
    name: key,
    value: values[key] as string,
    onChange: (event: { target: { value: string } }) => set({ [key]: event.target.value }),
    error: fields[key],
  });

  // A space saved with a country outside the list keeps it as an option.
  const countries = useMemo(
    () => (COUNTRIES.includes(values.country) ? COUNTRIES : [values.country, ...COUNTRIES]).map((code) => ({ value: code, label: countryName(code, locale) })),
    [locale, values.country],
  );
  const lat = numberOrNull(values.latitude);
  const lng = numberOrNull(values.longitude);
  const point = lat !== null && lng !== null && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
  const mapLabels = useMemo(() => ({ region: t('mapRegion'), tilesUnavailable: t('mapTilesUnavailable'), pointLabel: t('mapPoint') }), [t]);
  const noMarkers = useMemo(() => [], []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    show(null);
    const body = {
      ...values,
      latitude: numberOrNull(values.latitude),
      longitude: numberOrNull(values.longitude),
      fibreMbps: numberOrNull(values.fibreMbps),
    };
    const result =
      mode === 'create'
        ? await spacesApi<{ space: { id: string } }>('/api/spaces', { method: 'POST', body, fallbackMessage: t('saveFailed') })
        : await spacesApi<{ space: { id: string } }>(`/api/spaces/${spaceId}`, { method: 'PATCH', body, fallbackMessage: t('saveFailed') });
    if (!result.ok) {
      setPending(false);
      show(result.error);
      return;
    }
    if (mode === 'create') {
      router.push(`/spaces/host/${result.data.space.id}?tab=resources&created=1`);
      return;
    }
    setPending(false);
    setSaved(true);
    router.refresh();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-8">
      {formMessage ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone="error">{formMessage}</Alert>
        </div>
      ) : Object.keys(fields).length ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone="error">{t('fixFields')}</Alert>
        </div>
      ) : null}

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold text-ink">{t('basics')}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t('name')} {...text('name')} required maxLength={120} autoComplete="organization" />
          <SelectField label={t('kind')} {...text('kind')} options={SPACE_KINDS.map((k) => ({ value: k, label: tk(k) }))} />
        </div>
        <TextArea label={t('descriptionNb')} {...text('descriptionNb')} required maxLength={5000} rows={5} lang="nb" hint={t('descriptionHint')} />
        <TextArea label={t('descriptionEn')} {...text('descriptionEn')} required maxLength={5000} rows={5} lang="en" />
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold text-ink">{t('place')}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t('address')} {...text('address')} optional maxLength={200} autoComplete="street-address" />
          <TextField label={t('city')} {...text('city')} required maxLength={80} autoComplete="address-level2" />
          <TextField label={t('municipality')} {...text('municipality')} optional maxLength={80} hint={t('municipalityHint')} />
          <SelectField label={t('country')} {...text('country')} options={countries} />
          <SelectField label={t('timeZone')} {...text('timeZone')} options={timeZones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))} hint={t('timeZoneHint')} />
          <SelectField label={t('currency')} {...text('currency')} options={[{ value: 'NOK', label: 'NOK' }, { value: 'EUR', label: 'EUR' }]} hint={t('currencyHint')} />
        </div>
        <div className="flex flex-col gap-3">
          <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <TextField label={t('latitude')} {...text('latitude')} optional inputMode="decimal" placeholder="69.0911" />
            <TextField label={t('longitude')} {...text('longitude')} optional inputMode="decimal" placeholder="17.6866" />
            <Button variant="secondary" aria-expanded={picking} onClick={() => setPicking((p) => !p)} iconStart={<IconLocate size={18} />}>
              {picking ? t('hideMap') : t('pickOnMap')}
            </Button>
          </div>
          <p className="text-sm text-ink-muted">{t('coordinatesHint')}</p>
          {picking ? (
            <SpacesMap
              markers={noMarkers}
              point={point}
              pickMode="direct"
              onPick={(p) => set({ latitude: p.lat.toFixed(5), longitude: p.lng.toFixed(5) })}
              labels={mapLabels}
              tiles={tiles}
              className="h-72"
            />
          ) : null}
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold text-ink">{t('facilities')}</legend>
        <TextField label={t('fibre')} {...text('fibreMbps')} optional inputMode="numeric" hint={t('fibreHint')} className="sm:max-w-xs" />
        <fieldset>
          <legend className="text-sm font-semibold text-ink">{t('amenities')}</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {AMENITIES.map((amenity) => {
              const Icon = AMENITY_ICONS[amenity];
              const checked = values.amenities.includes(amenity);
              return (
                <label
                  key={amenity}
                  className={cx(
                    'inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-full border px-3.5 py-2 text-sm font-medium',
                    checked ? 'border-fjord-500 bg-fjord-50 text-fjord-800' : 'border-sand-300 bg-white text-ink hover:border-fjord-300',
                  )}
                >
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={(event) => set({ amenities: event.target.checked ? [...values.amenities, amenity] : values.amenities.filter((a) => a !== amenity) })}
                    className="size-4 accent-fjord-600"
                  />
                  <Icon size={18} />
                  {ta(amenity)}
                </label>
              );
            })}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t('openingHoursNb')} {...text('openingHoursNb')} optional maxLength={300} lang="nb" placeholder={t('openingHoursPlaceholderNb')} />
          <TextField label={t('openingHoursEn')} {...text('openingHoursEn')} optional maxLength={300} lang="en" placeholder={t('openingHoursPlaceholderEn')} />
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold text-ink">{t('contact')}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={t('email')} type="email" {...text('contactEmail')} optional maxLength={254} autoComplete="email" />
          <TextField label={t('phone')} type="tel" {...text('contactPhone')} optional maxLength={40} autoComplete="tel" />
          <TextField label={t('website')} type="url" {...text('website')} optional maxLength={300} placeholder="https://" />
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-4 border-t border-sand-200 pt-6">
        <Button type="submit" size="lg" loading={pending}>
          {mode === 'create' ? t('submitCreate') : t('submitEdit')}
        </Button>
        {mode === 'create' ? <p className="text-sm text-ink-muted">{t('createNote')}</p> : null}
        <p aria-live="polite" className="text-sm font-medium text-success-700">
          {saved ? t('saved') : null}
        </p>
      </div>
    </form>
  );
}
