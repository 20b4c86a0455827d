import type { useTranslations } from 'next-intl';

/** An error code from app/lessons/actions.ts (all in the `errors` catalogue) in the member's language. */
export function lessonActionError(code: string, te: ReturnType<typeof useTranslations<'errors'>>): string {
  // Titles are 3–120 characters; the create limit is counted per hour.
  return te(code as 'generic', { min: 3, max: 120, minutes: 60 });
}

export const LESSON_TIME_ZONES = [
  'Europe/Oslo',
  'Europe/Stockholm',
  'Europe/Copenhagen',
  'Europe/Helsinki',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/London',
  'Atlantic/Reykjavik',
  'America/New_York',
  'UTC',
] as const;
