import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { users } from '../../db/schema';
import { saveProfile } from '../../server/accounts/profile';
import { signUp } from '../../server/accounts/sign-up';
import { buildAuthOptions } from '../../server/auth/auth-options';
import { CLIENT_IP_HEADER } from '../../server/auth/client-ip';
import { LoginThrottle } from '../../server/auth/login-throttle';
import { isCommonPassword, verifyPassword } from '../../server/auth/passwords';
import { MemoryStore } from '../../server/store/memory-store';
import { testConfig } from '../support/config';
import { databaseTargets } from '../support/databases';
import { testLogger } from '../support/logger';

const GOOD = { email: 'Ingrid.Hansen@Dyroy.example', password: 'fjordlys-over-brøstadbotn', displayName: 'Ingrid Hansen', locale: 'nb' };

describe('common passwords', () => {
  it('refuses passwords from the public lists and local favourites, whatever the case', () => {
    expect(isCommonPassword('1234567890')).toBe(true);
    expect(isCommonPassword('Password123')).toBe(true);
    expect(isCommonPassword('passord123')).toBe(true);
    expect(isCommonPassword('aaaaaaaaaaaa')).toBe(true);
    expect(isCommonPassword('fjordlys-over-brøstadbotn')).toBe(false);
  });
});

describe.each(databaseTargets())('accounts on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  const rowCount = async () => (await handle.db.select().from(users)).length;

  it('signs up with an argon2id hash and a normalised email', async () => {
    const result = await signUp(handle.db, GOOD);
    expect(result.ok).toBe(true);
    const [row] = await handle.db.select().from(users).where(eq(users.email, 'ingrid.hansen@dyroy.example'));
    expect(row).toMatchObject({ displayName: 'Ingrid Hansen', role: 'member', locale: 'nb' });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash!, GOOD.password)).toBe(true);
  });

  it.each([
    ['a malformed email', { ...GOOD, email: 'ingrid@' }, 'email', 'email_invalid'],
    ['a short password', { ...GOOD, email: 'a@b.no', password: 'kort' }, 'password', 'password_too_short'],
    ['a common password', { ...GOOD, email: 'a@b.no', password: 'qwertyuiop' }, 'password', 'password_common'],
    ['the email as password', { ...GOOD, email: 'ola.nordmann@b.no', password: 'ola.nordmann@b.no' }, 'password', 'password_same_as_email'],
    ['an empty name', { ...GOOD, email: 'a@b.no', displayName: '   ' }, 'displayName', 'display_name_required'],
    ['an existing email in other case', { ...GOOD, email: ' INGRID.hansen@dyroy.example ' }, 'email', 'email_taken'],
    ['no input at all', undefined, 'form', 'bad_request'],
  ])('refuses %s and stores nothing', async (_label, input, field, code) => {
    const before = await rowCount();
    const result = await signUp(handle.db, input);
    expect(result).toEqual({ ok: false, errors: expect.objectContaining({ [field]: code }) });
    expect(await rowCount()).toBe(before);
  });

  it('lets only one of two simultaneous sign-ups with the same email through', async () => {
    const input = { ...GOOD, email: 'samtidig@dyroy.example' };
    const results = await Promise.all([signUp(handle.db, input), signUp(handle.db, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, errors: { email: 'email_taken' } });
    expect((await handle.db.select().from(users).where(eq(users.email, 'samtidig@dyroy.example'))).length).toBe(1);
  });

  it('gives every member a unique @mention handle made from the name', async () => {
    const first = await signUp(handle.db, { ...GOOD, email: 'ase1@dyroy.example', displayName: 'Åse Ørnes-Bø' });
    const second = await signUp(handle.db, { ...GOOD, email: 'ase2@dyroy.example', displayName: 'Åse Ørnes-Bø' });
    if (!first.ok || !second.ok) throw new Error('setup failed');
    expect(first.user.handle).toBe('ase.ornes.bo');
    expect(second.user.handle).toMatch(/^ase\.ornes\.bo\d{3,4}$/);
  });

  it('saves a profile for the acting user and refuses bad input without writing', async () => {
    const created = await signUp(handle.db, { ...GOOD, email: 'profil@dyroy.example' });
    if (!created.ok) throw new Error('setup failed');
    const saved = await saveProfile(handle.db, created.user.id, { displayName: 'Kari', homeMunicipality: 'Dyrøy', locale: 'en' });
    expect(saved).toMatchObject({ ok: true, user: { displayName: 'Kari', homeMunicipality: 'Dyrøy', locale: 'en' } });
    const refused = await saveProfile(handle.db, created.user.id, { displayName: 'x'.repeat(81), locale: 'de' });
    expect(refused).toEqual({ ok: false, errors: { displayName: 'display_name_too_long', locale: 'locale_invalid' } });
    const [row] = await handle.db.select().from(users).where(eq(users.id, created.user.id));
    expect(row).toMatchObject({ displayName: 'Kari', locale: 'en' });
  });

  describe('credentials sign-in', () => {
    const config = testConfig();
    const store = new MemoryStore();
    const authorizeFrom = () => {
      const options = buildAuthOptions({ config, db: handle.db, store, logger: testLogger });
      const provider = options.providers[0] as unknown as {
        options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> };
      };
      return (email: string, password: string, ip = '10.0.0.1') =>
        provider.options.authorize({ email, password }, { headers: { [CLIENT_IP_HEADER]: ip } });
    };

    it('signs in with the right password and refuses a wrong one or an unknown email', async () => {
      const authorize = authorizeFrom();
      await expect(authorize('INGRID.HANSEN@dyroy.example', GOOD.password)).resolves.toMatchObject({
        email: 'ingrid.hansen@dyroy.example',
        name: 'Ingrid Hansen',
        role: 'member',
      });
      await expect(authorize('ingrid.hansen@dyroy.example', 'wrong-password-1')).rejects.toThrow('invalid_credentials');
      await expect(authorize('nobody@dyroy.example', GOOD.password)).rejects.toThrow('invalid_credentials');
    });

    it('locks an account and IP pair for 15 minutes after five failures, but not other IPs', async () => {
      const authorize = authorizeFrom();
      const email = 'ingrid.hansen@dyroy.example';
      for (let i = 0; i < 4; i += 1) await expect(authorize(email, `wrong-${i}-password`, '10.0.0.9')).rejects.toThrow('invalid_credentials');
      await expect(authorize(email, 'wrong-5-password', '10.0.0.9')).rejects.toThrow('locked:15');
      // Even the right password is refused now, from that address.
      await expect(authorize(email, GOOD.password, '10.0.0.9')).rejects.toThrow(/^locked:1[45]$/);
      // The member can still sign in from elsewhere.
      await expect(authorize(email, GOOD.password, '10.0.0.10')).resolves.toMatchObject({ email });
    });
  });
});

describe('login throttle', () => {
  it('forgets earlier failures after a successful sign-in', async () => {
    const throttle = new LoginThrottle(new MemoryStore());
    for (let i = 0; i < 4; i += 1) expect(await throttle.recordFailure('a@b.no', '1.2.3.4')).toBe(0);
    await throttle.recordSuccess('a@b.no', '1.2.3.4');
    expect(await throttle.recordFailure('a@b.no', '1.2.3.4')).toBe(0);
    expect(await throttle.lockedFor('a@b.no', '1.2.3.4')).toBe(0);
  });
});

describe('OAuth providers', () => {
  it('appear only when their variables are set', () => {
    const store = new MemoryStore();
    const names = (env: Record<string, string>) =>
      buildAuthOptions({ config: testConfig(env), db: undefined as never, store, logger: testLogger }).providers.map((p) => p.id);
    expect(names({})).toEqual(['credentials']);
    expect(names({ GITHUB_ID: 'id', GITHUB_SECRET: 'secret' })).toEqual(['credentials', 'github']);
    expect(
      names({
        GOOGLE_CLIENT_ID: 'g',
        GOOGLE_CLIENT_SECRET: 's',
        OIDC_ISSUER: 'https://login.dyroy.example/realms/hubro',
        OIDC_CLIENT_ID: 'hubro',
        OIDC_CLIENT_SECRET: 's',
      }),
    ).toEqual(['credentials', 'google', 'oidc']);
  });
});
