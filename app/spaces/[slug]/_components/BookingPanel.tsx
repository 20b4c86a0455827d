'use client';

import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button, ButtonLink, buttonClassName } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { IconCalendar, IconCheckCircle } from '@/app/_components/ui/Icon';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextField } from '@/app/_components/ui/TextField';
import { isLocalDate, localParts } from '@/server/spaces/local-time';
import { isHourly } from '@/server/spaces/resource-kinds';
import {
  bookableTerms,
  isBooked,
  lastDayOf,
  monthOf,
  priceOf,
  slotStarts,
  type Availability,
  type ResourceView,
  type Term,
} from '../../_lib/booking-rules';
import { clock, formatBookingWhen, formatLocalDate, formatMoney, formatNumber, sameClock, zoneName } from '../../_lib/space-format';
import { spacesApi, type NextFree, type SpacesApiError } from '../../_lib/spaces-api';
import { IconDownload, RESOURCE_ICONS } from '../../_components/space-icons';
import { AvailabilityCalendar } from './AvailabilityCalendar';
import { DayTimeline } from './DayTimeline';
import { useAfterRender } from '@/app/_components/use-after-render';

export interface BookedResult {
  id: string;
  startsAt: string;
  endsAt: string;
  term: Term;
  price: number | null;
  currency: string;
  resourceName: string;
  spaceName: string;
  timeZone: string;
}

export type BookingPanelProps = {
  space: { slug: string; name: string; timeZone: string; currency: string };
  resources: ResourceView[];
  signedIn: boolean;
  /** Today in the space's zone (from the server, so both renders agree). */
  today: string;
  /** The first resource's availability this month, rendered with the page. */
  initialAvailability: Availability | null;
  /** Where sign-in brings the member back to (a studio page books through this form too). */
  returnPath?: string;
};

type Request = { resourceId: string; term: Term; date: string; from?: string; to?: string };

/**
 * Choose a desk, office or meeting room; see when it is free; pick a term and a day (and hours
 * for a meeting room); book. Dates and times are the space's, in its own time zone.
 */
export function BookingPanel({ space, resources, signedIn, today, initialAvailability, returnPath }: BookingPanelProps) {
  const t = useTranslations('spaces.booking');
  const tr = useTranslations('spaces.resourceKind');
  const tt = useTranslations('spaces.term');
  const locale = useLocale();
  const viewerZone = useTimeZone();
  const [resourceId, setResourceId] = useState(resources[0]?.id ?? '');
  const resource = resources.find((r) => r.id === resourceId) ?? resources[0];
  const terms = useMemo(() => (resource ? bookableTerms(resource) : []), [resource]);
  const [term, setTerm] = useState<Term>(terms[0] ?? 'day');
  const [month, setMonth] = useState(monthOf(today).first);
  const [date, setDate] = useState('');
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<(SpacesApiError & { status: number }) | null>(null);
  const [booked, setBooked] = useState<BookedResult | null>(null);
  const [nowMinutes, setNowMinutes] = useState<number | null>(null);
  const confirmationRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const afterRender = useAfterRender();

  // Availability per resource and month; the server rendered the first one.
  const cache = useRef(new Map<string, Availability>());
  if (initialAvailability && cache.current.size === 0) cache.current.set(`${initialAvailability.resourceId}:${monthOf(today).first}`, initialAvailability);
  const [availability, setAvailability] = useState<Availability | null>(() => cache.current.get(`${resourceId}:${month}`) ?? null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (!resource) return;
    const key = `${resource.id}:${month}`;
    const cached = cache.current.get(key);
    if (cached) {
      setAvailability(cached);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setLoadError(false);
    const { days } = monthOf(month);
    spacesApi<Availability>(`/api/resources/${resource.id}/availability?from=${month}&days=${days}`, { fallbackMessage: '', signal: controller.signal })
      .then((result) => {
        if (result.ok) {
          cache.current.set(key, result.data);
          setAvailability(result.data);
        } else {
          setAvailability(null);
          setLoadError(true);
        }
        setLoading(false);
      })
      .catch(() => {
        /* aborted: a newer request owns the state */
      });
    return () => controller.abort();
  }, [resource, month, reload]);

  // "Now" in the space's clock, for greying out hours that have passed today (browser only).
  useEffect(() => {
    const update = () => {
      const parts = localParts(new Date(), space.timeZone);
      setNowMinutes(parts.date === today ? parts.minutes : parts.date > today ? 1440 : null);
    };
    update();
    const timer = window.setInterval(update, 60_000);
    return () => window.clearInterval(timer);
  }, [space.timeZone, today]);

  const chooseResource = (id: string) => {
    const next = resources.find((r) => r.id === id);
    setResourceId(id);
    setTerm(next ? (bookableTerms(next)[0] ?? 'day') : 'day');
    setDate('');
    setFrom(null);
    setTo(null);
    setError(null);
    setAvailability(cache.current.get(`${id}:${month}`) ?? null);
  };

  const chooseDate = (value: string) => {
    setDate(value);
    setError(null);
    if (isLocalDate(value) && value.slice(0, 7) !== month.slice(0, 7)) setMonth(monthOf(value).first);
    if (resource && isHourly(resource.kind)) {
      setFrom(null);
      setTo(null);
    }
  };

  const pickSlot = (start: number) => {
    if (!resource) return;
    const length = Math.max(resource.minMinutes, 60);
    let end = Math.min(start + length, resource.closesAt);
    const day = availability?.days.find((d) => d.date === date);
    // Stop before the next booking rather than offering an overlap.
    for (let m = start; m < end; m += 30) {
      if (isBooked(day, m, m + 30)) {
        end = m;
        break;
      }
    }
    setFrom(start);
    setTo(Math.max(end, start + 30));
    setError(null);
  };

  const submit = useCallback(
    async (request: Request) => {
      setSubmitting(true);
      setError(null);
      const result = await spacesApi<{ booking: BookedResult }>('/api/bookings', { method: 'POST', body: request, fallbackMessage: t('genericError') });
      setSubmitting(false);
      if (result.ok) {
        setBooked(result.data.booking);
        // The calendar must show the seat as taken from now on.
        cache.current.forEach((_, key) => key.startsWith(`${request.resourceId}:`) && cache.current.delete(key));
        setReload((n) => n + 1);
        afterRender(() => confirmationRef.current?.focus());
        return;
      }
      setError({ ...result.error, status: result.status });
      afterRender(() => errorRef.current?.focus());
    },
    [t, afterRender],
  );

  if (!resource) return null;

  const hourly = isHourly(resource.kind);
  const selectedDay = availability?.days.find((d) => d.date === date);
  const fields = error?.fields ?? {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!resource) return;
    if (!date) {
      setError({ code: 'date_missing', message: t('chooseDate'), fields: { date: t('chooseDate') }, status: 0 });
      afterRender(() => document.getElementById('booking-date')?.focus());
      return;
    }
    if (hourly && (from === null || to === null)) {
      setError({ code: 'time_missing', message: t('chooseTime'), fields: { from: t('chooseTime') }, status: 0 });
      return;
    }
    void submit(hourly ? { resourceId: resource.id, term: 'hour', date, from: clock(from!), to: clock(to!) } : { resourceId: resource.id, term, date });
  }

  function tryAlternative(alternative: NextFree) {
    if (!resource) return;
    chooseDate(alternative.date);
    if (alternative.from && alternative.to) {
      const [fh, fm] = alternative.from.split(':').map(Number);
      const [th, tm] = alternative.to.split(':').map(Number);
      setFrom(fh! * 60 + fm!);
      setTo(th! * 60 + tm!);
    }
    void submit(
      alternative.from && alternative.to
        ? { resourceId: resource.id, term: 'hour', date: alternative.date, from: alternative.from, to: alternative.to }
        : { resourceId: resource.id, term, date: alternative.date },
    );
  }

  const price = priceOf(resource, hourly ? 'hour' : term);
  const minutes = hourly && from !== null && to !== null ? to - from : 0;
  const zoneDiffers = !sameClock(space.timeZone, viewerZone ?? space.timeZone);
  const zoneLabel = `${zoneName(space.timeZone, locale)} (${space.timeZone})`;
  const dateLabel = date ? formatLocalDate(date, locale) : '';

  if (booked) {
    return (
      <BookingConfirmation
        booked={booked}
        headingRef={confirmationRef}
        zoneDiffers={zoneDiffers}
        zoneLabel={zoneLabel}
        onAnother={() => {
          setBooked(null);
          setDate('');
          setFrom(null);
          setTo(null);
        }}
      />
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <fieldset>
        <legend className="text-base font-semibold text-ink">{t('whatLegend')}</legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {resources.map((r) => {
            const Icon = RESOURCE_ICONS[r.kind];
            const checked = r.id === resource.id;
            const prices = (isHourly(r.kind) ? (['hour'] as const) : (['day', 'week', 'month'] as const))
              .map((term) => ({ term, price: priceOf(r, term) }))
              .filter((p): p is { term: Term; price: number } => p.price !== null);
            return (
              <label
                key={r.id}
                className={cx(
                  'relative flex cursor-pointer gap-3 rounded-xl border p-4 transition-colors has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-fjord-500',
                  checked ? 'border-fjord-500 bg-fjord-50 ring-1 ring-fjord-500' : 'border-sand-200 bg-white hover:border-fjord-300',
                )}
              >
                <input type="radio" name="resource" value={r.id} checked={checked} onChange={() => chooseResource(r.id)} className="sr-only" />
                <span aria-hidden="true" className={cx('flex size-10 shrink-0 items-center justify-center rounded-lg', checked ? 'bg-fjord-600 text-white' : 'bg-fjord-50 text-fjord-700')}>
                  <Icon size={20} />
                </span>
                <span className="flex min-w-0 flex-col gap-0.5">
                  <span className="font-semibold text-ink">{r.name}</span>
                  <span className="text-sm text-ink-muted">
                    {tr(r.kind)}
                    {r.kind === 'hot_desk' && r.capacity > 1 ? ` · ${t('seats', { count: r.capacity })}` : ''}
                  </span>
                  <span className="text-sm font-medium text-fjord-800">
                    {prices.map((p) => t(`pricePer.${p.term}`, { price: formatMoney(p.price, space.currency, locale) })).join(' · ')}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>

      {zoneDiffers ? (
        <Alert tone="info" role="none">
          {t('zoneNote', { zone: zoneLabel })}
        </Alert>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1.25fr)_minmax(0,1fr)]">
        <section aria-labelledby="availability-heading" className="flex flex-col gap-3">
          <h3 id="availability-heading" className="text-base font-semibold text-ink">
            {t('availabilityHeading', { name: resource.name })}
          </h3>
          {loadError ? (
            <Alert
              tone="warning"
              action={
                <Button size="sm" variant="secondary" onClick={() => setReload((n) => n + 1)}>
                  {t('retry')}
                </Button>
              }
            >
              {t('availabilityError')}
            </Alert>
          ) : null}
          <AvailabilityCalendar
            resource={resource}
            month={month}
            onMonthChange={setMonth}
            days={availability && availability.resourceId === resource.id && availability.days[0]?.date === month ? availability.days : null}
            loading={loading}
            today={today}
            selected={date}
            term={hourly ? 'day' : term}
            onSelect={chooseDate}
          />
          {hourly && date ? (
            <DayTimeline
              resource={resource}
              day={selectedDay}
              nowMinutes={date === today ? nowMinutes : null}
              from={from}
              to={to}
              onPick={pickSlot}
              dateLabel={dateLabel}
            />
          ) : null}
        </section>

        <form onSubmit={onSubmit} noValidate aria-labelledby="booking-form-heading" className="flex flex-col gap-4 rounded-2xl border border-sand-200 bg-sand-25 p-4 sm:p-5">
          <h3 id="booking-form-heading" className="text-base font-semibold text-ink">
            {t('formHeading')}
          </h3>
          {!hourly && terms.length > 1 ? (
            <fieldset>
              <legend className="text-sm font-semibold text-ink">{t('term')}</legend>
              <div className="mt-2 grid grid-cols-3 gap-1 rounded-lg bg-sand-100 p-1 ring-1 ring-sand-200 ring-inset">
                {terms.map((option) => (
                  <label
                    key={option}
                    className={cx(
                      'flex h-10 cursor-pointer items-center justify-center rounded-md text-sm font-medium has-focus-visible:outline-3 has-focus-visible:outline-fjord-500',
                      term === option ? 'bg-white text-fjord-800 shadow-xs ring-1 ring-sand-200' : 'text-ink-muted hover:text-ink',
                    )}
                  >
                    <input type="radio" name="term" value={option} checked={term === option} onChange={() => setTerm(option)} className="sr-only" />
                    {tt(option)}
                  </label>
                ))}
              </div>
              {fields.term ? <p className="mt-1.5 text-sm font-medium text-danger-700">{fields.term}</p> : null}
            </fieldset>
          ) : null}

          <TextField
            id="booking-date"
            type="date"
            label={hourly || term === 'day' ? t('date') : t('startDate')}
            value={date}
            min={today}
            onChange={(event) => chooseDate(event.target.value)}
            hint={date ? (hourly || term === 'day' ? dateLabel : t('range', { from: formatLocalDate(date, locale, { day: 'numeric', month: 'long' }), to: formatLocalDate(lastDayOf(date, term), locale, { day: 'numeric', month: 'long', year: 'numeric' }) })) : t('dateHint')}
            error={fields.date}
            required
          />

          {hourly ? (
            <div className="grid grid-cols-2 gap-3">
              <SelectField
                label={t('from')}
                value={from === null ? '' : String(from)}
                placeholder="–"
                onChange={(event) => {
                  const value = event.target.value === '' ? null : Number(event.target.value);
                  if (value === null) {
                    setFrom(null);
                    return;
                  }
                  pickSlot(value);
                }}
                options={slotStarts(resource).map((m) => ({
                  value: String(m),
                  label: clock(m),
                  disabled: isBooked(selectedDay, m, m + 30) || (date === today && nowMinutes !== null && m < nowMinutes),
                }))}
                error={fields.from}
              />
              <SelectField
                label={t('to')}
                value={to === null ? '' : String(to)}
                placeholder="–"
                disabled={from === null}
                onChange={(event) => setTo(event.target.value === '' ? null : Number(event.target.value))}
                options={
                  from === null
                    ? []
                    : Array.from({ length: Math.max(0, (resource.closesAt - from) / 30) }, (_, i) => from + 30 * (i + 1))
                        .filter((end) => end - from <= resource.maxMinutes)
                        .map((end) => ({ value: String(end), label: clock(end), disabled: isBooked(selectedDay, from, end) || end - from < resource.minMinutes }))
                }
                error={fields.to}
              />
            </div>
          ) : null}

          <div className="rounded-xl bg-white p-4 ring-1 ring-sand-200">
            <p className="text-sm text-ink-muted">{t('priceHeading')}</p>
            {price === null ? (
              <p className="mt-1 font-semibold text-ink">–</p>
            ) : hourly ? (
              <p className="mt-1 text-ink">
                <span className="text-xl font-bold">{minutes ? formatMoney(Math.round((price * minutes) / 60), space.currency, locale) : formatMoney(price, space.currency, locale)}</span>{' '}
                <span className="text-sm text-ink-muted">
                  {minutes ? t('priceHours', { hours: formatNumber(minutes / 60, locale), price: formatMoney(price, space.currency, locale) }) : t('perHour')}
                </span>
              </p>
            ) : (
              <p className="mt-1 text-ink">
                <span className="text-xl font-bold">{formatMoney(price, space.currency, locale)}</span> <span className="text-sm text-ink-muted">{t(`priceFor.${term}`)}</span>
              </p>
            )}
            <p className="mt-1 text-sm text-ink-muted">{t('payAtSpace')}</p>
          </div>

          {error && !(error.fields && Object.keys(error.fields).every((f) => ['term', 'date', 'from', 'to'].includes(f)) && error.code !== 'unavailable') ? (
            <div ref={errorRef} tabIndex={-1} className="scroll-mt-28 outline-none">
              <Alert tone={error.code === 'unavailable' ? 'warning' : 'error'} title={error.code === 'unavailable' ? t('unavailableTitle') : undefined}>
                <p>{error.message}</p>
                {error.status === 401 ? (
                  <p className="mt-2">
                    <a className="link font-semibold" href={`/sign-in?callbackUrl=${encodeURIComponent(returnPath ?? `/spaces/${space.slug}`)}`}>
                      {t('signInToBook')}
                    </a>
                  </p>
                ) : null}
                {error.nextFree?.length ? (
                  <div className="mt-3">
                    <p className="font-semibold">{t('alternatives')}</p>
                    <ul className="mt-2 flex flex-wrap gap-2">
                      {error.nextFree.map((alternative) => (
                        <li key={`${alternative.date}${alternative.from ?? ''}`}>
                          <Button size="sm" variant="secondary" onClick={() => tryAlternative(alternative)} disabled={submitting}>
                            {t('bookAlternative', {
                              when: `${formatLocalDate(alternative.date, locale, { weekday: 'short', day: 'numeric', month: 'short' })}${alternative.from ? ` ${alternative.from}–${alternative.to}` : ''}`,
                            })}
                          </Button>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : error.code === 'unavailable' ? (
                  <p className="mt-2">{t('noAlternatives')}</p>
                ) : null}
              </Alert>
            </div>
          ) : (
            <div ref={errorRef} tabIndex={-1} className="sr-only" aria-live="polite">
              {error ? t('fixFields') : ''}
            </div>
          )}

          {signedIn ? (
            <Button type="submit" size="lg" fullWidth loading={submitting} iconStart={<IconCalendar size={18} />}>
              {t('book')}
            </Button>
          ) : (
            <div className="flex flex-col gap-2">
              <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(returnPath ?? `/spaces/${space.slug}`)}`} size="lg" fullWidth>
                {t('signInToBook')}
              </ButtonLink>
              <p className="text-center text-sm text-ink-muted">{t('signInHint')}</p>
            </div>
          )}
          <p className="text-xs text-ink-muted">{t('cancelRule', { hours: resource.cancelCutoffHours })}</p>
        </form>
      </div>
    </div>
  );
}

function BookingConfirmation({
  booked,
  headingRef,
  zoneDiffers,
  zoneLabel,
  onAnother,
}: {
  booked: BookedResult;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  zoneDiffers: boolean;
  zoneLabel: string;
  onAnother: () => void;
}) {
  const t = useTranslations('spaces.booking');
  const locale = useLocale();
  const when = formatBookingWhen(booked.startsAt, booked.endsAt, booked.term, booked.timeZone, locale);
  return (
    <section aria-labelledby="booking-confirmed" className="rounded-2xl border border-success-200 bg-success-50/60 p-5 sm:p-6">
      <div className="flex items-start gap-3">
        <IconCheckCircle size={28} className="mt-0.5 shrink-0 text-success-600" />
        <div className="min-w-0 flex-1">
          <h3 id="booking-confirmed" ref={headingRef} tabIndex={-1} className="scroll-mt-28 text-xl font-bold text-ink outline-none">
            {t('confirmedTitle')}
          </h3>
          <p className="mt-1 text-ink-muted">{t('confirmedLead')}</p>
          <dl className="mt-4 grid gap-3 sm:grid-cols-[auto_1fr] sm:gap-x-6">
            <dt className="text-sm font-semibold text-ink-muted">{t('what')}</dt>
            <dd className="text-ink">
              {booked.resourceName} – {booked.spaceName}
            </dd>
            <dt className="text-sm font-semibold text-ink-muted">{t('when')}</dt>
            <dd className="text-ink">
              <span className="first-letter:uppercase">{when}</span>
              {zoneDiffers ? <span className="block text-sm text-ink-muted">{t('inZone', { zone: zoneLabel })}</span> : null}
            </dd>
            <dt className="text-sm font-semibold text-ink-muted">{t('price')}</dt>
            <dd className="text-ink">
              {booked.price === null
                ? '–'
                : booked.term === 'hour'
                  ? t('pricePer.hour', { price: formatMoney(booked.price, booked.currency, locale) })
                  : formatMoney(booked.price, booked.currency, locale)}{' '}
              <span className="text-sm text-ink-muted">· {t('payAtSpace')}</span>
            </dd>
          </dl>
          <div className="mt-5 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            <a href={`/api/bookings/${booked.id}/ics`} download className={buttonClassName({ variant: 'secondary' })}>
              <IconDownload size={18} />
              {t('addToCalendar')}
            </a>
            <ButtonLink href="/spaces/bookings">{t('toMyBookings')}</ButtonLink>
            <Button variant="ghost" onClick={onAnother}>
              {t('bookAnother')}
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
