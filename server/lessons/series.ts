import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { lessonExceptions, lessonSeries, rooms, type LessonException, type LessonSeries, type Room, type UserRole } from '../../db/schema';
import { fieldErrors } from '../accounts/sign-up';
import { newRoomSlug } from '../rooms/rooms';
import { addDays, isLocalDate, isTimeZone, parseClock, zonedToUtc } from '../spaces/local-time';
import { isSeriesDate, MAX_MOVE_DAYS, seriesDates, upcomingOccurrences, type Occurrence } from './schedule';

/** A refusal with an HTTP status and catalogue codes (`errors` namespace) for fields. */
export class LessonError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429,
    readonly code: string,
    readonly details: { fields?: Record<string, string> } = {},
  ) {
    super(code);
    this.name = 'LessonError';
  }
}

/** The signed-in member, from the session. */
export type LessonActor = { id: string; role: UserRole } | null;

export const LESSON_DEFAULT_TIME_ZONE = 'Europe/Oslo';
/** A school year and a bit: longer series are a mistake more often than a plan. */
const MAX_SERIES_DAYS = 400;

const localDate = z.string({ message: 'date_invalid' }).refine(isLocalDate, 'date_invalid');
const clock = z
  .string({ message: 'time_invalid' })
  .transform((v, ctx) => {
    const minutes = parseClock(v);
    if (minutes === undefined || minutes >= 24 * 60) {
      ctx.addIssue({ code: 'custom', message: 'time_invalid' });
      return z.NEVER;
    }
    return minutes;
  });
const duration = z.coerce
  .number({ message: 'lesson_duration_invalid' })
  .int('lesson_duration_invalid')
  .min(5, 'lesson_duration_invalid')
  .max(600, 'lesson_duration_invalid');
const note = z.string().trim().max(200, 'too_long').optional().transform((v) => (v ? v : null));

export const seriesSchema = z
  .object({
    title: z.string({ message: 'title_length' }).trim().min(3, 'title_length').max(120, 'title_length'),
    weekdays: z
      .array(z.coerce.number().int('weekdays_required').min(1, 'weekdays_required').max(7, 'weekdays_required'), { message: 'weekdays_required' })
      .min(1, 'weekdays_required')
      .max(7, 'weekdays_required')
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    start: clock,
    durationMinutes: duration,
    startsOn: localDate,
    endsOn: localDate,
    timeZone: z
      .string()
      .refine((v) => isTimeZone(v), 'time_zone_invalid')
      .default(LESSON_DEFAULT_TIME_ZONE),
  })
  .superRefine((s, ctx) => {
    if (s.endsOn < s.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'end_before_start' });
    else if ((Date.parse(s.endsOn) - Date.parse(s.startsOn)) / 86_400_000 > MAX_SERIES_DAYS)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'lesson_series_too_long' });
  });
export type SeriesInput = z.input<typeof seriesSchema>;

const cancelSchema = z.object({ date: localDate, note });
const moveSchema = z.object({ date: localDate, toDate: localDate, start: clock, durationMinutes: duration, note });
const undoSchema = z.object({ date: localDate });

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new LessonError(400, 'bad_request', { fields: fieldErrors(parsed.error) as Record<string, string> });
  return parsed.data;
}

function seriesValues(data: z.output<typeof seriesSchema>) {
  const values = {
    title: data.title,
    weekdays: data.weekdays,
    startMinute: data.start,
    durationMinutes: data.durationMinutes,
    startsOn: data.startsOn,
    endsOn: data.endsOn,
    timeZone: data.timeZone,
  };
  if (seriesDates({ id: '', ...values }, values.startsOn, values.endsOn).length === 0)
    throw new LessonError(400, 'bad_request', { fields: { weekdays: 'lesson_no_dates' } });
  return values;
}

function newFeedToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * A new series with its own room (kind lesson, invite-only, lobby on: the teacher admits the
 * class), both or neither. Any signed-in member may teach.
 */
export async function createSeries(db: Database, actor: LessonActor, input: unknown): Promise<{ series: LessonSeries; room: Room }> {
  if (!actor) throw new LessonError(401, 'unauthorized');
  const values = seriesValues(parse(seriesSchema, input));
  return db.transaction(async (tx) => {
    const [room] = await tx
      .insert(rooms)
      .values({ slug: newRoomSlug(), title: values.title, kind: 'lesson', visibility: 'invite-only', lobby: true, ownerId: actor.id })
      .returning();
    const [series] = await tx
      .insert(lessonSeries)
      .values({ ...values, roomId: room!.id, teacherId: actor.id, feedToken: newFeedToken() })
      .returning();
    return { series: series!, room: room! };
  });
}

export interface SeriesWithRoom {
  series: LessonSeries;
  room: Room;
  exceptions: LessonException[];
}

export async function loadSeries(db: Database, seriesId: string): Promise<SeriesWithRoom | undefined> {
  if (!z.string().uuid().safeParse(seriesId).success) return undefined;
  const [row] = await db
    .select({ series: lessonSeries, room: rooms })
    .from(lessonSeries)
    .innerJoin(rooms, eq(rooms.id, lessonSeries.roomId))
    .where(eq(lessonSeries.id, seriesId))
    .limit(1);
  if (!row) return undefined;
  const exceptions = await db.select().from(lessonExceptions).where(eq(lessonExceptions.seriesId, seriesId)).orderBy(asc(lessonExceptions.onDate));
  return { ...row, exceptions };
}

/** The teacher (or an admin) may change a series; everyone else is refused. */
export function canManage(series: LessonSeries, actor: LessonActor): boolean {
  return !!actor && (series.teacherId === actor.id || actor.role === 'admin');
}

/** The series for its teacher: 404 when it does not exist, 403 for anyone else. */
export async function managedSeries(db: Database, actor: LessonActor, seriesId: string): Promise<SeriesWithRoom> {
  if (!actor) throw new LessonError(401, 'unauthorized');
  const found = await loadSeries(db, seriesId);
  if (!found) throw new LessonError(404, 'not_found');
  if (!canManage(found.series, actor)) throw new LessonError(403, 'forbidden');
  return found;
}

/**
 * Changes the schedule (and the room's title). Exceptions for dates the new schedule no longer
 * has are dropped with it; the others stay (a moved lesson keeps its new time).
 */
export async function updateSeries(db: Database, actor: LessonActor, seriesId: string, input: unknown): Promise<LessonSeries> {
  const values = seriesValues(parse(seriesSchema, input));
  const { series, exceptions } = await managedSeries(db, actor, seriesId);
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(lessonSeries).set(values).where(eq(lessonSeries.id, series.id)).returning();
    await tx.update(rooms).set({ title: values.title }).where(eq(rooms.id, series.roomId));
    for (const exception of exceptions) {
      if (!isSeriesDate(updated!, exception.onDate))
        await tx.delete(lessonExceptions).where(and(eq(lessonExceptions.seriesId, series.id), eq(lessonExceptions.onDate, exception.onDate)));
    }
    return updated!;
  });
}

type ExceptionValues = Pick<LessonException, 'canceled' | 'movedStartsAt' | 'movedDurationMinutes' | 'note'>;

/** Sets one planned date's exception (a date can be cancelled or moved, not both). */
async function setException(
  db: Database,
  actor: LessonActor,
  seriesId: string,
  date: string,
  values: (series: LessonSeries) => ExceptionValues,
): Promise<LessonException> {
  const { series } = await managedSeries(db, actor, seriesId);
  if (!isSeriesDate(series, date)) throw new LessonError(400, 'bad_request', { fields: { date: 'lesson_date_invalid' } });
  const set = values(series);
  const [row] = await db
    .insert(lessonExceptions)
    .values({ seriesId: series.id, onDate: date, ...set })
    .onConflictDoUpdate({ target: [lessonExceptions.seriesId, lessonExceptions.onDate], set })
    .returning();
  return row!;
}

/** Cancels one date (replacing a move of that date, if any). */
export async function cancelDate(db: Database, actor: LessonActor, seriesId: string, input: unknown): Promise<LessonException> {
  const data = parse(cancelSchema, input);
  return setException(db, actor, seriesId, data.date, () => ({ canceled: true, movedStartsAt: null, movedDurationMinutes: null, note: data.note }));
}

/** Moves one date to a new local day, start and length (in the series' time zone). */
export async function moveDate(db: Database, actor: LessonActor, seriesId: string, input: unknown): Promise<LessonException> {
  const data = parse(moveSchema, input);
  // Lists and the kiosk look a week back from today for moved lessons, so a move stays within a
  // week of its planned date; further than that is a different lesson, not a move.
  if (data.toDate < addDays(data.date, -MAX_MOVE_DAYS) || data.toDate > addDays(data.date, MAX_MOVE_DAYS)) throw new LessonError(400, 'bad_request', { fields: { toDate: 'lesson_move_too_far' } });
  return setException(db, actor, seriesId, data.date, (series) => ({
    canceled: false,
    movedStartsAt: zonedToUtc(data.toDate, data.start, series.timeZone),
    movedDurationMinutes: data.durationMinutes,
    note: data.note,
  }));
}

/** Puts a cancelled or moved date back on the series' schedule. */
export async function undoException(db: Database, actor: LessonActor, seriesId: string, input: unknown): Promise<void> {
  const data = parse(undoSchema, input);
  const { series } = await managedSeries(db, actor, seriesId);
  await db.delete(lessonExceptions).where(and(eq(lessonExceptions.seriesId, series.id), eq(lessonExceptions.onDate, data.date)));
}

/** A new feed secret: the old calendar URL stops working at once. */
export async function regenerateFeedToken(db: Database, actor: LessonActor, seriesId: string): Promise<string> {
  const { series } = await managedSeries(db, actor, seriesId);
  const feedToken = newFeedToken();
  await db.update(lessonSeries).set({ feedToken }).where(eq(lessonSeries.id, series.id));
  return feedToken;
}

export interface TeacherSeries {
  series: LessonSeries;
  roomSlug: string;
  next: Occurrence | null;
}

/** The member's series as a teacher, each with its next lesson, soonest first (finished last). */
export async function listTeacherSeries(db: Database, teacherId: string, now = new Date()): Promise<TeacherSeries[]> {
  const rows = await db
    .select({ series: lessonSeries, roomSlug: rooms.slug })
    .from(lessonSeries)
    .innerJoin(rooms, eq(rooms.id, lessonSeries.roomId))
    .where(eq(lessonSeries.teacherId, teacherId))
    .orderBy(asc(lessonSeries.startsOn))
    .limit(100);
  if (rows.length === 0) return [];
  const exceptions = await db
    .select()
    .from(lessonExceptions)
    .innerJoin(lessonSeries, eq(lessonSeries.id, lessonExceptions.seriesId))
    .where(eq(lessonSeries.teacherId, teacherId));
  const bySeries = new Map<string, LessonException[]>();
  for (const { lesson_exceptions: e } of exceptions) bySeries.set(e.seriesId, [...(bySeries.get(e.seriesId) ?? []), e]);
  const listed = rows.map(({ series, roomSlug }) => ({
    series,
    roomSlug,
    next: upcomingOccurrences(series, bySeries.get(series.id) ?? [], now, { limit: 1 })[0] ?? null,
  }));
  const key = (s: TeacherSeries) => s.next?.startsAt.getTime() ?? Number.POSITIVE_INFINITY;
  return listed.sort((a, b) => key(a) - key(b));
}
