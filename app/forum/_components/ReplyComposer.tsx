'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent, RefObject } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { IconClose } from '@/app/_components/ui/Icon';
import type { ApiError } from '../_lib/forum-api';
import type { PostLanguage } from '../_lib/types';
import { IconReply } from './forum-icons';
import { MarkdownEditor } from './MarkdownEditor';

export interface ReplyDraft {
  body: string;
  language: PostLanguage;
  replyTo: { id: string; number: number; authorName: string } | null;
}

/** The reply form at the bottom of a thread; ThreadView owns the draft (quote fills it). */
export function ReplyComposer({
  draft,
  onChange,
  onSubmit,
  pending,
  error,
  waitSeconds,
  textareaRef,
}: {
  draft: ReplyDraft;
  onChange: (draft: ReplyDraft) => void;
  onSubmit: () => void;
  pending: boolean;
  error: ApiError | null;
  waitSeconds: number;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const t = useTranslations('forum.reply');
  const te = useTranslations('forum.editor');
  const fields = error?.fields ?? {};

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (pending || waitSeconds > 0) return;
    onSubmit();
  }

  return (
    <Card as="section" aria-labelledby="reply-heading" id="reply" className="scroll-mt-28">
      <h2 id="reply-heading" className="mb-4 text-lg font-semibold text-ink">
        {t('heading')}
      </h2>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {error && !error.fields ? (
          <Alert tone={error.retryInSeconds ? 'warning' : 'error'} role="alert">
            {error.message}
          </Alert>
        ) : null}
        {draft.replyTo ? (
          <p className="flex items-center justify-between gap-3 rounded-lg bg-fjord-50 px-3 py-2 text-sm text-fjord-900">
            <span className="flex items-center gap-2">
              <IconReply size={16} className="shrink-0" />
              {t('replyingTo', { number: draft.replyTo.number, name: draft.replyTo.authorName })}
            </span>
            <button
              type="button"
              onClick={() => onChange({ ...draft, replyTo: null })}
              className="flex size-8 items-center justify-center rounded-md text-fjord-800 hover:bg-fjord-100"
            >
              <IconClose size={16} title={t('cancelReplyTo')} />
            </button>
          </p>
        ) : null}
        <MarkdownEditor
          id="reply-editor"
          label={t('label')}
          value={draft.body}
          onChange={(body) => onChange({ ...draft, body })}
          language={draft.language}
          onLanguageChange={(language) => onChange({ ...draft, language })}
          error={fields.body}
          languageError={fields.language}
          placeholder={t('placeholder')}
          onSubmitShortcut={() => submit()}
          textareaRef={textareaRef}
          compact
        />
        <div className="flex justify-end">
          <Button type="submit" loading={pending} disabled={waitSeconds > 0 || !draft.body.trim()} className="w-full sm:w-auto">
            {waitSeconds > 0 ? te('waitRetry', { seconds: waitSeconds }) : pending ? t('submitting') : t('submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
