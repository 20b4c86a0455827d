import { useId, type ComponentProps, type ReactNode } from 'react';
import { cx } from './class-names';
import { Field, fieldIds, type FieldError } from './Field';

export type FileFieldProps = Omit<ComponentProps<'input'>, 'type' | 'size'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  optional?: boolean;
  className?: string;
};

/** A file picker in the standard field layout (label, hint, error), styled like the other controls. */
export function FileField({ id, label, hint, error, optional, className, 'aria-describedby': describedBy, ...rest }: FileFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const { hintId, errorId, controlProps } = fieldIds(inputId, { hint, error, describedBy });
  return (
    <Field id={inputId} label={label} hint={hint} error={error} optional={optional} hintId={hintId} errorId={errorId} className={className}>
      <input
        id={inputId}
        type="file"
        className={cx(
          'block w-full rounded-lg border border-sand-500 bg-white text-sm text-ink',
          'file:mr-3 file:h-11 file:cursor-pointer file:border-0 file:border-r file:border-sand-300 file:bg-fjord-50 file:px-4 file:font-semibold file:text-fjord-800 hover:file:bg-fjord-100',
          'disabled:cursor-not-allowed disabled:opacity-60 aria-[invalid=true]:border-danger-600',
        )}
        {...controlProps}
        {...rest}
      />
    </Field>
  );
}
