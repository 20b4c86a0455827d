import { useId, type ComponentProps, type ReactNode } from 'react';
import { cx } from './class-names';
import { controlBorder, controlClassName, Field, fieldIds, type FieldError } from './Field';

export type TextFieldProps = Omit<ComponentProps<'input'>, 'size'> & {
  label: ReactNode;
  hint?: ReactNode;
  /** Error text (or a zod-style array: the first entry is shown). Sets aria-invalid. */
  error?: FieldError;
  /** Shows "(valgfritt)" / "(optional)" after the label. */
  optional?: boolean;
  hideLabel?: boolean;
  /** Class for the wrapper (label + control + messages). */
  className?: string;
  inputClassName?: string;
};

export function TextField({
  id,
  label,
  hint,
  error,
  optional,
  hideLabel,
  className,
  inputClassName,
  type = 'text',
  'aria-describedby': describedBy,
  ...rest
}: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const { hintId, errorId, controlProps } = fieldIds(inputId, { hint, error, describedBy });
  return (
    <Field
      id={inputId}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      hideLabel={hideLabel}
      hintId={hintId}
      errorId={errorId}
      className={className}
    >
      <input
        id={inputId}
        type={type}
        className={cx(controlClassName, controlBorder, 'h-11', inputClassName)}
        {...controlProps}
        {...rest}
      />
    </Field>
  );
}
