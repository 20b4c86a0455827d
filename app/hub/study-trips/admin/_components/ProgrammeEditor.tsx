'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { IconClose, IconErrorCircle } from '@/app/_components/ui/Icon';
import { TextField } from '@/app/_components/ui/TextField';
import { IconPlus } from '@/app/rooms/_components/room-icons';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';
import { addDays } from '@/server/spaces/local-time';
import type { Programme } from '@/server/hub/study-trips';
import { programmeDay } from '../../_lib/trip-dates';
import { useAfterRender } from '@/app/_components/use-after-render';

type Item = { key: number; time: string; title: string; with: string; place: string };
type Day = { key: number; date: string; items: Item[] };

let nextKey = 1;
const key = () => nextKey++;
const blankItem = (time = '09:00'): Item => ({ key: key(), time, title: '', with: '', place: '' });

/**
 * The programme as a day plan: days with meetings (time, what, with whom, where). Saved as a
 * whole; the server's field errors come back by row (`days.0.items.1.title`).
 */
export function ProgrammeEditor({ requestId, initial, firstDate }: { requestId: string; initial: Programme; firstDate: string }) {
  const t = useTranslations('studyTrips.admin');
  const locale = useLocale();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const afterRender = useAfterRender();
  const [days, setDays] = useState<Day[]>(() => initial.map((day) => ({ key: key(), date: day.date, items: day.items.map((item) => ({ key: key(), ...item })) })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);

  const change = (update: (days: Day[]) => Day[]) => {
    setDays(update);
    setSaved(false);
  };
  const setItem = (dayKey: number, itemKey: number, patch: Partial<Item>) =>
    change((all) => all.map((d) => (d.key !== dayKey ? d : { ...d, items: d.items.map((i) => (i.key === itemKey ? { ...i, ...patch } : i)) })));

  function addDay() {
    const last = days.at(-1)?.date;
    change((all) => [...all, { key: key(), date: last ? addDays(last, 1) : firstDate, items: [blankItem()] }]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFormError(null);
    setSaved(false);
    const body = { days: days.map((d) => ({ date: d.date, items: d.items.map(({ time, title, with: w, place }) => ({ time, title, with: w, place })) })) };
    const result = await spacesApi(`/api/hub/study-trips/${requestId}/programme`, { method: 'PUT', body, fallbackMessage: t('failed') });
    setPending(false);
    if (!result.ok) {
      const fields = result.error.fields ?? {};
      setErrors(fields);
      const rowErrors = Object.keys(fields).filter((f) => f.startsWith('days.'));
      if (rowErrors.length === 0) setFormError(fields.days ?? fields.form ?? result.error.message);
      afterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus());
      return;
    }
    setErrors({});
    setSaved(true);
    router.refresh();
  }

  return (
    <form ref={formRef} noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
      {formError ? (
        <div tabIndex={-1} data-form-error="" className="outline-none">
          <Alert tone="error">{formError}</Alert>
        </div>
      ) : null}
      <p role="status" className="text-sm font-medium text-success-700 empty:hidden">
        {saved ? t('programmeSaved') : ''}
      </p>
      {days.length === 0 ? <p className="rounded-xl border border-dashed border-sand-300 bg-sand-25 px-4 py-5 text-ink-muted">{t('programmeEmpty')}</p> : null}
      {days.map((day, d) => (
        <fieldset key={day.key} className="flex flex-col gap-4 rounded-2xl border border-sand-200 bg-sand-25 p-4">
          <legend className="px-1 text-base font-semibold text-ink">
            {t('day', { number: d + 1 })}
            {day.date ? <span className="ml-2 font-normal text-ink-muted first-letter:uppercase">{programmeDay(day.date, locale)}</span> : null}
          </legend>
          <div className="flex flex-wrap items-end justify-between gap-3">
            <TextField
              type="date"
              name={`days.${d}.date`}
              label={t('date')}
              value={day.date}
              onChange={(e) => change((all) => all.map((x) => (x.key === day.key ? { ...x, date: e.target.value } : x)))}
              error={errors[`days.${d}.date`]}
              className="w-full sm:w-56"
            />
            <Button variant="ghost" size="sm" className="text-danger-700" iconStart={<IconClose size={16} />} onClick={() => change((all) => all.filter((x) => x.key !== day.key))}>
              {t('removeDay', { date: day.date ? programmeDay(day.date, locale) : String(d + 1) })}
            </Button>
          </div>
          {errors[`days.${d}.items`] ? (
            <p className="flex items-center gap-1.5 text-sm font-medium text-danger-700">
              <IconErrorCircle size={16} />
              {errors[`days.${d}.items`]}
            </p>
          ) : null}
          <ol className="flex flex-col gap-3">
            {day.items.map((item, i) => {
              const at = `days.${d}.items.${i}`;
              return (
                <li key={item.key} className="grid gap-3 rounded-xl border border-sand-200 bg-white p-3 sm:grid-cols-6 sm:items-start">
                  <TextField type="time" name={`${at}.time`} label={t('time')} value={item.time} onChange={(e) => setItem(day.key, item.key, { time: e.target.value })} error={errors[`${at}.time`]} className="sm:col-span-2" />
                  <TextField name={`${at}.title`} label={t('itemTitle')} value={item.title} maxLength={160} onChange={(e) => setItem(day.key, item.key, { title: e.target.value })} error={errors[`${at}.title`]} className="sm:col-span-4" />
                  <TextField name={`${at}.with`} label={t('with')} value={item.with} maxLength={160} onChange={(e) => setItem(day.key, item.key, { with: e.target.value })} error={errors[`${at}.with`]} className="sm:col-span-3" />
                  <TextField name={`${at}.place`} label={t('place')} value={item.place} maxLength={160} onChange={(e) => setItem(day.key, item.key, { place: e.target.value })} error={errors[`${at}.place`]} className="sm:col-span-3" />
                  <Button
                    variant="ghost"
                    size="sm"
                    className="justify-self-end text-danger-700 sm:col-span-6"
                    iconStart={<IconClose size={16} />}
                    onClick={() => change((all) => all.map((x) => (x.key === day.key ? { ...x, items: x.items.filter((y) => y.key !== item.key) } : x)))}
                  >
                    {t('removeItem')}
                    {item.title ? <span className="sr-only">: {item.time} {item.title}</span> : null}
                  </Button>
                </li>
              );
            })}
          </ol>
          <div>
            <Button
              variant="secondary"
              size="sm"
              iconStart={<IconPlus size={16} />}
              onClick={() => change((all) => all.map((x) => (x.key === day.key ? { ...x, items: [...x.items, blankItem(x.items.at(-1)?.time ?? '09:00')] } : x)))}
            >
              {t('addItem')}
            </Button>
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap justify-between gap-3 border-t border-sand-200 pt-4">
        <Button variant="secondary" iconStart={<IconPlus size={16} />} onClick={addDay}>
          {t('addDay')}
        </Button>
        <Button type="submit" loading={pending}>
          {t('saveProgramme')}
        </Button>
      </div>
    </form>
  );
}
