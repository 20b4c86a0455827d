/**
 * Values the job pages share with the browser. NOTE: listed here rather than imported from
 * server/hub/jobs, which would pull drizzle into the client bundle; the check below fails to
 * compile if the server's list changes.
 */
import type { JOB_LOCATION_MODES as ServerModes } from '@/server/hub/jobs';

export const JOB_LOCATION_MODES = ['anywhere', 'norway', 'hub'] as const;
export type JobLocationMode = (typeof JOB_LOCATION_MODES)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameModes: Same<JobLocationMode, (typeof ServerModes)[number]> = true;
void sameModes;

export const JOB_LANGUAGES = ['nb', 'en'] as const;

/** The ad form's values as the browser edits them (skills as one comma-separated line). */
export interface JobFormValues {
  organisationId: string;
  title: string;
  language: 'nb' | 'en';
  description: string;
  locationMode: JobLocationMode;
  skills: string;
  teamMeets: string;
  applyUrl: string;
  applyEmail: string;
  expiresOn: string;
  spaceIds: string[];
}

/** "TypeScript, PostgreSQL ,," → ["TypeScript", "PostgreSQL"]; the server checks each. */
export function skillList(line: string): string[] {
  return line
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
