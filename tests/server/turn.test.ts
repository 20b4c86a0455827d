import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { ConfigError, loadConfig } from '../../server/config';
import type { Hubro } from '../../server/hubro';
import { turnIceServers } from '../../server/rooms/turn';
import { databaseTargets } from '../support/databases';
import { startTestNode } from '../support/hubro';
import { makeRoom, makeUser, RoomClient } from '../support/room-client';

const TURN = { urls: ['stun:turn.dyroy.example:3478', 'turn:turn.dyroy.example:3478?transport=udp', 'turns:turn.dyroy.example:5349'], secret: 'coturn-static-auth-secret', ttlSeconds: 3600 };

describe('TURN credentials (the TURN REST scheme coturn checks)', () => {
  it('makes a username with the expiry and an HMAC-SHA1 password over it', () => {
    const now = Date.UTC(2026, 10, 26, 12, 0, 0);
    const servers = turnIceServers(TURN, 'user-1', now);
    expect(servers[0]).toEqual({ urls: ['stun:turn.dyroy.example:3478'] });
    const relay = servers[1]!;
    expect(relay.urls).toEqual(['turn:turn.dyroy.example:3478?transport=udp', 'turns:turn.dyroy.example:5349']);
    expect(relay.username).toBe(`${now / 1000 + 3600}:user-1`);
    // What coturn does with use-auth-secret: recompute the HMAC from the username.
    expect(relay.credential).toBe(createHmac('sha1', TURN.secret).update(relay.username!).digest('base64'));
  });

  it('gives nothing when TURN is not configured', () => {
    expect(turnIceServers({ urls: [], secret: undefined, ttlSeconds: 3600 }, 'u')).toEqual([]);
  });

  it('refuses bad TURN settings at start-up, naming the variable', () => {
    expect(() => loadConfig({ TURN_URLS: 'http://turn.example' })).toThrow(/TURN_URLS: must be comma-separated/);
    try {
      loadConfig({ TURN_URLS: 'turn:turn.example:3478' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variables).toContain('TURN_SECRET');
    }
  });
});

describe('TURN servers reach the browser transports', () => {
  let database: DatabaseHandle;
  let node: Hubro;
  beforeAll(async () => {
    database = await databaseTargets()[0]!.open();
    node = await startTestNode(database, { TURN_URLS: TURN.urls.join(','), TURN_SECRET: TURN.secret, TURN_TTL_SECONDS: '600' });
  });
  afterAll(async () => {
    await node?.stop();
    await database?.close();
  });

  it('adds time-limited credentials to every transport:create answer', async () => {
    const kari = await makeUser(database.db, 'Kari');
    const row = await makeRoom(database.db, kari.id);
    const client = await RoomClient.connect(node.url, kari.id);
    try {
      await client.joinRoom(row.slug);
      const options = await client.ok('transport:create', { direction: 'recv' });
      const relay = options.iceServers.find((s: { username?: string }) => s.username);
      expect(relay.username).toMatch(new RegExp(`^\\d+:${kari.id}$`));
      const expiry = Number(relay.username.split(':')[0]);
      expect(expiry - Date.now() / 1000).toBeGreaterThan(590);
      expect(expiry - Date.now() / 1000).toBeLessThanOrEqual(600);
    } finally {
      client.close();
    }
  });
});
