'use client';

import { useFormStatus } from 'react-dom';
import { Button, type ButtonProps } from './Button';

export type SubmitButtonProps = Omit<ButtonProps, 'type'>;

/** A submit button that shows the spinner while its enclosing <form action={…}> is pending. */
export function SubmitButton({ loading, ...rest }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return <Button type="submit" loading={loading || pending} {...rest} />;
}
