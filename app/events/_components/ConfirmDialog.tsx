'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { Dialog } from '@/app/_components/ui/Dialog';

/** "Are you sure?" for steps that cannot be undone (going live, ending, canceling, removing). */
export function ConfirmDialog({
  open,
  title,
  body,
  confirm,
  tone = 'primary',
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  body: ReactNode;
  confirm: string;
  tone?: 'primary' | 'danger';
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useTranslations('events.host');
  return (
    <Dialog open={open} onClose={pending ? () => {} : onClose} title={title} description={typeof body === 'string' ? body : undefined}>
      {typeof body === 'string' ? null : <div className="text-sm text-ink-muted">{body}</div>}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          {t('keep')}
        </Button>
        <Button variant={tone === 'danger' ? 'danger' : 'primary'} onClick={onConfirm} loading={pending}>
          {confirm}
        </Button>
      </div>
    </Dialog>
  );
}
