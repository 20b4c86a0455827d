'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { IconClose } from '@/app/_components/ui/Icon';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextField } from '@/app/_components/ui/TextField';
import { activeFilterCount, AMENITIES, EMPTY_FILTERS, FIBRE_STEPS, SPACE_KINDS, type DirectoryFilters } from '../_lib/directory-params';
import { formatNumber } from '../_lib/space-format';
import { useDirectory } from './DirectoryContext';
import { AMENITY_ICONS, IconChevronRight, IconSearch } from './space-icons';

export type DirectoryFacets = {
  countries: Array<{ code: string; name: string }>;
  municipalities: Array<{ country: string; municipality: string }>;
};

/**
 * The search box and the filters. Menus and boxes apply at once; the text search applies on
 * Enter or the button. Without JavaScript the same form submits as a GET.
 */
export function DirectorySearch({ facets, today }: { facets: DirectoryFacets; today: string }) {
  const t = useTranslations('spaces.directory');
  const tk = useTranslations('spaces.kind');
  const ta = useTranslations('spaces.amenity');
  const locale = useLocale();
  const { filters, pending, apply } = useDirectory();
  const [q, setQ] = useState(filters.q);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const count = activeFilterCount(filters);

  // A new URL (back button, a shared link, "clear") brings its own search text.
  useEffect(() => setQ(filters.q), [filters.q]);

  const change = (patch: Partial<DirectoryFilters>) => apply({ ...filters, q, ...patch });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({ ...filters, q });
  }

  const municipalities = facets.municipalities.filter((m) => !filters.country || m.country === filters.country);
  return (
    <form
      role="search"
      aria-label={t('searchLabel')}
      method="get"
      action="/spaces"
      onSubmit={onSubmit}
      className="flex flex-col gap-4 rounded-2xl border border-sand-200 bg-white p-4 shadow-xs sm:p-5"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          type="search"
          name="q"
          label={t('query')}
          placeholder={t('queryPlaceholder')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          maxLength={200}
          className="flex-1"
          inputClassName="h-12 text-base"
          autoComplete="off"
          enterKeyHint="search"
        />
        <Button type="submit" size="lg" className="h-12" loading={pending} iconStart={<IconSearch size={18} />}>
          {t('search')}
        </Button>
      </div>

      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex h-11 items-center justify-between gap-2 rounded-lg border border-sand-300 px-3 text-sm font-semibold text-fjord-800 hover:bg-fjord-50 md:hidden"
      >
        <span>{count ? t('filtersWithCount', { count }) : t('filters')}</span>
        <IconChevronRight size={18} className={cx('transition-transform', open ? '-rotate-90' : 'rotate-90')} />
      </button>

      <div id={panelId} className={cx(open ? 'flex' : 'hidden', 'flex-col gap-4 md:flex')}>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <SelectField
            name="country"
            label={t('country')}
            value={filters.country}
            onChange={(event) => change({ country: event.target.value, municipality: '' })}
            placeholder={t('anyCountry')}
            options={facets.countries.map((c) => ({ value: c.code, label: c.name }))}
          />
          <SelectField
            name="municipality"
            label={t('municipality')}
            value={filters.municipality}
            onChange={(event) => change({ municipality: event.target.value })}
            placeholder={t('anyMunicipality')}
            options={municipalities.map((m) => ({ value: m.municipality, label: m.municipality }))}
          />
          <SelectField
            name="kind"
            label={t('kind')}
            value={filters.kind}
            onChange={(event) => change({ kind: event.target.value })}
            placeholder={t('anyKind')}
            options={SPACE_KINDS.map((kind) => ({ value: kind, label: tk(kind) }))}
          />
          <SelectField
            name="minFibre"
            label={t('fibre')}
            value={filters.minFibre}
            onChange={(event) => change({ minFibre: event.target.value })}
            placeholder={t('anyFibre')}
            options={FIBRE_STEPS.map((speed) => ({ value: String(speed), label: t('fibreAtLeast', { speed: formatNumber(speed, locale) }) }))}
          />
          <TextField
            type="date"
            name="freeOn"
            label={t('freeOn')}
            value={filters.freeOn}
            min={today}
            onChange={(event) => {
              // Typing a date fires on each part; apply only a whole one (or a cleared box).
              const value = event.target.value;
              if (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)) change({ freeOn: value });
            }}
          />
        </div>

        <fieldset className="flex flex-col gap-2 lg:flex-row lg:items-center lg:gap-4">
          <legend className="float-left text-sm font-semibold text-ink lg:mr-1">{t('amenities')}</legend>
          <div className="flex flex-wrap gap-2">
            {AMENITIES.map((amenity) => {
              const Icon = AMENITY_ICONS[amenity];
              const checked = filters.amenities.includes(amenity);
              return (
                <label
                  key={amenity}
                  className={cx(
                    'inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-full border px-3.5 py-2 text-sm font-medium transition-colors',
                    checked ? 'border-fjord-500 bg-fjord-50 text-fjord-800' : 'border-sand-300 bg-white text-ink hover:border-fjord-300',
                  )}
                >
                  <input
                    type="checkbox"
                    name="amenities"
                    value={amenity}
                    checked={checked}
                    onChange={(event) =>
                      change({
                        amenities: event.target.checked ? [...filters.amenities, amenity] : filters.amenities.filter((a) => a !== amenity),
                      })
                    }
                    className="size-4 accent-fjord-600"
                  />
                  <Icon size={18} className={checked ? 'text-fjord-700' : 'text-ink-muted'} />
                  {ta(amenity)}
                </label>
              );
            })}
          </div>
          {count || filters.q || filters.near ? (
            <Button
              variant="ghost"
              size="sm"
              className="self-start lg:ml-auto lg:self-center"
              iconStart={<IconClose size={16} />}
              onClick={() => {
                setQ('');
                apply(EMPTY_FILTERS);
              }}
            >
              {t('clear')}
            </Button>
          ) : null}
        </fieldset>

      </div>
    </form>
  );
}
