'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { Dialog } from '@/app/_components/ui/Dialog';
import { TextArea } from '@/app/_components/ui/TextArea';
import { useApiCall } from './use-api-call';

/** A member reports a post to the moderators, with a short reason. */
export function FlagDialog({ post, onClose }: { post: { id: string; number: number } | null; onClose: () => void }) {
  const t = useTranslations('forum.flag');
  const { call, pending, error, fields, clearError } = useApiCall();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);

  function close() {
    setReason('');
    setDone(false);
    clearError();
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!post) return;
    const result = await call(`/api/forum/posts/${post.id}/flags`, { body: { reason } });
    if (result.ok) setDone(true);
  }

  return (
    <Dialog open={post !== null} onClose={close} title={t('title')} description={done ? undefined : t('description')}>
      {done ? (
        <div className="flex flex-col gap-4">
          <Alert tone="success">{t('done')}</Alert>
          <div className="flex justify-end">
            <Button onClick={close} autoFocus>
              {t('close')}
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
          {error && !error.fields ? <Alert tone="error">{error.message}</Alert> : null}
          <TextArea
            label={t('reason')}
            hint={t('reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            minLength={3}
            maxLength={500}
            rows={3}
            required
            autoFocus
            error={fields.reason}
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="ghost" onClick={close}>
              {t('close')}
            </Button>
            <Button type="submit" loading={pending} disabled={reason.trim().length < 3}>
              {pending ? t('submitting') : t('submit')}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
