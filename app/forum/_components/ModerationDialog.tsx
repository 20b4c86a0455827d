'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { Dialog } from '@/app/_components/ui/Dialog';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextArea } from '@/app/_components/ui/TextArea';
import type { CategoryOption } from '../_lib/types';
import { useApiCall } from './use-api-call';

export type PostAction = 'hide' | 'restore' | 'dismiss-flags';
export type ThreadAction = 'lock' | 'unlock' | 'pin' | 'unpin' | 'hide-thread' | 'restore-thread' | 'move';
export type ModerationRequest =
  | { action: PostAction; postId: string; number: number }
  | { action: ThreadAction; threadId: string; categoryId?: string };

/**
 * Every moderator action asks for a reason (the audit log keeps it) before it is sent to
 * POST /api/forum/moderation. Moving a thread also asks where to.
 */
export function ModerationDialog({
  request,
  categories = [],
  onClose,
  onDone,
}: {
  request: ModerationRequest | null;
  categories?: CategoryOption[];
  onClose: () => void;
  onDone: (request: ModerationRequest, categoryId?: string) => void;
}) {
  const t = useTranslations('forum.moderate');
  const { call, pending, error, fields, clearError } = useApiCall();
  const [reason, setReason] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const number = request && 'number' in request ? request.number : 0;

  function close() {
    setReason('');
    setCategoryId('');
    clearError();
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!request) return;
    const body =
      'postId' in request
        ? { action: request.action, postId: request.postId, reason }
        : request.action === 'move'
          ? { action: 'move', threadId: request.threadId, categoryId, reason }
          : { action: request.action, threadId: request.threadId, reason };
    const result = await call('/api/forum/moderation', { body });
    if (result.ok) {
      const done = request;
      setReason('');
      setCategoryId('');
      onDone(done, request.action === 'move' ? categoryId : undefined);
    }
  }

  const moveTargets = request && request.action === 'move' ? categories.filter((c) => c.id !== request.categoryId) : [];
  return (
    <Dialog
      open={request !== null}
      onClose={close}
      title={request ? t(`titles.${request.action}`, { number }) : ''}
      description={request ? t(`descriptions.${request.action}`) : undefined}
    >
      {request ? (
        <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
          {error && !error.fields ? <Alert tone="error">{error.message}</Alert> : null}
          {request.action === 'move' ? (
            <SelectField
              label={t('category')}
              value={categoryId}
              onChange={(event) => setCategoryId(event.target.value)}
              placeholder=""
              required
              options={moveTargets.map((c) => ({ value: c.id, label: c.name }))}
              error={fields.categoryId}
            />
          ) : null}
          <TextArea
            label={t('reason')}
            hint={t('reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            minLength={3}
            maxLength={500}
            rows={3}
            autoFocus
            error={fields.reason}
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="ghost" onClick={close}>
              {t('cancel')}
            </Button>
            <Button
              type="submit"
              variant={request.action === 'hide' || request.action === 'hide-thread' ? 'danger' : 'primary'}
              loading={pending}
              disabled={reason.trim().length < 3 || (request.action === 'move' && !categoryId)}
            >
              {pending ? t('working') : t('confirm')}
            </Button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
