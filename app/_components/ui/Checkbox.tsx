import { useId, type ComponentProps, type ReactNode } from 'react';
import { cx } from './class-names';
import { fieldIds, firstError, type FieldError } from './Field';
import { IconErrorCircle } from './Icon';

export type CheckboxProps = Omit<ComponentProps<'input'>, 'type' | 'size'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  className?: string;
};

/** A checkbox with its label to the right, e.g. "I accept the terms". */
export function Checkbox({ id, label, hint, error, className, 'aria-describedby': describedBy, ...rest }: CheckboxProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const { hintId, errorId, controlProps } = fieldIds(inputId, { hint, error, describedBy });
  const message = firstError(error);
  return (
    <div className={cx('flex gap-3', className)}>
      <input
        id={inputId}
        type="checkbox"
        className="mt-0.5 size-5 shrink-0 cursor-pointer rounded border-sand-500 accent-fjord-600"
        {...controlProps}
        {...rest}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="cursor-pointer text-sm font-medium text-ink">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="text-sm text-ink-muted">
            {hint}
          </p>
        ) : null}
        {message ? (
          <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-danger-700">
            <IconErrorCircle size={16} className="mt-0.5 shrink-0" />
            <span>{message}</span>
          </p>
        ) : null}
      </div>
    </div>
  );
}
