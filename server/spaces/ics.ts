/**
 * iCalendar (RFC 5545) for bookings: one event per booking, times in UTC, lines folded at 75
 * octets, text escaped. Used for the per-booking .ics download and the private feed.
 */

export interface CalendarBooking {
  id: string;
  /** Stable across feed refreshes; `booking-<id>@hubro` unless another kind of item says otherwise. */
  uid?: string;
  startsAt: Date;
  endsAt: Date;
  status: 'confirmed' | 'cancelled';
  createdAt: Date;
  /** e.g. "Hot desk – Kontorhotellet i Brøstadbotn". */
  summary: string;
  location: string | null;
  description: string;
  url: string;
}

function utc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line, never splitting a UTF-8 character. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Step back to a character boundary (continuation bytes are 10xxxxxx).
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end -= 1;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // continuation lines start with a space
  }
  return parts.join('\r\n ');
}

export function bookingsCalendar(name: string, items: CalendarBooking[], now = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hubro//Desk booking//NB',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const item of items) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${item.uid ?? `booking-${item.id}@hubro`}`,
      `DTSTAMP:${utc(now)}`,
      `CREATED:${utc(item.createdAt)}`,
      `DTSTART:${utc(item.startsAt)}`,
      `DTEND:${utc(item.endsAt)}`,
      `SUMMARY:${escapeText(item.summary)}`,
      ...(item.location ? [`LOCATION:${escapeText(item.location)}`] : []),
      `DESCRIPTION:${escapeText(item.description)}`,
      `URL:${item.url}`,
      `STATUS:${item.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
