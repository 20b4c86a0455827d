'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { Button } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Checkbox } from '@/app/_components/ui/Checkbox';
import { cx } from '@/app/_components/ui/class-names';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconClose } from '@/app/_components/ui/Icon';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextField } from '@/app/_components/ui/TextField';
import { addDays } from '@/server/spaces/local-time';
import { isHourly } from '@/server/spaces/resource-kinds';
import type { ResourceView } from '../../_lib/booking-rules';
import { RESOURCE_KINDS, STUDIO_RESOURCE_KINDS } from '../../_lib/directory-params';
import { clock, formatLocalDate, formatMoney, minutesOf } from '../../_lib/space-format';
import { spacesApi } from '../../_lib/spaces-api';
import { IconPencil, IconPlus, RESOURCE_ICONS } from '../../_components/space-icons';
import { numberOrNull, useFormErrors } from './use-form-errors';

type Draft = {
  kind: ResourceView['kind'];
  name: string;
  capacity: string;
  priceHour: string;
  priceDay: string;
  priceWeek: string;
  priceMonth: string;
  /** Minutes for meeting rooms, days for desks and offices. */
  minLength: string;
  maxLength: string;
  advanceDays: string;
  openWeekdays: number[];
  opensAt: string;
  closesAt: string;
  blackoutDates: string[];
  cancelCutoffHours: string;
  maxActivePerUser: string;
  active: boolean;
};

const major = (minor: number | null) => (minor === null ? '' : String(minor / 100));
const toMinor = (value: string) => {
  const n = numberOrNull(value);
  return n === null ? null : Math.round(n * 100);
};

function draftOf(resource: ResourceView | null): Draft {
  const kind = resource?.kind ?? 'hot_desk';
  const perDay = !isHourly(kind);
  return {
    kind,
    name: resource?.name ?? '',
    capacity: String(resource?.capacity ?? (kind === 'hot_desk' ? 6 : 1)),
    priceHour: major(resource?.priceHour ?? null),
    priceDay: major(resource?.priceDay ?? null),
    priceWeek: major(resource?.priceWeek ?? null),
    priceMonth: major(resource?.priceMonth ?? null),
    minLength: resource ? String(perDay ? Math.max(1, Math.round(resource.minMinutes / 1440)) : resource.minMinutes) : '1',
    maxLength: resource ? String(perDay ? Math.max(1, Math.round(resource.maxMinutes / 1440)) : resource.maxMinutes) : '31',
    advanceDays: String(resource?.advanceDays ?? 90),
    openWeekdays: resource?.openWeekdays ?? [1, 2, 3, 4, 5],
    opensAt: clock(resource?.opensAt ?? 480),
    closesAt: clock(resource?.closesAt ?? 1020),
    blackoutDates: resource?.blackoutDates ?? [],
    cancelCutoffHours: String(resource?.cancelCutoffHours ?? 24),
    maxActivePerUser: String(resource?.maxActivePerUser ?? 5),
    active: resource?.active ?? true,
  };
}

/** The body for POST/PATCH …/resources (resourceSchema), from the draft's units. */
function bodyOf(draft: Draft) {
  const hourly = isHourly(draft.kind);
  const length = (value: string) => {
    const n = numberOrNull(value);
    return n === null ? undefined : hourly ? n : n * 1440;
  };
  return {
    kind: draft.kind,
    name: draft.name,
    capacity: draft.kind === 'hot_desk' ? numberOrNull(draft.capacity) : 1,
    priceHour: hourly ? toMinor(draft.priceHour) : null,
    priceDay: hourly ? null : toMinor(draft.priceDay),
    priceWeek: hourly ? null : toMinor(draft.priceWeek),
    priceMonth: hourly ? null : toMinor(draft.priceMonth),
    minMinutes: length(draft.minLength),
    maxMinutes: length(draft.maxLength),
    advanceDays: numberOrNull(draft.advanceDays) ?? undefined,
    openWeekdays: [...draft.openWeekdays].sort(),
    opensAt: minutesOf(draft.opensAt) ?? undefined,
    closesAt: minutesOf(draft.closesAt) ?? undefined,
    blackoutDates: draft.blackoutDates,
    cancelCutoffHours: numberOrNull(draft.cancelCutoffHours) ?? undefined,
    maxActivePerUser: numberOrNull(draft.maxActivePerUser) ?? undefined,
    active: draft.active,
  };
}

/** The space's bookable resources, each editable in place, and a form to add one. */
export function ResourceEditor({ spaceId, currency, resources }: { spaceId: string; currency: string; resources: ResourceView[] }) {
  const t = useTranslations('spaces.hostResources');
  const tr = useTranslations('spaces.resourceKind');
  const locale = useLocale();
  const [editing, setEditing] = useState<string | 'new' | null>(resources.length ? null : 'new');
  const [announcement, setAnnouncement] = useState('');

  return (
    <div className="flex flex-col gap-4">
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {resources.length === 0 && editing !== 'new' ? (
        <EmptyState headingLevel={3} title={t('emptyTitle')} body={t('emptyBody')} />
      ) : null}
      <ul className="flex flex-col gap-4">
        {resources.map((resource) => {
          const Icon = RESOURCE_ICONS[resource.kind];
          const prices = (isHourly(resource.kind) ? (['hour'] as const) : (['day', 'week', 'month'] as const))
            .map((term) => ({ term, price: { hour: resource.priceHour, day: resource.priceDay, week: resource.priceWeek, month: resource.priceMonth }[term] }))
            .filter((p): p is { term: 'hour' | 'day' | 'week' | 'month'; price: number } => p.price !== null);
          return (
            <li key={resource.id}>
              <Card padding="sm" className="sm:p-5">
                <div className="flex flex-wrap items-start gap-3">
                  <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-fjord-50 text-fjord-700">
                    <Icon size={20} />
                  </span>
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <h3 className="font-semibold text-ink">{resource.name}</h3>
                      <Badge tone="neutral">{tr(resource.kind)}</Badge>
                      {resource.active ? null : <Badge tone="warning">{t('inactive')}</Badge>}
                    </div>
                    <p className="mt-1 text-sm text-ink-muted">
                      {[
                        resource.kind === 'hot_desk' ? t('seats', { count: resource.capacity }) : null,
                        prices.map((p) => t(`pricePer.${p.term}`, { price: formatMoney(p.price, currency, locale) })).join(' · '),
                        t('cutoff', { hours: resource.cancelCutoffHours }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </div>
                  <Button
                    variant="secondary"
                    size="sm"
                    iconStart={<IconPencil size={16} />}
                    aria-expanded={editing === resource.id}
                    onClick={() => setEditing(editing === resource.id ? null : resource.id)}
                  >
                    {editing === resource.id ? t('close') : t('edit')}
                    <span className="sr-only">: {resource.name}</span>
                  </Button>
                </div>
                {editing === resource.id ? (
                  <ResourceForm
                    spaceId={spaceId}
                    resource={resource}
                    currency={currency}
                    onDone={(name) => {
                      setEditing(null);
                      setAnnouncement(t('savedNamed', { name }));
                    }}
                  />
                ) : null}
              </Card>
            </li>
          );
        })}
      </ul>
      {editing === 'new' ? (
        <Card className="border-fjord-200">
          <h3 className="text-lg font-semibold text-ink">{t('newHeading')}</h3>
          <ResourceForm
            spaceId={spaceId}
            resource={null}
            currency={currency}
            onCancel={resources.length ? () => setEditing(null) : undefined}
            onDone={(name) => {
              setEditing(null);
              setAnnouncement(t('addedNamed', { name }));
            }}
          />
        </Card>
      ) : (
        <div>
          <Button iconStart={<IconPlus size={18} />} onClick={() => setEditing('new')}>
            {t('add')}
          </Button>
        </div>
      )}
    </div>
  );
}

function ResourceForm({
  spaceId,
  resource,
  currency,
  onDone,
  onCancel,
}: {
  spaceId: string;
  resource: ResourceView | null;
  currency: string;
  onDone: (name: string) => void;
  onCancel?: () => void;
}) {
  const t = useTranslations('spaces.hostResources');
  const tr = useTranslations('spaces.resourceKind');
  const locale = useLocale();
  const router = useRouter();
  const [draft, setDraft] = useState(() => draftOf(resource));
  const [blackout, setBlackout] = useState('');
  const [pending, setPending] = useState(false);
  const { formRef, fields, formMessage, show } = useFormErrors();
  const weekdaysId = useId();
  const hourly = isHourly(draft.kind);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const text = (key: keyof Draft) => ({ value: draft[key] as string, onChange: (event: { target: { value: string } }) => set({ [key]: event.target.value }) });
  // Server field names in minutes map onto the form's length boxes.
  const fieldError = (key: string) => fields[key] ?? (key === 'minLength' ? fields.minMinutes : key === 'maxLength' ? fields.maxMinutes : undefined);
  const currencySymbol = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    show(null);
    const body = bodyOf(draft);
    const result = resource
      ? await spacesApi(`/api/spaces/${spaceId}/resources/${resource.id}`, { method: 'PATCH', body, fallbackMessage: t('saveFailed') })
      : await spacesApi(`/api/spaces/${spaceId}/resources`, { method: 'POST', body, fallbackMessage: t('saveFailed') });
    setPending(false);
    if (!result.ok) {
      show(result.error);
      return;
    }
    router.refresh();
    onDone(draft.name);
  }

  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ day: d, label: formatLocalDate(addDays('2024-01-01', d - 1), locale, { weekday: 'long' }) }));

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-5 flex flex-col gap-5 border-t border-sand-200 pt-5">
      {formMessage || Object.keys(fields).length ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone="error">{formMessage ?? t('fixFields')}</Alert>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label={t('kind')}
          value={draft.kind}
          onChange={(event) => {
            const kind = event.target.value as Draft['kind'];
            const wasHourly = isHourly(draft.kind);
            const nowHourly = isHourly(kind);
            set({
              kind,
              capacity: kind === 'hot_desk' ? draft.capacity : '1',
              // Lengths change unit with the kind (minutes for meeting rooms, days otherwise).
              ...(wasHourly !== nowHourly ? (nowHourly ? { minLength: '30', maxLength: '480' } : { minLength: '1', maxLength: '31' }) : {}),
            });
          }}
          // A studio's resource stays a studio (it comes with the studio, see /studios).
          options={(draft.kind === 'studio' ? STUDIO_RESOURCE_KINDS : RESOURCE_KINDS).map((k) => ({ value: k, label: tr(k) }))}
          error={fields.kind}
        />
        <TextField label={t('name')} {...text('name')} required maxLength={80} error={fields.name} className="sm:col-span-2" />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t('capacity')}
          {...text('capacity')}
          inputMode="numeric"
          disabled={draft.kind !== 'hot_desk'}
          hint={draft.kind === 'hot_desk' ? t('capacityHint') : t('capacityExclusive')}
          error={fields.capacity}
        />
        <TextField label={t('advanceDays')} {...text('advanceDays')} inputMode="numeric" hint={t('advanceDaysHint')} error={fields.advanceDays} />
        <TextField label={t('maxActive')} {...text('maxActivePerUser')} inputMode="numeric" hint={t('maxActiveHint')} error={fields.maxActivePerUser} />
      </div>

      <fieldset>
        <legend className="text-sm font-semibold text-ink">{t('prices', { currency: currencySymbol })}</legend>
        <p className="text-sm text-ink-muted">{hourly ? t('pricesHintHourly') : t('pricesHint')}</p>
        <div className="mt-2 grid gap-4 sm:grid-cols-3">
          {hourly ? (
            <TextField label={t('priceHour')} {...text('priceHour')} inputMode="decimal" error={fields.priceHour ?? fields.priceDay} />
          ) : (
            <>
              <TextField label={t('priceDay')} {...text('priceDay')} inputMode="decimal" optional error={fields.priceDay} />
              <TextField label={t('priceWeek')} {...text('priceWeek')} inputMode="decimal" optional error={fields.priceWeek} />
              <TextField label={t('priceMonth')} {...text('priceMonth')} inputMode="decimal" optional error={fields.priceMonth} />
            </>
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold text-ink">{t('duration')}</legend>
        <div className="mt-2 grid gap-4 sm:grid-cols-3">
          <TextField label={hourly ? t('minMinutes') : t('minDays')} {...text('minLength')} inputMode="numeric" error={fieldError('minLength')} />
          <TextField label={hourly ? t('maxMinutes') : t('maxDays')} {...text('maxLength')} inputMode="numeric" error={fieldError('maxLength')} />
          <TextField label={t('cutoffHours')} {...text('cancelCutoffHours')} inputMode="numeric" hint={t('cutoffHint')} error={fields.cancelCutoffHours} />
        </div>
      </fieldset>

      <fieldset aria-describedby={fields.openWeekdays ? `${weekdaysId}-error` : undefined}>
        <legend className="text-sm font-semibold text-ink">{t('weekdays')}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {weekdays.map(({ day, label }) => {
            const checked = draft.openWeekdays.includes(day);
            return (
              <label
                key={day}
                className={cx(
                  'inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm font-medium',
                  checked ? 'border-fjord-500 bg-fjord-50 text-fjord-800' : 'border-sand-300 bg-white text-ink',
                )}
              >
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={(event) => set({ openWeekdays: event.target.checked ? [...draft.openWeekdays, day] : draft.openWeekdays.filter((d) => d !== day) })}
                  className="size-4 accent-fjord-600"
                />
                <span className="first-letter:uppercase">{label}</span>
              </label>
            );
          })}
        </div>
        {fields.openWeekdays ? (
          <p id={`${weekdaysId}-error`} className="mt-1.5 text-sm font-medium text-danger-700">
            {fields.openWeekdays}
          </p>
        ) : null}
      </fieldset>

      {hourly ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField type="time" step={1800} label={t('opensAt')} {...text('opensAt')} error={fields.opensAt} />
          <TextField type="time" step={1800} label={t('closesAt')} {...text('closesAt')} error={fields.closesAt} />
        </div>
      ) : null}

      <fieldset>
        <legend className="text-sm font-semibold text-ink">{t('blackout')}</legend>
        <p className="text-sm text-ink-muted">{t('blackoutHint')}</p>
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <TextField type="date" label={t('blackoutDate')} value={blackout} onChange={(event) => setBlackout(event.target.value)} className="w-48" error={fields.blackoutDates} />
          <Button
            variant="secondary"
            onClick={() => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(blackout) && !draft.blackoutDates.includes(blackout)) set({ blackoutDates: [...draft.blackoutDates, blackout].sort() });
              setBlackout('');
            }}
          >
            {t('addBlackout')}
          </Button>
        </div>
        {draft.blackoutDates.length ? (
          <ul className="mt-3 flex flex-wrap gap-2">
            {draft.blackoutDates.map((date) => (
              <li key={date} className="inline-flex items-center gap-1 rounded-full bg-sand-100 py-1 pr-1 pl-3 text-sm text-ink ring-1 ring-sand-200">
                {formatLocalDate(date, locale, { dateStyle: 'medium' })}
                <button
                  type="button"
                  onClick={() => set({ blackoutDates: draft.blackoutDates.filter((d) => d !== date) })}
                  className="flex size-7 items-center justify-center rounded-full text-ink-muted hover:bg-sand-200 hover:text-ink"
                >
                  <IconClose size={14} title={t('removeBlackout', { date: formatLocalDate(date, locale, { dateStyle: 'medium' }) })} />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </fieldset>

      <Checkbox label={t('active')} hint={t('activeHint')} checked={draft.active} onChange={(event) => set({ active: event.target.checked })} />

      <div className="flex flex-wrap gap-3">
        <Button type="submit" loading={pending}>
          {resource ? t('save') : t('create')}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
