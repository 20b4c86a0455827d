import { useId, type ComponentProps, type ReactNode } from 'react';
import { cx } from './class-names';
import { controlBorder, controlClassName, Field, fieldIds, type FieldError } from './Field';

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectFieldProps = Omit<ComponentProps<'select'>, 'size'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  optional?: boolean;
  hideLabel?: boolean;
  /** Options to render; alternatively pass <option> children. */
  options?: readonly SelectOption[];
  /** An empty first option ("Velg …"), selected when there is no value. */
  placeholder?: string;
  className?: string;
  selectClassName?: string;
};

export function SelectField({
  id,
  label,
  hint,
  error,
  optional,
  hideLabel,
  options,
  placeholder,
  className,
  selectClassName,
  children,
  'aria-describedby': describedBy,
  ...rest
}: SelectFieldProps) {
  const autoId = useId();
  const selectId = id ?? autoId;
  const { hintId, errorId, controlProps } = fieldIds(selectId, { hint, error, describedBy });
  return (
    <Field
      id={selectId}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      hideLabel={hideLabel}
      hintId={hintId}
      errorId={errorId}
      className={className}
    >
      <div className="relative">
        <select
          id={selectId}
          className={cx(controlClassName, controlBorder, 'h-11 appearance-none pr-10', selectClassName)}
          {...controlProps}
          {...rest}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options?.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
          {children}
        </select>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="pointer-events-none absolute top-1/2 right-3 size-5 -translate-y-1/2 text-ink-muted"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="m6 8 4 4 4-4" />
        </svg>
      </div>
    </Field>
  );
}
