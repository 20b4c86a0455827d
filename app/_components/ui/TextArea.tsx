import { useId, type ComponentProps, type ReactNode } from 'react';
import { cx } from './class-names';
import { controlBorder, controlClassName, Field, fieldIds, type FieldError } from './Field';

export type TextAreaProps = ComponentProps<'textarea'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  optional?: boolean;
  hideLabel?: boolean;
  className?: string;
  textareaClassName?: string;
};

export function TextArea({
  id,
  label,
  hint,
  error,
  optional,
  hideLabel,
  className,
  textareaClassName,
  rows = 4,
  'aria-describedby': describedBy,
  ...rest
}: TextAreaProps) {
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
      <textarea
        id={inputId}
        rows={rows}
        className={cx(controlClassName, controlBorder, 'min-h-24 py-2.5 leading-relaxed', textareaClassName)}
        {...controlProps}
        {...rest}
      />
    </Field>
  );
}
