import { addDays, addMonths, isoWeekday } from '@/server/spaces/local-time';
import { isHourly } from '@/server/spaces/resource-kinds';
import type { ResourceKind } from './directory-params';

/**
 * What the booking form needs to know about a resource: the same rules the server checks in
 * server/spaces/booking.ts (checkRules), so the form offers only what can succeed. The server
 * stays the judge; this only saves members a round trip.
 */
export interface ResourceView {
  id: string;
  kind: ResourceKind;
  name: string;
  capacity: number;
  priceHour: number | null;
  priceDay: number | null;
  priceWeek: number | null;
  priceMonth: number | null;
  minMinutes: number;
  maxMinutes: number;
  advanceDays: number;
  openWeekdays: number[];
  opensAt: number;
  closesAt: number;
  blackoutDates: string[];
  cancelCutoffHours: number;
  maxActivePerUser: number;
  active: boolean;
}

export type Term = 'hour' | 'day' | 'week' | 'month';
export const DAY_TERMS = ['day', 'week', 'month'] as const;

export interface AvailabilityDay {
  date: string;
  open: boolean;
  seatsLeft: number;
  /** Meeting rooms and studios: booked intervals in minutes after local midnight. */
  booked: Array<{ from: number; to: number }>;
}

export interface Availability {
  resourceId: string;
  timeZone: string;
  capacity: number;
  days: AvailabilityDay[];
}

export function priceOf(resource: ResourceView, term: Term): number | null {
  return { hour: resource.priceHour, day: resource.priceDay, week: resource.priceWeek, month: resource.priceMonth }[term];
}

/** The terms this resource can be booked for (price set, length within its min/max). */
export function bookableTerms(resource: ResourceView): Term[] {
  if (isHourly(resource.kind)) return resource.priceHour !== null ? ['hour'] : [];
  const lengths: Record<(typeof DAY_TERMS)[number], [number, number]> = {
    day: [1440, 1440],
    week: [7 * 1440, 7 * 1440],
    month: [28 * 1440, 31 * 1440],
  };
  return DAY_TERMS.filter((term) => {
    if (priceOf(resource, term) === null) return false;
    const [shortest, longest] = lengths[term];
    return longest >= resource.minMinutes && shortest <= resource.maxMinutes;
  });
}

/** The last local day a booking starting on `date` covers. */
export function lastDayOf(date: string, term: Term): string {
  if (term === 'week') return addDays(date, 6);
  if (term === 'month') return addDays(addMonths(date, 1), -1);
  return date;
}

export type DayState = 'past' | 'closed' | 'beyond' | 'full' | 'free';

/** Whether a local day can start a booking, from the rules and the availability. */
export function dayState(resource: ResourceView, date: string, today: string, day: AvailabilityDay | undefined): DayState {
  if (date < today) return 'past';
  if (date > addDays(today, resource.advanceDays)) return 'beyond';
  const open = day ? day.open : resource.openWeekdays.includes(isoWeekday(date)) && !resource.blackoutDates.includes(date);
  if (!open) return 'closed';
  if (day && !isHourly(resource.kind) && day.seatsLeft <= 0) return 'full';
  if (day && isHourly(resource.kind) && freeMinutes(resource, day) < resource.minMinutes) return 'full';
  return 'free';
}

/** Minutes of opening hours not yet booked on a day (meeting rooms). */
export function freeMinutes(resource: ResourceView, day: AvailabilityDay): number {
  let free = 0;
  for (let m = resource.opensAt; m < resource.closesAt; m += 30) if (!isBooked(day, m, m + 30)) free += 30;
  return free;
}

export function isBooked(day: AvailabilityDay | undefined, from: number, to: number): boolean {
  return Boolean(day?.booked.some((b) => b.from < to && b.to > from));
}

/** Half-hour slot starts between opening and closing. */
export function slotStarts(resource: ResourceView): number[] {
  const slots: number[] = [];
  for (let m = resource.opensAt; m + 30 <= resource.closesAt; m += 30) slots.push(m);
  return slots;
}

/** The first of the month of a local date, and the number of days in that month. */
export function monthOf(date: string): { first: string; days: number } {
  const first = `${date.slice(0, 7)}-01`;
  const days = Number(addDays(addMonths(first, 1), -1).slice(8, 10));
  return { first, days };
}
