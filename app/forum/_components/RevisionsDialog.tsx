'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { LocalTime } from '@/app/_components/LocalTime';
import { Alert } from '@/app/_components/ui/Alert';
import { Dialog } from '@/app/_components/ui/Dialog';
import { Spinner } from '@/app/_components/ui/Spinner';
import { forumApi } from '../_lib/forum-api';
import type { PostItem } from '../_lib/types';
import { PostBody } from './PostBody';

type Revision = { body: string; createdAt: string; editorName: string };

/** "redigert" → the earlier versions of a post, newest first, under the current one. */
export function RevisionsDialog({ post, onClose }: { post: PostItem | null; onClose: () => void }) {
  const t = useTranslations('forum.revisions');
  const te = useTranslations('forum.errors');
  const [state, setState] = useState<{ postId: string; revisions?: Revision[]; error?: string } | null>(null);

  useEffect(() => {
    if (!post) return;
    let cancelled = false;
    setState({ postId: post.id });
    void forumApi<{ revisions: Revision[] }>(`/api/forum/posts/${post.id}/revisions`, { fallbackMessage: te('generic') }).then((result) => {
      if (cancelled) return;
      setState(result.ok ? { postId: post.id, revisions: result.data.revisions } : { postId: post.id, error: result.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [post, te]);

  return (
    <Dialog
      open={post !== null}
      onClose={onClose}
      title={t('title')}
      description={post ? t('description', { number: post.number }) : undefined}
      className="max-h-[85dvh] overflow-y-auto"
    >
      {post ? (
        <div className="flex flex-col gap-4">
          <section aria-labelledby="revision-current" className="rounded-xl border border-fjord-200 bg-fjord-50/40 p-4">
            <h3 id="revision-current" className="mb-2 text-sm font-semibold text-fjord-800">
              {t('current')}
            </h3>
            <PostBody html={post.html} lang={post.language} />
          </section>
          {!state?.revisions && !state?.error ? (
            <p className="flex items-center gap-2 text-ink-muted">
              <Spinner size="sm" decorative />
              {t('loading')}
            </p>
          ) : state.error ? (
            <Alert tone="error">{t('failed', { message: state.error })}</Alert>
          ) : state.revisions!.length === 0 ? (
            <p className="text-ink-muted">{t('empty')}</p>
          ) : (
            <ol className="flex flex-col gap-3">
              {state.revisions!.map((revision) => (
                <li key={revision.createdAt} className="rounded-xl border border-sand-200 p-4">
                  <p className="mb-2 text-sm text-ink-muted">
                    {t.rich('replaced', {
                      name: revision.editorName,
                      time: () => <LocalTime value={revision.createdAt} />,
                    })}
                  </p>
                  {/* The Markdown source of the old version, shown as text. */}
                  <pre className="font-sans text-[0.9375rem] leading-relaxed break-words whitespace-pre-wrap text-ink">{revision.body}</pre>
                </li>
              ))}
            </ol>
          )}
        </div>
      ) : null}
    </Dialog>
  );
}
