import { addOrganisationMember, leaveOrganisation, limitEmployerWrites } from '@/server/hub/organisations';
import { apiRoute } from '../../../../_lib/api-route';

/** A member adds a colleague with an account: `{ email }` → `{ name }`. */
export const POST = apiRoute<{ id: string }>(
  async ({ deps, actor, body, params }) => {
    await limitEmployerWrites(deps.store, actor);
    const added = await addOrganisationMember(deps.db, actor, params.id, body);
    return { name: added.name };
  },
  { status: 201 },
);

/** The signed-in member leaves the organisation (never someone else: the session decides who). */
export const DELETE = apiRoute<{ id: string }>(async ({ deps, actor, params }) => {
  await limitEmployerWrites(deps.store, actor);
  await leaveOrganisation(deps.db, actor, params.id);
  return null;
});
