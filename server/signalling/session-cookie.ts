import { decode } from 'next-auth/jwt';

// next-auth v4 names its cookie by scheme; large tokens are split into `.0`, `.1`, … chunks.
const COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export interface SessionClaims {
  userId: string;
}

export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

function sessionToken(cookies: Map<string, string>): string | undefined {
  for (const name of COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i += 1) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length > 0) return chunks.join('');
  }
  return undefined;
}

/**
 * Decodes the next-auth session cookie (from a Cookie header, or one already parsed) with the
 * same secret next-auth uses. Returns null for a missing, forged, tampered or expired token.
 */
export async function readSessionCookie(cookies: string | undefined | Map<string, string>, secret: string): Promise<SessionClaims | null> {
  const token = sessionToken(cookies instanceof Map ? cookies : parseCookieHeader(cookies));
  if (!token) return null;
  try {
    const claims = await decode({ token, secret });
    if (!claims?.sub || typeof claims.sub !== 'string') return null;
    return { userId: claims.sub };
  } catch {
    return null;
  }
}
