import { createHmac } from 'node:crypto';
import type { Config } from '../config';
import type { IceServer } from '../signalling/contract';

/**
 * Time-limited TURN credentials in the "TURN REST API" scheme coturn implements with
 * `use-auth-secret` / `static-auth-secret`: the username is `<expiry unix time>:<user id>` and
 * the password is base64(HMAC-SHA1(secret, username)). The TURN server checks both without
 * asking Hubro, and the credentials stop working at the expiry.
 */
export function turnIceServers(turn: Config['turn'], userId: string, now = Date.now()): IceServer[] {
  if (turn.urls.length === 0) return [];
  const stun = turn.urls.filter((u) => u.startsWith('stun:'));
  const relay = turn.urls.filter((u) => !u.startsWith('stun:'));
  const servers: IceServer[] = [];
  if (stun.length > 0) servers.push({ urls: stun });
  if (relay.length > 0 && turn.secret) {
    const username = `${Math.floor(now / 1000) + turn.ttlSeconds}:${userId}`;
    const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
    servers.push({ urls: relay, username, credential });
  }
  return servers;
}
