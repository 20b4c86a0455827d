'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { uploadWithProgress, type UploadResult } from './upload-with-progress';

/**
 * A form's upload with progress: `send` posts the form (XHR, see upload-with-progress.ts),
 * `progress` is 0–1 while it runs and null otherwise, `abort` cancels it (also on unmount).
 * The caller clears `progress` with `done()` when it has handled the result.
 */
export function useUpload() {
  const abortRef = useRef<(() => void) | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  useEffect(() => () => abortRef.current?.(), []);

  const send = useCallback(async <T>(url: string, form: FormData, options: { method?: 'POST' | 'PATCH'; fallbackMessage: string }): Promise<UploadResult<T>> => {
    setProgress(0);
    const upload = uploadWithProgress<T>(url, form, { ...options, onProgress: setProgress });
    abortRef.current = upload.abort;
    try {
      return await upload.done;
    } finally {
      abortRef.current = null;
    }
  }, []);

  return {
    send,
    progress,
    uploading: progress !== null,
    percent: Math.round((progress ?? 0) * 100),
    abort: () => abortRef.current?.(),
    done: () => setProgress(null),
  };
}
