import { z } from 'zod';
import { reviewSpace } from '@/server/spaces/hosting';
import { apiRoute } from '../../../_lib/api-route';

/** Admins: { decision: 'approved' | 'rejected' }. */
export const POST = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => {
  const decision = z.object({ decision: z.string() }).safeParse(body);
  return { space: await reviewSpace(deps.db, actor, params.id, decision.success ? decision.data.decision : undefined) };
});
