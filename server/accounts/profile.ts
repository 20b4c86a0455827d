import { z } from 'zod';
import type { Database } from '../../db/client';
import type { User } from '../../db/schema';
import { fieldErrors } from './sign-up';
import { updateProfile } from './users';

export const profileSchema = z.object({
  displayName: z
    .string({ message: 'display_name_required' })
    .trim()
    .min(1, 'display_name_required')
    .max(80, 'display_name_too_long'),
  homeMunicipality: z
    .string()
    .trim()
    .max(80, 'municipality_too_long')
    .optional()
    .transform((v) => (v ? v : null)),
  locale: z.enum(['nb', 'en'], { message: 'locale_invalid' }),
});

export type ProfileInput = z.input<typeof profileSchema>;

export type ProfileResult =
  | { ok: true; user: User }
  | { ok: false; errors: Partial<Record<'displayName' | 'homeMunicipality' | 'locale' | 'form', string>> };

/** Saves the acting user's profile. `userId` comes from the session, never from the form. */
export async function saveProfile(db: Database, userId: string, input: unknown): Promise<ProfileResult> {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const user = await updateProfile(db, userId, parsed.data);
  if (!user) return { ok: false, errors: { form: 'account_missing' } };
  return { ok: true, user };
}
