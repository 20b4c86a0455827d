import { createKioskToken, listKioskTokens } from '@/server/studios/kiosk-tokens';
import { apiRoute } from '../../../_lib/api-route';

/** The studio's screens (its hosts and admins). */
export const GET = apiRoute<{ id: string }>(async ({ deps, actor, params }) => ({ kiosks: await listKioskTokens(deps.db, actor, params.id) }));

/** `{ label }` → a new screen token, shown in this answer only. */
export const POST = apiRoute<{ id: string }>(
  async ({ deps, actor, params, body }) => {
    const { token, kiosk, studioSlug } = await createKioskToken(deps.db, actor, params.id, body);
    // The token travels in the fragment, which browsers never send to the server (or its logs).
    return { token, kiosk, kioskPath: `/studios/${studioSlug}/kiosk#${token}` };
  },
  { status: 201 },
);
