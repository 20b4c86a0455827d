'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { forumApi, type ApiError, type ApiResult } from '../_lib/forum-api';

/**
 * One API write from a form: pending state, the server's (already translated) error and field
 * errors, and after a 429 a countdown until the next attempt may succeed.
 */
export function useApiCall() {
  const t = useTranslations('forum.errors');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const busy = useRef(false);

  useEffect(() => {
    if (retryAt === null) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= retryAt) {
        setRetryAt(null);
        setError((e) => (e?.retryInSeconds ? null : e));
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [retryAt]);

  const call = useCallback(
    async <T>(path: string, options: { method?: 'GET' | 'POST' | 'PATCH'; body?: unknown } = {}): Promise<ApiResult<T>> => {
      if (busy.current) return { ok: false, error: { code: 'busy', message: '' } };
      busy.current = true;
      setPending(true);
      try {
        const result = await forumApi<T>(path, { ...options, fallbackMessage: t('generic') });
        if (result.ok) {
          setError(null);
        } else {
          setError(result.error);
          if (result.error.retryInSeconds) {
            setNow(Date.now());
            setRetryAt(Date.now() + result.error.retryInSeconds * 1000);
          }
        }
        return result;
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [t],
  );

  const waitSeconds = retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));
  return { call, pending, error, fields: error?.fields ?? {}, waitSeconds, clearError: () => setError(null) };
}
