'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLive } from '@/app/_components/live/use-live';
import { LocalTime } from '@/app/_components/LocalTime';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { Button, ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { forumApi } from '../_lib/forum-api';
import { categoryHref, memberHref, postHref, threadHref } from '../_lib/paths';
import type { CategoryOption, PostItem, PostLanguage, ThreadState } from '../_lib/types';
import type { ForumLivePost } from '@/server/signalling/contract';
import { CategoryDot } from './CategoryDot';
import { FlagDialog } from './FlagDialog';
import { FollowButton } from './FollowButton';
import { IconEye, IconEyeOff, IconLock, IconMove, IconPin, IconUnlock } from './forum-icons';
import { LanguageTag } from './LanguageTag';
import { ModerationDialog, type ModerationRequest, type ThreadAction } from './ModerationDialog';
import { PostCard } from './PostCard';
import { RelativeTime } from './RelativeTime';
import { ReplyComposer, type ReplyDraft } from './ReplyComposer';
import { RevisionsDialog } from './RevisionsDialog';
import { ThreadPagination } from './ThreadPagination';
import { useApiCall } from './use-api-call';
import { useAfterRender } from '@/app/_components/use-after-render';

export interface ThreadViewer {
  id: string;
  moderator: boolean;
  /** May write in this category (signed in, not suspended, may read it). */
  canPost: boolean;
  suspendedUntil: string | null;
}

export interface ThreadViewProps {
  thread: ThreadState & { authorId: string; authorName: string; authorHandle: string; createdAt: string };
  category: { id: string; slug: string; name: string; color: string };
  posts: PostItem[];
  /** The page shows the posts after this number. */
  after: number;
  /** More posts exist after this page. */
  more: boolean;
  perPage: number;
  now: string;
  viewer: ThreadViewer | null;
  following: boolean;
  /** Move targets, for moderators. */
  categories: CategoryOption[];
  uiLanguage: PostLanguage;
}

/** Text of server-made HTML, for quoting a post whose Markdown this page does not have. */
function textOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

function fromLive(post: ForumLivePost, posts: PostItem[]): PostItem {
  const target = post.replyToId ? posts.find((p) => p.id === post.replyToId) : undefined;
  return {
    id: post.id,
    number: post.number,
    authorId: post.authorId,
    authorName: post.authorName,
    authorHandle: post.authorHandle,
    language: post.language,
    html: post.html,
    body: '',
    hidden: false,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    replyTo: target ? { id: target.id, number: target.number, authorName: target.authorName } : null,
    reactions: {},
    myReactions: [],
  };
}

/**
 * A thread page in the browser: the posts of one page with live updates (new replies on the
 * last page, edits, hidden posts, reactions, lock/pin), the reply composer, moderator tools and
 * read tracking.
 */
export function ThreadView(props: ThreadViewProps) {
  const { category, after, more, perPage, viewer, uiLanguage } = props;
  const t = useTranslations('forum');
  const router = useRouter();
  const moderator = viewer?.moderator ?? false;

  // Server props are the truth after every navigation or refresh; live events add to them.
  const [posts, setPosts] = useState(props.posts);
  const [thread, setThread] = useState(props.thread);
  const [sourcePosts, setSourcePosts] = useState(props.posts);
  const [sourceThread, setSourceThread] = useState(props.thread);
  if (sourcePosts !== props.posts) {
    setSourcePosts(props.posts);
    const lastServer = props.posts.at(-1)?.number ?? after;
    setPosts([...props.posts, ...posts.filter((p) => p.number > lastServer && p.number <= after + perPage && !props.more)]);
  }
  if (sourceThread !== props.thread) {
    setSourceThread(props.thread);
    setThread(props.thread);
  }

  const [announcement, setAnnouncement] = useState('');
  /** Live updates are flowing (exposed as data-live for tests and styling). */
  const [live, setLive] = useState(false);
  const [newElsewhere, setNewElsewhere] = useState(0);
  const [revisionsFor, setRevisionsFor] = useState<PostItem | null>(null);
  const [flagFor, setFlagFor] = useState<PostItem | null>(null);
  const [moderation, setModeration] = useState<ModerationRequest | null>(null);
  const [reactionErrors, setReactionErrors] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState<ReplyDraft>({ body: '', language: uiLanguage, replyTo: null });
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const afterRender = useAfterRender();
  const reply = useApiCall();

  const announce = useCallback((text: string) => {
    // Re-set even when equal, so a repeated message is read again.
    setAnnouncement('');
    window.setTimeout(() => setAnnouncement(text), 50);
  }, []);

  useLive(
    viewer ? 'member' : 'public',
    { threadId: thread.id },
    {
      'forum:post-created': (post) => {
        if (post.threadId !== thread.id) return;
        setThread((current) => ({ ...current, postCount: Math.max(current.postCount, post.number) }));
        const own = post.authorId === viewer?.id;
        if (!more && post.number <= after + perPage) {
          setPosts((current) => (current.some((p) => p.id === post.id) ? current : [...current, fromLive(post, current)]));
          announce(own ? t('thread.announceOwn', { number: post.number }) : t('thread.announceNew', { name: post.authorName, number: post.number }));
        } else if (!own) {
          setNewElsewhere((n) => n + 1);
        }
      },
      'forum:post-updated': (post) => {
        setPosts((current) =>
          current.map((p) =>
            p.id === post.id
              ? { ...p, html: p.hidden && !moderator ? p.html : post.html, editedAt: post.editedAt, language: post.language, body: p.body && p.html === post.html ? p.body : '' }
              : p,
          ),
        );
      },
      'forum:post-hidden': ({ postId, hidden }) => {
        const target = posts.find((p) => p.id === postId);
        if (!target) return;
        if (moderator) {
          setPosts((current) => current.map((p) => (p.id === postId ? { ...p, hidden } : p)));
        } else if (hidden) {
          setPosts((current) => current.map((p) => (p.id === postId ? { ...p, hidden: true, html: '', body: '' } : p)));
          announce(t('thread.announceHidden', { number: target.number }));
        } else {
          // The text of a restored post is not in the event: ask the server again.
          router.refresh();
        }
      },
      'forum:reactions-changed': ({ postId, counts }) => {
        setPosts((current) => current.map((p) => (p.id === postId ? { ...p, reactions: counts } : p)));
      },
      'forum:thread-changed': (change) => {
        if (change.threadId !== thread.id) return;
        if (change.locked !== thread.locked) announce(t(change.locked ? 'thread.announceLocked' : 'thread.announceUnlocked'));
        setThread((current) => ({ ...current, locked: change.locked, pinned: change.pinned, hidden: change.hidden }));
        // Moved, or hidden from this reader: the server decides what to show now.
        if (change.categoryId !== category.id || (change.hidden && !moderator)) router.refresh();
      },
    },
    {
      onReconnect: () => router.refresh(),
      onActive: (active, state) => {
        setLive(active);
        // Posts committed before the watch began (this page came from a cache, or was rendered
        // just before a reply) are not broadcast to it: load them.
        if (active && state.postCount !== undefined && state.postCount > thread.postCount) router.refresh();
      },
    },
  );

  // Read tracking: the highest post number that has scrolled into view, sent at most once a second.
  const highestSeen = useRef(0);
  const highestSent = useRef(0);
  const sendTimer = useRef<number | null>(null);
  const signedIn = Boolean(viewer);
  const threadId = thread.id;
  const flushRead = useCallback(
    (keepalive = false) => {
      if (sendTimer.current) window.clearTimeout(sendTimer.current);
      sendTimer.current = null;
      const number = highestSeen.current;
      if (!signedIn || number <= highestSent.current) return;
      highestSent.current = number;
      void fetch('/api/forum/reads', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ threadId, number }),
        keepalive,
      }).catch(() => {
        highestSent.current = 0;
      });
    },
    [signedIn, threadId],
  );
  useEffect(() => {
    if (!signedIn) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const number = Number((entry.target as HTMLElement).dataset.postNumber);
          if (number > highestSeen.current) highestSeen.current = number;
        }
        if (highestSeen.current > highestSent.current && !sendTimer.current) {
          sendTimer.current = window.setTimeout(() => flushRead(), 1_000);
        }
      },
      { rootMargin: '0px 0px -15% 0px' },
    );
    for (const element of document.querySelectorAll('[data-post-number]')) observer.observe(element);
    const onHide = () => flushRead(true);
    window.addEventListener('pagehide', onHide);
    return () => {
      observer.disconnect();
      window.removeEventListener('pagehide', onHide);
      flushRead(true);
    };
  }, [signedIn, posts.length, flushRead]);

  function startReply(post: PostItem, quote: boolean) {
    setDraft((current) => {
      let body = current.body;
      if (quote) {
        const source = (post.body || textOf(post.html)).trim();
        const quoted = source
          .slice(0, 2_000)
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n');
        body = `${body.trimEnd()}${body.trim() ? '\n\n' : ''}${t('post.quoteIntro', { name: post.authorName })}\n${quoted}\n\n`;
      }
      return { ...current, body, replyTo: { id: post.id, number: post.number, authorName: post.authorName } };
    });
    afterRender(() => {
      const area = composerRef.current;
      if (!area) return;
      area.scrollIntoView({ block: 'center', behavior: 'smooth' });
      area.focus({ preventScroll: true });
      area.setSelectionRange(area.value.length, area.value.length);
    });
  }

  async function submitReply() {
    const result = await reply.call<{ postId: string; number: number }>(`/api/forum/threads/${thread.id}/posts`, {
      body: { body: draft.body, language: draft.language, ...(draft.replyTo ? { replyToId: draft.replyTo.id } : {}) },
    });
    if (!result.ok) return;
    const { number } = result.data;
    setDraft({ body: '', language: draft.language, replyTo: null });
    if (more || number > after + perPage) {
      router.push(postHref(thread.id, number, perPage));
    } else {
      // The live event usually shows the post first; the refresh brings it even without a socket.
      router.refresh();
    }
  }

  async function react(post: PostItem, kind: string, on: boolean) {
    const apply = (p: PostItem, value: boolean): PostItem => {
      const counts = { ...p.reactions, [kind]: Math.max(0, (p.reactions[kind] ?? 0) + (value ? 1 : -1)) };
      const mine = value ? [...new Set([...p.myReactions, kind])] : p.myReactions.filter((k) => k !== kind);
      return { ...p, reactions: counts, myReactions: mine };
    };
    setPosts((current) => current.map((p) => (p.id === post.id ? apply(p, on) : p)));
    setReactionErrors(({ [post.id]: _, ...rest }) => rest);
    const result = await forumApi<{ counts: Record<string, number> }>(`/api/forum/posts/${post.id}/reactions`, {
      body: { kind, on },
      fallbackMessage: t('errors.generic'),
    });
    if (result.ok) {
      setPosts((current) => current.map((p) => (p.id === post.id ? { ...p, reactions: result.data.counts } : p)));
    } else {
      setPosts((current) => current.map((p) => (p.id === post.id ? apply(p, !on) : p)));
      setReactionErrors((current) => ({ ...current, [post.id]: result.error.message }));
    }
  }

  function onModerated(request: ModerationRequest) {
    setModeration(null);
    if ('postId' in request) {
      const hidden = request.action === 'hide';
      setPosts((current) => current.map((p) => (p.id === request.postId ? { ...p, hidden } : p)));
      return;
    }
    const change: Partial<ThreadState> =
      request.action === 'lock' || request.action === 'unlock'
        ? { locked: request.action === 'lock' }
        : request.action === 'pin' || request.action === 'unpin'
          ? { pinned: request.action === 'pin' }
          : request.action === 'hide-thread' || request.action === 'restore-thread'
            ? { hidden: request.action === 'hide-thread' }
            : {};
    setThread((current) => ({ ...current, ...change }));
    if (request.action === 'move') {
      announce(t('thread.moved'));
      router.refresh();
    }
  }

  const threadAction = (action: ThreadAction) => setModeration({ action, threadId: thread.id, categoryId: category.id });
  const canWrite = Boolean(viewer?.canPost) && (!thread.locked || moderator);
  const pagesTotal = Math.max(1, Math.ceil(thread.postCount / perPage));
  const onLastPage = !more && Math.floor(after / perPage) + 1 >= pagesTotal;

  return (
    <div className="flex flex-col gap-6" data-thread={thread.id} data-live={live ? 'on' : 'off'}>
      <nav aria-label={t('category.breadcrumb')}>
        <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-muted">
          <li>
            <Link href="/forum" className="rounded font-medium hover:text-fjord-800 hover:underline">
              {t('eyebrow')}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link href={categoryHref(category.slug)} className="inline-flex items-center gap-1.5 rounded font-medium hover:text-fjord-800 hover:underline">
              <CategoryDot color={category.color} />
              {category.name}
            </Link>
          </li>
        </ol>
      </nav>

      <header className="flex flex-col gap-3">
        {thread.pinned || thread.locked || thread.hidden ? (
          <div className="flex flex-wrap items-center gap-2">
            {thread.pinned ? (
              <Badge tone="accent" icon={<IconPin size={13} />}>
                {t('thread.pinned')}
              </Badge>
            ) : null}
            {thread.locked ? (
              <Badge tone="neutral" icon={<IconLock size={13} />}>
                {t('thread.locked')}
              </Badge>
            ) : null}
            {thread.hidden ? (
              <Badge tone="danger" icon={<IconEyeOff size={13} />}>
                {t('category.hidden')}
              </Badge>
            ) : null}
          </div>
        ) : null}
        <h1 lang={thread.language} className="text-2xl font-bold break-words text-ink sm:text-3xl">
          {thread.title}
        </h1>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-muted">
          <span>
            {t.rich('thread.startedBy', {
              name: thread.authorName,
              author: (chunks) => (
                <Link href={memberHref(thread.authorHandle)} className="font-medium text-ink hover:text-fjord-800 hover:underline">
                  {chunks}
                </Link>
              ),
            })}
          </span>
          <span aria-hidden="true">·</span>
          <RelativeTime value={thread.createdAt} now={props.now} />
          <span aria-hidden="true">·</span>
          <span>{t('thread.postsCount', { count: thread.postCount })}</span>
          <LanguageTag language={thread.language} />
        </p>
        {viewer || moderator ? (
          <div className="flex flex-wrap items-start gap-2">
            {viewer ? <FollowButton target={{ threadId: thread.id }} initial={props.following} /> : null}
            {moderator ? (
              <div role="group" aria-label={t('moderate.heading')} className="flex flex-wrap gap-2 sm:border-l sm:border-sand-200 sm:pl-2">
                <Button size="sm" variant="secondary" onClick={() => threadAction(thread.locked ? 'unlock' : 'lock')} iconStart={thread.locked ? <IconUnlock size={16} /> : <IconLock size={16} />}>
                  {thread.locked ? t('moderate.unlock') : t('moderate.lock')}
                </Button>
                <Button size="sm" variant="secondary" onClick={() => threadAction(thread.pinned ? 'unpin' : 'pin')} iconStart={<IconPin size={16} />}>
                  {thread.pinned ? t('moderate.unpin') : t('moderate.pin')}
                </Button>
                <Button size="sm" variant="secondary" onClick={() => threadAction('move')} iconStart={<IconMove size={16} />}>
                  {t('moderate.move')}
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => threadAction(thread.hidden ? 'restore-thread' : 'hide-thread')}
                  iconStart={thread.hidden ? <IconEye size={16} /> : <IconEyeOff size={16} />}
                >
                  {thread.hidden ? t('moderate.restoreThread') : t('moderate.hideThread')}
                </Button>
              </div>
            ) : null}
          </div>
        ) : null}
      </header>

      {thread.hidden ? <Alert tone="warning">{t('thread.hiddenNotice')}</Alert> : null}

      <ThreadPagination threadId={thread.id} after={after} perPage={perPage} total={thread.postCount} />

      <section aria-labelledby="posts-heading" className="flex flex-col gap-4">
        <h2 id="posts-heading" className="sr-only">
          {t('thread.postsHeading')}
        </h2>
        <ol className="flex flex-col gap-4">
          {posts.map((post) => {
            const own = post.authorId === viewer?.id;
            return (
              <li key={post.id}>
                <PostCard
                  post={post}
                  threadId={thread.id}
                  perPage={perPage}
                  now={props.now}
                  starterId={thread.authorId}
                  viewerId={viewer?.id ?? null}
                  can={{
                    react: Boolean(viewer?.canPost),
                    reply: canWrite,
                    edit: moderator || (own && Boolean(viewer?.canPost) && !thread.locked && !post.hidden),
                    flag: Boolean(viewer) && !own,
                    moderate: moderator,
                  }}
                  onReply={(p) => startReply(p, false)}
                  onQuote={(p) => startReply(p, true)}
                  onReact={(p, kind, on) => void react(p, kind, on)}
                  onEdited={(p, change) => setPosts((current) => current.map((x) => (x.id === p.id ? { ...x, ...change } : x)))}
                  onShowRevisions={setRevisionsFor}
                  onFlag={setFlagFor}
                  onModerate={(p, action) => setModeration({ action, postId: p.id, number: p.number })}
                  reactionError={reactionErrors[post.id]}
                />
              </li>
            );
          })}
        </ol>
      </section>

      {newElsewhere > 0 && !onLastPage ? (
        <Alert
          tone="info"
          role="status"
          action={
            <ButtonLink href={threadHref(thread.id, (pagesTotal - 1) * perPage)} size="sm" variant="secondary">
              {t('thread.goToLast')}
            </ButtonLink>
          }
        >
          {t('thread.newRepliesElsewhere', { count: newElsewhere })}
        </Alert>
      ) : null}

      <ThreadPagination threadId={thread.id} after={after} perPage={perPage} total={thread.postCount} />

      {!viewer ? (
        <Card as="section" aria-labelledby="reply-signin" className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h2 id="reply-signin" className="text-lg font-semibold text-ink">
              {t('thread.signInTitle')}
            </h2>
            <p className="mt-1 text-ink-muted">{t('thread.signInBody')}</p>
          </div>
          <div className="flex flex-col gap-2 sm:flex-row">
            <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(`/forum/t/${thread.id}`)}`}>{t('thread.signIn')}</ButtonLink>
            <ButtonLink href={`/sign-up?callbackUrl=${encodeURIComponent(`/forum/t/${thread.id}`)}`} variant="secondary">
              {t('thread.signUp')}
            </ButtonLink>
          </div>
        </Card>
      ) : viewer.suspendedUntil && new Date(viewer.suspendedUntil) > new Date(props.now) ? (
        <Alert tone="warning" role="none">
          {t.rich('thread.suspended', { time: () => <LocalTime value={viewer.suspendedUntil!} /> })}
        </Alert>
      ) : !viewer.canPost ? (
        <Alert tone="info" role="none">
          {t('thread.cannotPost')}
        </Alert>
      ) : thread.locked && !moderator ? (
        <Alert tone="info" role="none" title={t('thread.locked')}>
          {t('thread.lockedNotice')}
        </Alert>
      ) : (
        <>
          {thread.locked ? (
            <Alert tone="warning" role="none">
              {t('thread.lockedNoticeModerator')}
            </Alert>
          ) : null}
          <ReplyComposer
            draft={draft}
            onChange={setDraft}
            onSubmit={() => void submitReply()}
            pending={reply.pending}
            error={reply.error}
            waitSeconds={reply.waitSeconds}
            textareaRef={composerRef}
          />
        </>
      )}

      <div aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>

      <RevisionsDialog post={revisionsFor} onClose={() => setRevisionsFor(null)} />
      <FlagDialog post={flagFor} onClose={() => setFlagFor(null)} />
      <ModerationDialog request={moderation} categories={props.categories} onClose={() => setModeration(null)} onDone={onModerated} />
    </div>
  );
}
