'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { getCurrentUser } from '@/server/auth/current-user';
import { rateLimit, type RateLimitRule } from '@/server/http/rate-limit';
import { seriesFeedUrl } from '@/server/lessons/feed';
import { createSeriesInvite, SERIES_INVITE_MAX_DAYS, SERIES_INVITE_MIN_DAYS } from '@/server/lessons/invites';
import {
  cancelDate,
  createSeries,
  LessonError,
  managedSeries,
  moveDate,
  regenerateFeedToken,
  undoException,
  updateSeries,
  type LessonActor,
} from '@/server/lessons/series';
import { getRuntime } from '@/server/runtime';

/** Errors are codes from the `errors` catalogue, by field (`form` for the whole form). */
export type LessonActionResult<T extends object = object> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };

const SERIES_CREATE_LIMIT: RateLimitRule = { name: 'lesson-series-create', limit: 20, windowMs: 60 * 60_000 };
const LESSON_WRITE_LIMIT: RateLimitRule = { name: 'lesson-write', limit: 120, windowMs: 10 * 60_000 };

/** The acting user comes from the session; LessonErrors become codes, anything else is logged. */
async function run<T extends object>(rule: RateLimitRule, work: (actor: NonNullable<LessonActor>) => Promise<T>): Promise<LessonActionResult<T>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, errors: { form: 'unauthorized' } };
  const { store, logger } = getRuntime();
  if (!(await rateLimit(store, rule, user.id)).ok) return { ok: false, errors: { form: 'rate_limited' } };
  try {
    return { ok: true, ...(await work({ id: user.id, role: user.role })) };
  } catch (error) {
    if (error instanceof LessonError) return { ok: false, errors: error.details.fields ?? { form: error.code } };
    logger.error({ err: error, userId: user.id }, 'lesson action failed');
    return { ok: false, errors: { form: 'generic' } };
  }
}

/** Input: { title, weekdays, start, durationMinutes, startsOn, endsOn, timeZone } (see seriesSchema). */
export async function createSeriesAction(input: unknown): Promise<LessonActionResult<{ id: string }>> {
  return run(SERIES_CREATE_LIMIT, async (actor) => {
    const { series } = await createSeries(getRuntime().db, actor, input);
    getRuntime().logger.info({ seriesId: series.id, teacher: actor.id }, 'lesson series created');
    revalidatePath('/lessons');
    return { id: series.id };
  });
}

export async function updateSeriesAction(seriesId: string, input: unknown): Promise<LessonActionResult> {
  return run(LESSON_WRITE_LIMIT, async (actor) => {
    await updateSeries(getRuntime().db, actor, String(seriesId), input);
    revalidatePath(`/lessons/${seriesId}`);
    return {};
  });
}

/** Cancel, move or restore one date of a series (the input as the server function says). */
async function exceptionAction(
  write: (db: Database, actor: LessonActor, seriesId: string, input: unknown) => Promise<unknown>,
  seriesId: string,
  input: unknown,
): Promise<LessonActionResult> {
  return run(LESSON_WRITE_LIMIT, async (actor) => {
    await write(getRuntime().db, actor, String(seriesId), input);
    revalidatePath(`/lessons/${seriesId}`);
    return {};
  });
}

/** Input: { date, note? }. */
export async function cancelDateAction(seriesId: string, input: unknown): Promise<LessonActionResult> {
  return exceptionAction(cancelDate, seriesId, input);
}

/** Input: { date, toDate, start, durationMinutes, note? }. */
export async function moveDateAction(seriesId: string, input: unknown): Promise<LessonActionResult> {
  return exceptionAction(moveDate, seriesId, input);
}

/** Input: { date }. */
export async function undoExceptionAction(seriesId: string, input: unknown): Promise<LessonActionResult> {
  return exceptionAction(undoException, seriesId, input);
}

const inviteSchema = z.object({
  days: z.coerce
    .number({ message: 'invite_days_invalid' })
    .int('invite_days_invalid')
    .min(SERIES_INVITE_MIN_DAYS, 'invite_days_invalid')
    .max(SERIES_INVITE_MAX_DAYS, 'invite_days_invalid'),
});

/** Input: { days } (1–90). Only the teacher may make one. */
export async function createSeriesInviteAction(seriesId: string, input: unknown): Promise<LessonActionResult<{ url: string; expiresAt: string }>> {
  return run(LESSON_WRITE_LIMIT, async (actor) => {
    const parsed = inviteSchema.safeParse(input);
    if (!parsed.success) throw new LessonError(400, 'bad_request', { fields: { days: 'invite_days_invalid' } });
    const { db, config } = getRuntime();
    const { series } = await managedSeries(db, actor, String(seriesId));
    const expiresAt = new Date(Date.now() + parsed.data.days * 86_400_000);
    const token = createSeriesInvite(config.authSecret!, series.id, expiresAt);
    return { url: `${config.publicUrl}/lessons/join/${encodeURIComponent(token)}`, expiresAt: expiresAt.toISOString() };
  });
}

/** A new feed address; the old one stops working. */
export async function regenerateFeedAction(seriesId: string): Promise<LessonActionResult<{ url: string }>> {
  return run(LESSON_WRITE_LIMIT, async (actor) => {
    const { config, db } = getRuntime();
    const feedToken = await regenerateFeedToken(db, actor, String(seriesId));
    return { url: seriesFeedUrl(config.publicUrl, { id: String(seriesId), feedToken }, await getLocale()) };
  });
}
