import { notFound, redirect } from 'next/navigation';
import { getCurrentUser } from '@/server/auth/current-user';
import { draftFor, type DraftView } from '@/server/hub/agreement';
import { HubError } from '@/server/hub/errors';
import { getRuntime } from '@/server/runtime';

/** The draft for its owner or partner; sign-in first for visitors, 404 for everyone else. */
export async function loadDraftPage(id: string, path: string): Promise<DraftView & { userId: string }> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  try {
    return { ...(await draftFor(getRuntime().db, { id: user.id, role: user.role }, id)), userId: user.id };
  } catch (error) {
    if (error instanceof HubError && error.status === 404) notFound();
    throw error;
  }
}
