'use client';

import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * Runs a job (usually moving focus) right after React has committed the state set beside it.
 *
 * `requestAnimationFrame` is not enough: on a busy machine, or when the update is part of a
 * transition, the frame can come before React renders the error that focus should land on, and
 * the keyboard user is left where they were. Here the job runs in a layout effect of the render
 * that carries the update, so the element it looks for is in the DOM.
 */
export function useAfterRender() {
  const jobs = useRef<Array<() => void>>([]);
  const [request, setRequest] = useState(0);
  useLayoutEffect(() => {
    if (jobs.current.length === 0) return;
    for (const job of jobs.current.splice(0)) job();
  }, [request]);
  return useCallback((job: () => void) => {
    jobs.current.push(job);
    setRequest((n) => n + 1);
  }, []);
}

/** The first invalid control of a form, or its error message when no field is marked. */
export function focusFirstInvalid(root: ParentNode | null | undefined, selector = '[aria-invalid="true"], [data-form-error]') {
  root?.querySelector<HTMLElement>(selector)?.focus();
}
