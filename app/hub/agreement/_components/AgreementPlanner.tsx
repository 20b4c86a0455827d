'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { Checkbox } from '@/app/_components/ui/Checkbox';
import { cx } from '@/app/_components/ui/class-names';
import { IconArrowLeft, IconArrowRight, IconCheck, IconErrorCircle } from '@/app/_components/ui/Icon';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextArea } from '@/app/_components/ui/TextArea';
import { TextField } from '@/app/_components/ui/TextField';
import { weekdayName } from '@/app/lessons/_lib/lesson-format';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';
import type { AgreementStep } from '@/server/hub/agreement';
import { OPTION_VALUES, STEP_FIELDS, type OptionSet, type StepField } from '../_lib/step-fields';
import { useAfterRender } from '@/app/_components/use-after-render';

type Value = string | boolean | string[];
type StepValues = Record<string, Value>;

function initialValues(step: AgreementStep, saved: Record<string, unknown> | undefined, language: string): StepValues {
  const values: StepValues = {};
  for (const field of STEP_FIELDS[step]) {
    const v = saved?.[field.name];
    if (field.kind === 'checkbox') values[field.name] = v === true;
    else if (field.kind === 'checkboxes') values[field.name] = Array.isArray(v) ? v.map(String) : [];
    else values[field.name] = v === null || v === undefined ? (field.name === 'language' ? language : '') : String(v);
  }
  return values;
}

/**
 * The planner's steps with a step indicator: each step is saved on its own (the server checks
 * it with that step's schema and answers field errors in the member's language). Moving between
 * steps keeps what was typed, saved or not.
 */
export function AgreementPlanner({
  draftId,
  steps,
  initialStep,
  saved,
  language,
}: {
  draftId: string;
  steps: AgreementStep[];
  initialStep: AgreementStep;
  saved: Partial<Record<AgreementStep, Record<string, unknown>>>;
  language: string;
}) {
  const t = useTranslations('agreement');
  const locale = useLocale();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const afterRender = useAfterRender();
  const [step, setStep] = useState<AgreementStep>(initialStep);
  const [values, setValues] = useState<Record<AgreementStep, StepValues>>(
    () => Object.fromEntries(steps.map((s) => [s, initialValues(s, saved[s], language)])) as Record<AgreementStep, StepValues>,
  );
  const [done, setDone] = useState<Set<AgreementStep>>(() => new Set(steps.filter((s) => saved[s])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<'save' | 'next' | null>(null);
  const [status, setStatus] = useState('');

  const index = steps.indexOf(step);
  const optionLabel = (set: OptionSet, value: string) =>
    set === 'weekdays' ? weekdayName(Number(value), locale) : t(`options.${set}.${value}` as 'options.payer.employer');

  function go(to: AgreementStep) {
    setStep(to);
    setErrors({});
    setFormError(null);
    setStatus('');
    router.replace(`/hub/agreement/${draftId}?step=${to}`, { scroll: false });
    afterRender(() => headingRef.current?.focus());
  }

  function set(name: string, value: Value) {
    setValues((all) => ({ ...all, [step]: { ...all[step], [name]: value } }));
    setStatus('');
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const andNext = submitter?.value === 'next';
    setPending(andNext ? 'next' : 'save');
    setFormError(null);
    const result = await spacesApi(`/api/hub/agreements/${draftId}`, { method: 'PUT', body: { step, values: values[step] }, fallbackMessage: t('planner.failed') });
    setPending(null);
    if (!result.ok) {
      const fields = result.error.fields ?? {};
      setErrors(fields);
      const known = STEP_FIELDS[step].some((f) => fields[f.name]);
      if (!known) setFormError(fields.form ?? result.error.message);
      afterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus());
      return;
    }
    setErrors({});
    setDone((current) => new Set(current).add(step));
    router.refresh();
    if (andNext && index < steps.length - 1) go(steps[index + 1]!);
    else setStatus(t('planner.saved'));
  }

  const errorCount = STEP_FIELDS[step].filter((f) => errors[f.name]).length;
  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-10">
      <nav aria-label={t('planner.stepsLabel')} className="min-w-0">
        <ol className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-2 lg:mx-0 lg:flex-col lg:overflow-visible lg:px-0 lg:pb-0">
          {steps.map((s, i) => {
            const here = s === step;
            const saved = done.has(s);
            return (
              <li key={s} className="shrink-0">
                <button
                  type="button"
                  onClick={() => go(s)}
                  aria-current={here ? 'step' : undefined}
                  className={cx(
                    'flex w-full items-center gap-3 rounded-xl border px-3 py-2 text-left text-sm transition-colors',
                    here ? 'border-fjord-500 bg-fjord-50 font-semibold text-ink ring-1 ring-fjord-500' : 'border-sand-200 bg-white text-ink hover:border-fjord-300',
                  )}
                >
                  <span
                    aria-hidden="true"
                    className={cx(
                      'flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-bold',
                      saved ? 'bg-success-600 text-white' : here ? 'bg-fjord-600 text-white' : 'bg-sand-100 text-ink-muted',
                    )}
                  >
                    {saved ? <IconCheck size={14} /> : i + 1}
                  </span>
                  <span className="whitespace-nowrap lg:whitespace-normal">{t(`steps.${s}.title`)}</span>
                  <span className="sr-only">({saved ? t('planner.done') : t('planner.notDone')})</span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <form ref={formRef} noValidate onSubmit={(event) => void save(event)} className="flex min-w-0 flex-col gap-6" aria-labelledby="step-heading">
        <div>
          <p className="text-sm font-semibold text-fjord-700">{t('planner.stepOf', { number: index + 1, total: steps.length })}</p>
          <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="mt-1 text-2xl font-semibold text-ink outline-none">
            {t(`steps.${step}.title`)}
          </h2>
          <p className="mt-2 text-ink-muted">{t(`steps.${step}.lead`)}</p>
        </div>
        {formError ? (
          <div tabIndex={-1} data-form-error="" className="outline-none">
            <Alert tone="error">{formError}</Alert>
          </div>
        ) : errorCount > 0 ? (
          <p role="alert" className="flex items-center gap-2 text-sm font-semibold text-danger-700">
            <IconErrorCircle size={18} />
            {t('planner.errorSummary', { count: errorCount })}
          </p>
        ) : null}

        <div key={step} className="grid gap-5 sm:grid-cols-2">
          {STEP_FIELDS[step].map((field) => (
            <FieldControl key={field.name} field={field} value={values[step][field.name]!} error={errors[field.name]} onChange={(v) => set(field.name, v)} optionLabel={optionLabel} />
          ))}
        </div>

        <p role="status" className="flex items-center gap-2 text-sm font-medium text-success-700 empty:hidden">
          {status}
        </p>
        <div className="flex flex-col-reverse gap-3 border-t border-sand-200 pt-5 sm:flex-row sm:justify-between">
          <div>
            {index > 0 ? (
              <Button variant="ghost" iconStart={<IconArrowLeft size={18} />} onClick={() => go(steps[index - 1]!)} disabled={pending !== null}>
                {t('planner.previous')}
              </Button>
            ) : null}
          </div>
          <div className="flex flex-col-reverse gap-3 sm:flex-row">
            <Button type="submit" name="intent" value="save" variant="secondary" loading={pending === 'save'} disabled={pending !== null}>
              {t('planner.save')}
            </Button>
            {index < steps.length - 1 ? (
              <Button type="submit" name="intent" value="next" loading={pending === 'next'} disabled={pending !== null} iconEnd={<IconArrowRight size={18} />}>
                {t('planner.saveNext')}
              </Button>
            ) : null}
          </div>
        </div>
      </form>
    </div>
  );
}

function FieldControl({
  field,
  value,
  error,
  onChange,
  optionLabel,
}: {
  field: StepField;
  value: Value;
  error: string | undefined;
  onChange: (value: Value) => void;
  optionLabel: (set: OptionSet, value: string) => string;
}) {
  const t = useTranslations('agreement');
  const labelKey = (field.label ?? field.name) as 'employeeName';
  const label = t(`fields.${labelKey}`);
  const hint = 'hint' in field && field.hint ? t(`fields.${labelKey}Hint` as 'fields.titleHint') : undefined;
  const optional = !('required' in field && field.required);
  const wide = field.kind === 'textarea' || field.kind === 'checkboxes' || field.kind === 'checkbox';
  const className = wide ? 'sm:col-span-2' : undefined;

  if (field.kind === 'checkbox') {
    return <Checkbox name={field.name} label={label} checked={value === true} onChange={(e) => onChange(e.target.checked)} error={error} className={className} />;
  }
  if (field.kind === 'checkboxes') {
    const chosen = Array.isArray(value) ? value : [];
    const errorId = `${field.name}-error`;
    return (
      <fieldset className={cx('flex flex-col gap-2', className)} aria-describedby={error ? errorId : undefined}>
        <legend className="mb-1 text-sm font-semibold text-ink">
          {label}
          {optional ? <span className="ml-1 font-normal text-ink-muted">({t('planner.optional')})</span> : null}
        </legend>
        <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
          {OPTION_VALUES[field.options].map((option, i) => (
            <Checkbox
              key={option}
              name={field.name}
              value={option}
              label={optionLabel(field.options, option)}
              checked={chosen.includes(option)}
              aria-invalid={error && i === 0 ? true : undefined}
              onChange={(e) => onChange(e.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option))}
              className="rounded-lg border border-sand-200 bg-white p-2.5 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-fjord-500"
            />
          ))}
        </div>
        {error ? (
          <p id={errorId} className="flex items-center gap-1.5 text-sm font-medium text-danger-700">
            <IconErrorCircle size={16} />
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  }
  if (field.kind === 'select') {
    return (
      <SelectField
        name={field.name}
        label={label}
        hint={hint}
        value={String(value)}
        placeholder={field.name === 'language' ? undefined : t('planner.choose')}
        onChange={(e) => onChange(e.target.value)}
        options={OPTION_VALUES[field.options].map((option) => ({ value: option, label: optionLabel(field.options, option) }))}
        error={error}
        optional={optional}
        className={className}
      />
    );
  }
  if (field.kind === 'textarea') {
    return <TextArea name={field.name} label={label} hint={hint} rows={3} maxLength={field.max ?? 2000} value={String(value)} onChange={(e) => onChange(e.target.value)} error={error} optional={optional} className={className} />;
  }
  return (
    <TextField
      name={field.name}
      type={field.kind}
      inputMode={field.kind === 'number' ? 'numeric' : undefined}
      min={field.kind === 'number' ? 1 : undefined}
      label={label}
      hint={hint}
      maxLength={field.kind === 'text' ? field.max : undefined}
      value={String(value)}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      optional={optional}
      className={className}
    />
  );
}
