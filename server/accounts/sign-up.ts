import { z } from 'zod';
import type { Database } from '../../db/client';
import type { User } from '../../db/schema';
import { hashPassword, isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/passwords';
import { findUserByEmail, insertUser, isUniqueViolation, normaliseEmail } from './users';

/**
 * Sign-up input. Issue messages are error codes; the form shows them through the `errors`
 * catalogue in the user's language.
 */
export const signUpSchema = z
  .object({
    email: z
      .string({ message: 'email_invalid' })
      .trim()
      .max(254, 'email_invalid')
      .pipe(z.email({ message: 'email_invalid' }))
      .transform(normaliseEmail),
    password: z
      .string({ message: 'password_too_short' })
      .min(PASSWORD_MIN_LENGTH, 'password_too_short')
      .max(PASSWORD_MAX_LENGTH, 'password_too_long')
      .refine((p) => !isCommonPassword(p), 'password_common'),
    displayName: z
      .string({ message: 'display_name_required' })
      .trim()
      .min(1, 'display_name_required')
      .max(80, 'display_name_too_long'),
    locale: z.enum(['nb', 'en']).default('nb'),
  })
  .refine((v) => v.password.toLowerCase() !== v.email, { path: ['password'], message: 'password_same_as_email' });

export type SignUpInput = z.input<typeof signUpSchema>;

export type FieldErrors = Partial<Record<string, string>>;

export type SignUpResult = { ok: true; user: User } | { ok: false; errors: FieldErrors };

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    // Our schemas speak in catalogue codes; anything else (zod's own English) becomes generic.
    errors[field] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'bad_request';
  }
  return errors;
}

/** Creates a member account. Nothing is stored unless every check passes. */
export async function signUp(db: Database, input: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { email, password, displayName, locale } = parsed.data;
  if (await findUserByEmail(db, email)) return { ok: false, errors: { email: 'email_taken' } };
  const passwordHash = await hashPassword(password);
  try {
    const user = await insertUser(db, { email, passwordHash, displayName, locale });
    return { ok: true, user };
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, errors: { email: 'email_taken' } };
    throw error;
  }
}
