'use client';

import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button, type ButtonVariant } from '@/app/_components/ui/Button';
import { Dialog } from '@/app/_components/ui/Dialog';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';

/**
 * A button that asks first, then sends one JSON request (closing an ad, leaving an
 * organisation) and re-renders the page from the server. The server's message, already in
 * the member's language, is shown in the dialog when it refuses.
 */
export function ConfirmActionButton({
  label,
  icon,
  title,
  body,
  confirm,
  cancel,
  failed,
  endpoint,
  method = 'POST',
  variant = 'secondary',
  size,
  redirectTo,
}: {
  label: string;
  icon?: ReactNode;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  failed: string;
  endpoint: string;
  method?: 'POST' | 'DELETE';
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  /** Where to go when it is done (after a deletion the page is gone); else the page re-renders. */
  redirectTo?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setPending(true);
    setError(null);
    const result = await spacesApi(endpoint, { method, body: {}, fallbackMessage: failed });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setOpen(false);
    if (redirectTo) router.push(redirectTo);
    router.refresh();
  }

  return (
    <>
      <Button variant={variant} size={size} iconStart={icon} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog open={open} onClose={pending ? () => {} : () => setOpen(false)} title={title} description={body}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            {cancel}
          </Button>
          <Button variant="danger" onClick={run} loading={pending}>
            {confirm}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
