import type { HubActor } from './errors';

/** Moderators and admins ("editors") curate the library and publish news anywhere. */
export function isEditor(actor: HubActor): boolean {
  return actor?.role === 'moderator' || actor?.role === 'admin';
}
