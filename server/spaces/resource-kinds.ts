import type { ResourceKind } from '../../db/schema';

/**
 * Kinds booked by the hour within opening hours (a meeting room, a digital studio's time);
 * the others are booked by the day, week or month. Shared by the engine and the booking form,
 * so it imports only types (no drizzle in the browser bundle).
 */
export const HOURLY_KINDS = ['meeting_room', 'studio'] as const satisfies readonly ResourceKind[];

export function isHourly(kind: ResourceKind): boolean {
  return (HOURLY_KINDS as readonly string[]).includes(kind);
}
