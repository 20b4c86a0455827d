/**
 * The event form speaks in wall time where the event happens (a concert in Brøstadbotn starts
 * at 19:00 Oslo time, wherever the host sits), the API in UTC instants. The arithmetic is the
 * booking calendar's (DST-correct, no date library).
 */
import { isLocalDate, localParts, zonedToUtc } from '@/server/spaces/local-time';

const WALL = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/** `2026-06-12T19:00` for an instant, in `timeZone`. */
export function toWallTime(iso: string | Date, timeZone: string): string {
  const { date, minutes } = localParts(new Date(iso), timeZone);
  const hh = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}`;
}

/** The UTC instant (ISO) of a wall time in `timeZone`, or null when the value is not one. */
export function fromWallTime(value: string, timeZone: string): string | null {
  const m = WALL.exec(value);
  if (!m || !isLocalDate(m[1]!)) return null;
  try {
    return zonedToUtc(m[1]!, Number(m[2]) * 60 + Number(m[3]), timeZone).toISOString();
  } catch {
    return null;
  }
}

/** "Europe/Oslo" → "Oslo", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zonePlace(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}
