import type { AuthOptions, User as AuthUser } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import type { Provider } from 'next-auth/providers/index';
import { z } from 'zod';
import type { UserRole } from '../../db/schema';
import type { OAuthProviderConfig } from '../config';
import { findUserByEmail, userForOAuthIdentity } from '../accounts/users';
import { getRuntime, type Runtime } from '../runtime';
import { LoginThrottle } from './login-throttle';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { CLIENT_IP_HEADER } from './client-ip';

/** Sign-in errors the form turns into a message in the user's language. */
export const SIGN_IN_ERRORS = {
  invalid: 'invalid_credentials',
  /** Followed by `:<minutes>`. */
  locked: 'locked',
  oauthNotLinked: 'oauth_not_linked',
} as const;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(256),
});

const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

let cached: { runtime: Runtime; options: AuthOptions } | undefined;

/** next-auth options for this process, built from the runtime registry. */
export function authOptions(): AuthOptions {
  const runtime = getRuntime();
  if (cached?.runtime !== runtime) cached = { runtime, options: buildAuthOptions(runtime) };
  return cached.options;
}

export function buildAuthOptions(runtime: Pick<Runtime, 'config' | 'db' | 'store' | 'logger'>): AuthOptions {
  const { config, db, store, logger } = runtime;
  const throttle = new LoginThrottle(store);

  const credentials = CredentialsProvider({
    id: 'credentials',
    name: 'Email',
    credentials: { email: { type: 'email' }, password: { type: 'password' } },
    async authorize(input, req) {
      const parsed = credentialsSchema.safeParse(input);
      if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
      const { email, password } = parsed.data;
      const ipHeader = req.headers?.[CLIENT_IP_HEADER];
      const ip = (Array.isArray(ipHeader) ? ipHeader[0] : ipHeader) ?? 'unknown';
      const locked = await throttle.lockedFor(email, ip);
      if (locked > 0) throw new Error(`${SIGN_IN_ERRORS.locked}:${Math.ceil(locked / 60_000)}`);
      const user = await findUserByEmail(db, email);
      // Verify against a decoy when there is no user, so timing does not reveal who has an account.
      const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!user || !user.passwordHash || !ok) {
        const lockedNow = await throttle.recordFailure(email, ip);
        logger.info({ ip, locked: lockedNow > 0 }, 'failed sign-in');
        if (lockedNow > 0) throw new Error(`${SIGN_IN_ERRORS.locked}:${Math.ceil(lockedNow / 60_000)}`);
        throw new Error(SIGN_IN_ERRORS.invalid);
      }
      await throttle.recordSuccess(email, ip);
      return { id: user.id, email: user.email, name: user.displayName, role: user.role, locale: user.locale } as AuthUser;
    },
  });

  return {
    secret: config.authSecret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [credentials, ...config.oauth.map(oauthProvider)],
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, 'next-auth error'),
      warn: (code) => logger.warn({ code }, 'next-auth warning'),
      debug: () => {},
    },
    callbacks: {
      async jwt({ token, user, account, profile }) {
        if (account && account.type === 'oauth' && user) {
          const email = (user.email ?? '').toLowerCase();
          const verified =
            account.provider === 'github' ||
            (profile as { email_verified?: boolean } | undefined)?.email_verified === true;
          if (!email) throw new Error(SIGN_IN_ERRORS.oauthNotLinked);
          // An unverified email must not take over an existing account with that address.
          if (!verified && (await findUserByEmail(db, email))) throw new Error(SIGN_IN_ERRORS.oauthNotLinked);
          const hubroUser = await userForOAuthIdentity(db, {
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email,
            name: user.name || email.split('@')[0]!,
            locale: 'nb',
          });
          token.sub = hubroUser.id;
          token.name = hubroUser.displayName;
          token.email = hubroUser.email;
          token.role = hubroUser.role;
          token.locale = hubroUser.locale === 'en' ? 'en' : 'nb';
        } else if (user) {
          const u = user as AuthUser & { role?: UserRole; locale?: 'nb' | 'en' };
          token.sub = u.id;
          token.role = u.role;
          token.locale = u.locale;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.sub,
          role: token.role,
        } as typeof session.user;
        return session;
      },
    },
  };
}

function oauthProvider(provider: OAuthProviderConfig): Provider {
  switch (provider.id) {
    case 'github':
      return GitHubProvider({ clientId: provider.clientId, clientSecret: provider.clientSecret });
    case 'google':
      return GoogleProvider({ clientId: provider.clientId, clientSecret: provider.clientSecret });
    case 'oidc':
      return {
        id: 'oidc',
        name: provider.name,
        type: 'oauth',
        wellKnown: `${provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
        authorization: { params: { scope: 'openid email profile' } },
        idToken: true,
        checks: ['pkce', 'state'],
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        profile(p: { sub: string; email?: string; name?: string; preferred_username?: string }) {
          return { id: p.sub, email: p.email ?? null, name: p.name ?? p.preferred_username ?? null };
        },
      };
  }
}

/** The OAuth providers to show on the sign-in page (only those configured). */
export function oauthButtons(config: Runtime['config']): Array<{ id: string; name: string }> {
  return config.oauth.map((p) => ({ id: p.id, name: p.id === 'oidc' ? p.name : p.id === 'github' ? 'GitHub' : 'Google' }));
}
