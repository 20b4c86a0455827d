import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { cx } from './class-names';
import { IconErrorCircle } from './Icon';

/** A field error as a form action returns it: one message, several (zod), or nothing. */
export type FieldError = string | readonly string[] | null | undefined;

export function firstError(error: FieldError): string | undefined {
  if (!error) return undefined;
  if (typeof error === 'string') return error || undefined;
  return error[0];
}

/** Ids of the label, hint and error for one control, and the aria attributes that tie them together. */
export function fieldIds(id: string, opts: { hint?: ReactNode; error?: FieldError; describedBy?: string }) {
  const hintId = opts.hint ? `${id}-hint` : undefined;
  const errorId = firstError(opts.error) ? `${id}-error` : undefined;
  const describedBy = [opts.describedBy, hintId, errorId].filter(Boolean).join(' ') || undefined;
  return {
    hintId,
    errorId,
    controlProps: {
      'aria-describedby': describedBy,
      'aria-invalid': errorId ? (true as const) : undefined,
    },
  };
}

export const controlClassName =
  'block w-full rounded-lg border bg-white px-3.5 text-base text-ink shadow-xs ' +
  'placeholder:text-sand-500 transition-colors duration-150 ' +
  'hover:border-sand-600 disabled:cursor-not-allowed disabled:bg-sand-100 disabled:text-ink-muted ' +
  'aria-[invalid=true]:border-danger-600 aria-[invalid=true]:bg-danger-50/30';

export const controlBorder = 'border-sand-500';

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  /** Shows "(valgfritt)" / "(optional)" after the label. */
  optional?: boolean;
  /** Visually hide the label (it stays available to screen readers). */
  hideLabel?: boolean;
  hintId?: string;
  errorId?: string;
  className?: string;
  children: ReactNode;
};

/** Label, control, hint and error in the standard layout. Used by TextField, TextArea and SelectField. */
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  hideLabel,
  hintId,
  errorId,
  className,
  children,
}: FieldProps) {
  const t = useTranslations('common');
  const message = firstError(error);
  return (
    <div className={cx('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className={cx('text-sm font-semibold text-ink', hideLabel && 'sr-only')}>
        {label}
        {optional ? <span className="ml-1 font-normal text-ink-muted">{t('field.optional')}</span> : null}
      </label>
      {children}
      {hint && hintId ? (
        <p id={hintId} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      {message && errorId ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-danger-700">
          <IconErrorCircle size={16} className="mt-0.5 shrink-0" />
          <span>{message}</span>
        </p>
      ) : null}
    </div>
  );
}
