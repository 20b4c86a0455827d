'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { Button } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { memberHref, postHref } from '../_lib/paths';
import type { PostItem, PostLanguage } from '../_lib/types';
import { Avatar } from './Avatar';
import { IconEye, IconEyeOff, IconFlag, IconPencil, IconQuote, IconReply } from './forum-icons';
import { LanguageTag } from './LanguageTag';
import { MarkdownEditor } from './MarkdownEditor';
import { PostBody } from './PostBody';
import { Reactions } from './Reactions';
import { RelativeTime } from './RelativeTime';
import { useApiCall } from './use-api-call';

export interface PostPermissions {
  react: boolean;
  reply: boolean;
  edit: boolean;
  flag: boolean;
  moderate: boolean;
}

export interface PostCardProps {
  post: PostItem;
  threadId: string;
  perPage: number;
  now: string;
  /** The thread starter's member id, to mark their posts. */
  starterId: string;
  viewerId: string | null;
  can: PostPermissions;
  onReply: (post: PostItem) => void;
  onQuote: (post: PostItem) => void;
  onReact: (post: PostItem, kind: string, on: boolean) => void;
  onEdited: (post: PostItem, change: { html: string; body: string; language: string; editedAt: string | null }) => void;
  onShowRevisions: (post: PostItem) => void;
  onFlag: (post: PostItem) => void;
  onModerate: (post: PostItem, action: 'hide' | 'restore') => void;
  reactionError?: string;
}

const ACTION = 'h-9 px-2.5 text-ink-muted hover:text-ink sm:px-3';

/** One post in a thread: who and when, what it replies to, the text, reactions and actions. */
export function PostCard(props: PostCardProps) {
  const { post, threadId, perPage, now, starterId, viewerId, can } = props;
  const t = useTranslations('forum.post');
  const tt = useTranslations('forum.thread');
  const [editing, setEditing] = useState(false);
  const headingId = `post-${post.number}-heading`;
  const hiddenForViewer = post.hidden && !can.moderate;

  const actions: ReactNode[] = [];
  if (can.reply && !post.hidden) {
    actions.push(
      <Button key="reply" variant="ghost" size="sm" className={ACTION} onClick={() => props.onReply(post)} iconStart={<IconReply size={17} />} aria-label={t('replyLabel', { number: post.number, name: post.authorName })}>
        <span className="hidden sm:inline">{t('reply')}</span>
      </Button>,
      <Button key="quote" variant="ghost" size="sm" className={ACTION} onClick={() => props.onQuote(post)} iconStart={<IconQuote size={17} />} aria-label={t('quoteLabel', { number: post.number, name: post.authorName })}>
        <span className="hidden sm:inline">{t('quote')}</span>
      </Button>,
    );
  }
  if (can.edit && !editing) {
    actions.push(
      <Button key="edit" variant="ghost" size="sm" className={ACTION} onClick={() => setEditing(true)} iconStart={<IconPencil size={17} />} aria-label={t('editLabel', { number: post.number })}>
        <span className="hidden sm:inline">{t('edit')}</span>
      </Button>,
    );
  }
  if (can.flag && !post.hidden) {
    actions.push(
      <Button key="flag" variant="ghost" size="sm" className={ACTION} onClick={() => props.onFlag(post)} iconStart={<IconFlag size={17} />} aria-label={t('flagLabel', { number: post.number })}>
        <span className="hidden sm:inline">{t('flag')}</span>
      </Button>,
    );
  }
  if (can.moderate) {
    actions.push(
      post.hidden ? (
        <Button key="restore" variant="ghost" size="sm" className={ACTION} onClick={() => props.onModerate(post, 'restore')} iconStart={<IconEye size={17} />} aria-label={t('restoreLabel', { number: post.number })}>
          <span className="hidden sm:inline">{t('restore')}</span>
        </Button>
      ) : (
        <Button key="hide" variant="ghost" size="sm" className={cx(ACTION, 'hover:text-danger-700')} onClick={() => props.onModerate(post, 'hide')} iconStart={<IconEyeOff size={17} />} aria-label={t('hideLabel', { number: post.number })}>
          <span className="hidden sm:inline">{t('hide')}</span>
        </Button>
      ),
    );
  }

  return (
    <article
      id={`post-${post.number}`}
      data-post-number={post.number}
      aria-labelledby={headingId}
      className={cx(
        'scroll-mt-28 rounded-2xl border bg-white shadow-xs transition-shadow target:ring-2 target:ring-fjord-400 target:ring-offset-2 target:ring-offset-sand-50',
        post.hidden ? 'border-dashed border-sand-300 bg-sand-25' : 'border-sand-200',
      )}
    >
      <header className="flex items-start gap-3 px-4 pt-4 sm:px-6 sm:pt-5">
        <Avatar name={post.authorName} handle={post.authorHandle} />
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-[0.9375rem] leading-snug">
            <Link href={memberHref(post.authorHandle)} className="rounded font-semibold break-all text-ink hover:text-fjord-800 hover:underline">
              {post.authorName}
            </Link>
            <span className="text-sm font-normal break-all text-ink-muted">
              @{post.authorHandle}
            </span>
            {post.authorId === starterId && post.number > 1 ? (
              <Badge tone="primary" className="self-center px-2 py-0 text-[0.6875rem]">
                {tt('starterBadge')}
              </Badge>
            ) : null}
            {post.authorId === viewerId ? <span className="sr-only">({t('you')})</span> : null}
          </h3>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-muted">
            <a href={`#post-${post.number}`} className="rounded font-medium tabular-nums hover:text-fjord-800 hover:underline">
              #{post.number}
              <span className="sr-only"> {t('permalink')}</span>
            </a>
            <span aria-hidden="true">·</span>
            <RelativeTime value={post.createdAt} now={now} />
            <LanguageTag language={post.language} />
            {post.editedAt && !hiddenForViewer ? (
              <button
                type="button"
                onClick={() => props.onShowRevisions(post)}
                className="inline-flex items-center gap-1 rounded text-sm text-ink-muted italic underline decoration-dotted underline-offset-2 hover:text-fjord-800"
                aria-label={t('editedLabel')}
                aria-haspopup="dialog"
              >
                {t('edited')}
              </button>
            ) : null}
          </p>
        </div>
      </header>
      <div className="px-4 pt-3 pb-4 sm:pr-6 sm:pl-[4.75rem]">
        {post.replyTo && !hiddenForViewer ? (
          <p className="mb-2 flex items-center gap-1.5 text-sm text-ink-muted">
            <IconReply size={15} className="shrink-0" />
            <span>
              {t.rich('replyTo', {
                number: post.replyTo.number,
                name: post.replyTo.authorName,
                link: (chunks) => (
                  <Link href={postHref(threadId, post.replyTo!.number, perPage)} className="font-medium text-fjord-700 underline-offset-2 hover:underline">
                    {chunks}
                  </Link>
                ),
              })}
            </span>
          </p>
        ) : null}
        {hiddenForViewer ? (
          <p className="flex items-center gap-2 text-ink-muted italic">
            <IconEyeOff size={18} className="shrink-0" />
            {t('hidden')}
          </p>
        ) : editing ? (
          <EditPostForm
            post={post}
            onCancel={() => setEditing(false)}
            onSaved={(change) => {
              setEditing(false);
              props.onEdited(post, change);
            }}
          />
        ) : (
          <>
            {post.hidden ? (
              <p className="mb-3 flex items-center gap-2 rounded-lg bg-warning-50 px-3 py-2 text-sm font-medium text-warning-700">
                <IconEyeOff size={16} className="shrink-0" />
                {t('hiddenModerator')}
              </p>
            ) : null}
            <PostBody html={post.html} lang={post.language} className={post.hidden ? 'opacity-70' : undefined} />
          </>
        )}
      </div>
      {!hiddenForViewer && (actions.length > 0 || Object.keys(post.reactions).length > 0 || can.react) ? (
        <footer className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-t border-sand-100 px-3 py-2 sm:pr-4 sm:pl-[4.25rem]">
          <Reactions
            number={post.number}
            counts={post.reactions}
            mine={post.myReactions}
            onToggle={can.react && !post.hidden ? (kind, on) => props.onReact(post, kind, on) : undefined}
          />
          {actions.length ? (
            <div role="group" aria-label={t('actions', { number: post.number })} className="ml-auto flex flex-wrap items-center">
              {actions}
            </div>
          ) : null}
          {props.reactionError ? (
            <p role="alert" className="basis-full px-1 text-sm text-danger-700">
              {t('reactionFailed', { message: props.reactionError })}
            </p>
          ) : null}
        </footer>
      ) : null}
    </article>
  );
}

function EditPostForm({
  post,
  onCancel,
  onSaved,
}: {
  post: PostItem;
  onCancel: () => void;
  onSaved: (change: { html: string; body: string; language: string; editedAt: string | null }) => void;
}) {
  const t = useTranslations('forum.post');
  const te = useTranslations('forum.editor');
  const [body, setBody] = useState(post.body);
  const [language, setLanguage] = useState<PostLanguage>(post.language === 'en' ? 'en' : 'nb');
  const { call, pending, error, fields, waitSeconds } = useApiCall();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (pending || waitSeconds > 0) return;
    const result = await call<{ postId: string; html: string; editedAt: string | null }>(`/api/forum/posts/${post.id}`, {
      method: 'PATCH',
      body: { body, language },
    });
    if (result.ok) onSaved({ html: result.data.html, body, language, editedAt: result.data.editedAt });
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
      {error && !error.fields ? <Alert tone="error">{error.message}</Alert> : null}
      <MarkdownEditor
        id={`edit-${post.id}`}
        label={t('editHeading')}
        value={body}
        onChange={setBody}
        language={language}
        onLanguageChange={setLanguage}
        error={fields.body}
        languageError={fields.language}
        autoFocus
        compact
        onSubmitShortcut={() => void submit()}
      />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="ghost" onClick={onCancel}>
          {t('cancelEdit')}
        </Button>
        <Button type="submit" loading={pending} disabled={waitSeconds > 0 || !body.trim()}>
          {waitSeconds > 0 ? te('waitRetry', { seconds: waitSeconds }) : pending ? t('savingEdit') : t('saveEdit')}
        </Button>
      </div>
    </form>
  );
}
