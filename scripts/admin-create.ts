/**
 * npm run admin:create -- --email kari@dyroy.no [--password '…'] [--name 'Kari Nordmann']
 *
 * Makes an admin: promotes an existing account, or creates one. A new account without
 * --password gets a generated one, printed once.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Database } from '../db/client';
import { signUp } from '../server/accounts/sign-up';
import { findUserByEmail, setUserRole } from '../server/accounts/users';
import { openConfiguredDatabase } from './cli-database';

const args = z
  .object({
    email: z.email('--email must be an email address'),
    password: z.string().optional(),
    name: z.string().trim().min(1).max(80).optional(),
  })
  .safeParse(
    parseArgs({
      options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    }).values,
  );
if (!args.success) {
  console.error(`Usage: npm run admin:create -- --email <email> [--password <password>] [--name <name>]\n${args.error.issues.map((i) => `  ${i.message}`).join('\n')}`);
  process.exit(2);
}

const database = await openConfiguredDatabase();
try {
  const { email, password, name } = args.data;
  const existing = await findUserByEmail(database.db, email);
  if (existing) {
    await setUserRole(database.db, existing.id, 'admin');
    console.log(`${existing.email} is now an admin.`);
  } else {
    const chosen = password ?? randomBytes(12).toString('base64url');
    // One transaction: never a plain member account left behind if promoting fails.
    const created = await database.db.transaction(async (tx) => {
      const result = await signUp(tx as unknown as Database, { email, password: chosen, displayName: name ?? email.split('@')[0] });
      if (result.ok) await setUserRole(tx as unknown as Database, result.user.id, 'admin');
      return result;
    });
    if (!created.ok) {
      console.error(`Could not create the account: ${Object.entries(created.errors).map(([f, c]) => `${f}: ${c}`).join(', ')}`);
      process.exitCode = 1;
    } else {
      console.log(`Created admin ${created.user.email}.`);
      if (!password) console.log(`Generated password (shown once): ${chosen}`);
    }
  }
} finally {
  await database.close();
}
