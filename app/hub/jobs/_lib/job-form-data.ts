import { addMonths } from '@/server/spaces/local-time';
import { expiryRange, postingOrganisations, recommendableSpaces } from '@/server/hub/jobs';
import { getRuntime } from '@/server/runtime';
import type { JobFormValues } from './job-values';

/** What the ad form needs from the server: the member's organisations, the spaces and the dates. */
export async function jobFormData(userId: string) {
  const { db } = getRuntime();
  const [organisations, spaces] = await Promise.all([postingOrganisations(db, userId), recommendableSpaces(db)]);
  return { organisations, spaces: spaces.map(({ id, name, city }) => ({ id, name, city })), expiryRange: expiryRange() };
}

/** A new ad's starting values: open for a month, in the member's language. */
export function newJobValues(organisationId: string, language: 'nb' | 'en', range: { min: string; max: string }): JobFormValues {
  return {
    organisationId,
    title: '',
    language,
    description: '',
    locationMode: 'anywhere',
    skills: '',
    teamMeets: '',
    applyUrl: '',
    applyEmail: '',
    expiresOn: addMonths(range.min, 1),
    spaceIds: [],
  };
}
