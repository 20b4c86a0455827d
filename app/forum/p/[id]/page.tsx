import { notFound, redirect } from 'next/navigation';
import { getForumActor } from '@/server/auth/current-user';
import { ForumError } from '@/server/forum/errors';
import { postLocation } from '@/server/forum/members';
import { POSTS_PER_PAGE } from '@/server/forum/reading';
import { getRuntime } from '@/server/runtime';
import { postHref } from '../../_lib/paths';

/** A permalink by post id (notifications, the moderation log): redirects to its page and anchor. */
export default async function PostPermalink({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let location: { threadId: string; number: number };
  try {
    location = await postLocation(getRuntime().db, await getForumActor(), id);
  } catch (error) {
    if (error instanceof ForumError && error.code === 'not_found') notFound();
    throw error;
  }
  redirect(postHref(location.threadId, location.number, POSTS_PER_PAGE));
}
