import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { users } from '../../db/schema';
import { tempDir } from '../support/config';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

// The CLI scripts on the embedded database, as a newcomer would run them.
function run(script: string, args: string[], dataDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run seed and npm run admin:create', () => {
  it('seeds an empty embedded database once, then leaves it alone', () => {
    const dataDir = tempDir('seed');
    const first = run('scripts/seed.ts', [], dataDir);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/seeding \d+ co-working spaces and office hotels \(1\/2\)/);
    expect(first.stdout).toMatch(/Done: \d+ spaces, \d+ forum categories and 6 forum threads added\./);
    const second = run('scripts/seed.ts', [], dataDir);
    expect(second.stdout).toContain('Nothing added: the database already has content.');
  });

  it('creates an admin, promotes an existing member, and refuses a bad email', async () => {
    const dataDir = tempDir('admin');
    const created = run('scripts/admin-create.ts', ['--email', 'Kari@Dyroy.example', '--name', 'Kari Nordmann'], dataDir);
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Created admin kari@dyroy.example.');
    expect(created.stdout).toMatch(/Generated password \(shown once\): \S{16}/);
    const again = run('scripts/admin-create.ts', ['--email', 'kari@dyroy.example'], dataDir);
    expect(again.stdout).toContain('kari@dyroy.example is now an admin.');
    const bad = run('scripts/admin-create.ts', ['--email', 'not-an-email'], dataDir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--email must be an email address');

    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    try {
      const rows = await database.db.select().from(users).where(eq(users.email, 'kari@dyroy.example'));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ role: 'admin', displayName: 'Kari Nordmann' });
      expect(rows[0]!.passwordHash).toMatch(/^\$argon2id\$/);
    } finally {
      await database.close();
    }
  });
});
