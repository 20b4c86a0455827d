import type { Event } from '@/db/schema';
import { addDays, todayIn } from '@/server/spaces/local-time';
import type { EventFormValues } from './event-types';
import { toWallTime } from './wall-time';

/** The hub's own zone: most events happen in Dyrøy. */
export const HUB_TIME_ZONE = 'Europe/Oslo';

/** Every IANA zone the runtime knows (listed on the server, so both renders agree). */
export function allTimeZones(current: string): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [HUB_TIME_ZONE];
  }
  return zones.includes(current) ? zones : [current, ...zones];
}

/** A new event: tomorrow evening, 19:00–21:00, in the hub's zone. */
export function newEventValues(now = new Date()): EventFormValues {
  const day = addDays(todayIn(HUB_TIME_ZONE, now), 1);
  return {
    title: '',
    titleEn: '',
    descriptionNb: '',
    descriptionEn: '',
    startsLocal: `${day}T19:00`,
    endsLocal: `${day}T21:00`,
    timeZone: HUB_TIME_ZONE,
    visibility: 'public',
    recordingEnabled: false,
  };
}

export function editEventValues(event: Event): EventFormValues {
  return {
    title: event.title,
    titleEn: event.titleEn ?? '',
    descriptionNb: event.descriptionNb,
    descriptionEn: event.descriptionEn,
    startsLocal: toWallTime(event.startsAt, event.timeZone),
    endsLocal: toWallTime(event.endsAt, event.timeZone),
    timeZone: event.timeZone,
    visibility: event.visibility,
    recordingEnabled: event.recordingEnabled,
  };
}
