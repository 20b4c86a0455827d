'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextArea } from '@/app/_components/ui/TextArea';
import { TextField } from '@/app/_components/ui/TextField';
import { clock, minutesOf } from '../../spaces/_lib/space-format';
import { spacesApi } from '../../spaces/_lib/spaces-api';

const VENUE_KINDS = ['library', 'school', 'office_hotel', 'nursing_home', 'other'] as const;

/**
 * Registers a studio at one of the member's spaces, or at a new named venue. The server
 * validates everything again (registerStudioSchema) and answers field errors in the member's
 * language.
 */
export function RegisterStudioForm({ places }: { places: Array<{ id: string; name: string; city: string }> }) {
  const t = useTranslations('studios.register');
  const tv = useTranslations('studios.venueKind');
  const router = useRouter();
  const [place, setPlace] = useState<'space' | 'venue'>(places.length ? 'space' : 'venue');
  const [form, setForm] = useState({
    name: '',
    venueKind: 'library',
    spaceId: places[0]?.id ?? '',
    venueName: '',
    municipality: '',
    city: '',
    address: '',
    equipmentNb: '',
    equipmentEn: '',
    priceHour: '0',
    opensAt: clock(8 * 60),
    closesAt: clock(20 * 60),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value })),
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const common = {
      name: form.name,
      venueKind: form.venueKind,
      equipmentNb: form.equipmentNb,
      equipmentEn: form.equipmentEn,
      priceHour: Math.round(Number(form.priceHour.replace(',', '.') || '0') * 100),
      opensAt: minutesOf(form.opensAt) ?? -1,
      closesAt: minutesOf(form.closesAt) ?? -1,
    };
    const body =
      place === 'space'
        ? { place, spaceId: form.spaceId, ...common }
        : { place, venue: { name: form.venueName, municipality: form.municipality, city: form.city, address: form.address }, ...common };
    const result = await spacesApi<{ studio: { slug: string } }>('/api/studios', { body, fallbackMessage: t('failed') });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setFailure(result.error.fields ? t('failed') : result.error.message);
      return;
    }
    router.push(`/studios/${result.data.studio.slug}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {failure ? (
        <Alert tone="error" role="alert">
          {failure}
        </Alert>
      ) : null}
      <TextField label={t('name')} {...field('name')} required maxLength={80} error={errors.name} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-base font-semibold text-ink">{t('place')}</legend>
        {(['space', 'venue'] as const).map((value) => (
          <label key={value} className="flex items-center gap-3 text-ink">
            <input
              type="radio"
              name="place"
              value={value}
              checked={place === value}
              disabled={value === 'space' && places.length === 0}
              onChange={() => setPlace(value)}
              className="size-5 accent-fjord-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fjord-600"
            />
            {value === 'space' ? t('placeSpace') : t('placeVenue')}
          </label>
        ))}
        {places.length === 0 ? <p className="text-sm text-ink-muted">{t('noSpaces')}</p> : null}
      </fieldset>
      {place === 'space' ? (
        <SelectField label={t('space')} {...field('spaceId')} options={places.map((p) => ({ value: p.id, label: `${p.name} (${p.city})` }))} error={errors.spaceId} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t('venueName')} {...field('venueName')} required maxLength={120} error={errors['venue.name']} className="sm:col-span-2" />
          <TextField label={t('municipality')} {...field('municipality')} required maxLength={80} error={errors['venue.municipality']} />
          <TextField label={t('city')} {...field('city')} required maxLength={80} error={errors['venue.city']} />
          <TextField label={t('address')} {...field('address')} optional maxLength={200} error={errors['venue.address']} className="sm:col-span-2" />
        </div>
      )}
      <SelectField label={t('venueKind')} {...field('venueKind')} options={VENUE_KINDS.map((k) => ({ value: k, label: tv(k) }))} error={errors.venueKind} />
      <TextArea label={t('equipmentNb')} {...field('equipmentNb')} rows={3} maxLength={2000} optional error={errors.equipmentNb} />
      <TextArea label={t('equipmentEn')} {...field('equipmentEn')} rows={3} maxLength={2000} optional error={errors.equipmentEn} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t('priceHour')} hint={t('priceHint')} {...field('priceHour')} inputMode="decimal" error={errors.priceHour} />
        <TextField label={t('opensAt')} type="time" {...field('opensAt')} error={errors.opensAt} />
        <TextField label={t('closesAt')} type="time" {...field('closesAt')} error={errors.closesAt} />
      </div>
      <Button type="submit" loading={busy} size="lg" className="self-start">
        {busy ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
