import { revokeKioskToken } from '@/server/studios/kiosk-tokens';
import { apiRoute } from '../../../../_lib/api-route';

/** Revokes a screen: it cannot fetch a pass or connect again. */
export const DELETE = apiRoute<{ id: string; tokenId: string }>(async ({ deps, actor, params }) => ({
  kiosk: await revokeKioskToken(deps.db, actor, params.id, params.tokenId),
}));
