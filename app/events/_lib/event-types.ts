/**
 * What the event pages hand to their client components: plain JSON (ISO dates), never a
 * database row, so nothing the browser should not see (the host's id, the recording file)
 * leaks into the page's payload by accident.
 */
export type EventStatus = 'scheduled' | 'live' | 'ended' | 'canceled';
export type EventVisibility = 'public' | 'members' | 'unlisted';
export type RsvpKind = 'going' | 'interested';

export interface EventCardData {
  id: string;
  slug: string;
  title: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  /** The event's own IANA zone (where it happens). */
  timeZone: string;
  status: EventStatus;
  visibility: EventVisibility;
  hostName: string;
  going: number;
}

export interface EventPageData extends EventCardData {
  /** In the viewer's language. */
  description: string;
  recordingEnabled: boolean;
  wentLiveAt: string | null;
  endedAt: string | null;
  finalViewers: number | null;
  peakViewers: number | null;
  /** A recording is stored (only said to the host: only the host may download it). */
  hasRecording: boolean;
}

/** The form's values, as the host edits them (local wall times in the event's zone). */
export interface EventFormValues {
  title: string;
  /** Empty when the event has no English title. */
  titleEn: string;
  descriptionNb: string;
  descriptionEn: string;
  /** `YYYY-MM-DDTHH:mm`, wall time in `timeZone`. */
  startsLocal: string;
  endsLocal: string;
  timeZone: string;
  visibility: EventVisibility;
  recordingEnabled: boolean;
}

export interface Performer {
  id: string;
  name: string;
  handle: string;
}

/** Who is looking at the event page, as the watch session and the controls need it. */
export type EventViewer =
  | { kind: 'anonymous' }
  | { kind: 'member'; id: string; name: string; handle: string; isHost: boolean; isPerformer: boolean };
