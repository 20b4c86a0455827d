/**
 * Links into the forum. A thread page shows `perPage` posts after post number `after` (keyset
 * on the post number), so post n is on the page that starts after the last multiple of perPage
 * below it; server/forum/reading.ts `pageAfter` is the same rule.
 */
export function pageAfter(number: number, perPage: number): number {
  return Math.floor((Math.max(1, number) - 1) / perPage) * perPage;
}

export function threadHref(threadId: string, after = 0): string {
  return after > 0 ? `/forum/t/${threadId}?after=${after}` : `/forum/t/${threadId}`;
}

export function postHref(threadId: string, number: number, perPage: number): string {
  return `${threadHref(threadId, pageAfter(number, perPage))}#post-${number}`;
}

/** The permalink by post id; /forum/p/[id] redirects to the right page and anchor. */
export function postIdHref(postId: string): string {
  return `/forum/p/${postId}`;
}

export function memberHref(handle: string): string {
  return `/forum/u/${encodeURIComponent(handle)}`;
}

export function categoryHref(slug: string): string {
  return `/forum/c/${encodeURIComponent(slug)}`;
}
