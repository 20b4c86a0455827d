import type { useTranslations } from 'next-intl';

/** Codes the shared `errors` catalogue already words; the rest live in `rooms.errors`. */
const SHARED = new Set(['unauthorized', 'rate_limited', 'generic', 'bad_request']);
const ROOM = new Set([
  'room_title_required',
  'room_title_too_long',
  'room_visibility_invalid',
  'room_capacity_invalid',
  'room_kind_invalid',
  'room_not_found',
  'forbidden',
]);

/** An error code from app/rooms/actions.ts in the member's language. */
export function roomActionError(
  code: string,
  t: ReturnType<typeof useTranslations<'rooms'>>,
  te: ReturnType<typeof useTranslations<'errors'>>,
): string {
  // The create-room limit is counted per hour.
  if (SHARED.has(code)) return te(code as 'generic', { minutes: 60 });
  if (ROOM.has(code)) return t(`errors.${code}` as 'errors.forbidden', { max: 120, min: 2, capacityMax: 500 });
  return te('generic');
}
