'use client';

import { useCallback, useRef, useState } from 'react';
import type { SpacesApiError } from '../../_lib/spaces-api';
import { useAfterRender } from '@/app/_components/use-after-render';

/**
 * A host form's server errors: the (already translated) message and field errors, and focus
 * moved to the first invalid control or the message, so keyboard and screen-reader users land
 * on what needs fixing.
 */
export function useFormErrors() {
  const formRef = useRef<HTMLFormElement>(null);
  const afterRender = useAfterRender();
  const [error, setError] = useState<SpacesApiError | null>(null);
  const show = useCallback((next: SpacesApiError | null) => {
    setError(next);
    if (!next) return;
    afterRender(() => {
      const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? formRef.current?.querySelector<HTMLElement>('[data-form-error]');
      target?.focus();
    });
  }, [afterRender]);
  const fields = error?.fields ?? {};
  /** The message for the top of the form when no field explains it. */
  const formMessage = error && Object.keys(fields).length === 0 ? error.message : null;
  return { formRef, error, fields, formMessage, show };
}

/** A number from a text box, or null when it is empty ("" → null, "12" → 12, "x" → NaN for the server to refuse). */
export function numberOrNull(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}
