import { z } from 'zod';
import { saveAgreementStep } from '@/server/hub/agreement';
import { apiRoute } from '../../../_lib/api-route';

const bodySchema = z.object({ step: z.string(), values: z.unknown() });

/** The owner or the partner saves one step: `{ step, values }` (each step has its own schema). */
export const PUT = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => {
  const parsed = bodySchema.safeParse(body);
  const view = await saveAgreementStep(
    deps.db,
    actor ? { id: actor.id, role: actor.role } : null,
    params.id,
    parsed.success ? parsed.data.step : undefined,
    parsed.success ? parsed.data.values : undefined,
  );
  return { updatedAt: view.draft.updatedAt.toISOString(), title: view.draft.title, language: view.draft.language };
});
