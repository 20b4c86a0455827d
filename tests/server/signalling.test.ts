import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { DatabaseHandle } from '../../db/client';
import { signUp } from '../../server/accounts/sign-up';
import type { Hubro } from '../../server/hubro';
import { getRuntime } from '../../server/runtime';
import { databaseTargets } from '../support/databases';
import { connected, connectSocket, sessionCookie, startTestNode } from '../support/hubro';

describe.each(databaseTargets())('Socket.IO handshake and health on $name', (target) => {
  let database: DatabaseHandle;
  let node: Hubro;
  let userId: string;
  const sockets: Socket[] = [];
  const open = (cookie?: string) => {
    const socket = connectSocket(node.url, cookie);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    database = await target.open();
    const created = await signUp(database.db, {
      email: 'ola@brostadbotn.example',
      password: 'nordlys-og-fiber-2026',
      displayName: 'Ola Nordmann',
      locale: 'en',
    });
    if (!created.ok) throw new Error('setup failed');
    userId = created.user.id;
    node = await startTestNode(database);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await node?.stop();
  });

  it('accepts a socket with the session cookie and knows who it is', async () => {
    const socket = open(await sessionCookie(userId));
    await connected(socket);
    const ack = await socket.emitWithAck('session:whoami', {});
    expect(ack).toEqual({ ok: true, data: { id: userId, name: 'Ola Nordmann', role: 'member', locale: 'en' } });
  });

  it('refuses a handshake without a cookie', async () => {
    await expect(connected(open())).rejects.toThrow('unauthorized');
  });

  it('refuses a forged cookie signed with another secret', async () => {
    const forged = await sessionCookie(userId, 'another-secret-that-is-also-32-characters');
    await expect(connected(open(forged))).rejects.toThrow('unauthorized');
  });

  it('refuses a valid cookie for a user that no longer exists', async () => {
    await expect(connected(open(await sessionCookie('00000000-0000-4000-8000-000000000000')))).rejects.toThrow('unauthorized');
  });

  it('answers bad payloads with a bad_request ack in the user’s language', async () => {
    const socket = open(await sessionCookie(userId));
    await connected(socket);
    const ack = await socket.emitWithAck('session:whoami', { userId: 'someone-else' });
    expect(ack).toEqual({ ok: false, error: { code: 'bad_request', message: 'The request was invalid.' } });
  });

  it('reports the database and the SFU workers in /api/health', async () => {
    const response = await fetch(`${node.url}/api/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', db: { ok: true, kind: target.name }, sfu: { ok: true } });
    expect(body.sfu.workers[0]).toMatchObject({ alive: true });
    expect(body.redis).toBeUndefined();
  });

  it('answers 503 in /api/health when the database is down', async () => {
    const original = database.ping;
    database.ping = () => Promise.reject(new Error('connection refused'));
    try {
      const response = await fetch(`${node.url}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'degraded', db: { ok: false, error: 'connection refused' } });
    } finally {
      database.ping = original;
    }
  });

  it('serves Prometheus metrics with sockets, workers and worker CPU', async () => {
    const text = await (await fetch(`${node.url}/metrics`)).text();
    expect(text).toMatch(/^hubro_socketio_connected_sockets \d+$/m);
    expect(text).toMatch(/^hubro_mediasoup_workers\{state="alive"\} 1$/m);
    expect(text).toMatch(/^hubro_mediasoup_worker_cpu_seconds\{worker="0"\} [\d.e-]+$/m);
    expect(text).toMatch(/^hubro_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+$/m);
  });

  it('shares its runtime through the registry that route handlers read', () => {
    expect(getRuntime().db).toBe(database.db);
  });
});

// Needs a Redis server: runs when REDIS_URL is set, as in CI (.ci/run).
describe.runIf(process.env.REDIS_URL)('two nodes on Redis', () => {
  it('reports Redis in /api/health and delivers a broadcast from one node to a socket on the other', async () => {
    const [target] = databaseTargets();
    const database = await target!.open();
    const created = await signUp(database.db, { email: 'kari@dyroy.example', password: 'fiber-til-alle-hytter', displayName: 'Kari' });
    if (!created.ok) throw new Error('setup failed');
    const env = { REDIS_URL: process.env.REDIS_URL! };
    const a = await startTestNode(database, env);
    const ioA = getRuntime().io;
    const b = await startTestNode(database, env);
    const socket = connectSocket(b.url, await sessionCookie(created.user.id));
    try {
      await connected(socket);
      const health = await (await fetch(`${a.url}/api/health`)).json();
      expect(health.redis).toMatchObject({ ok: true });
      const received = new Promise((resolve) => socket.onAny((event, payload) => resolve({ event, payload })));
      // Node A has no sockets of its own; the Redis adapter carries the broadcast to node B.
      (ioA as unknown as { emit: (e: string, p: unknown) => void }).emit('hub:announced', { text: 'Studietur til Dyrøy' });
      await expect(received).resolves.toEqual({ event: 'hub:announced', payload: { text: 'Studietur til Dyrøy' } });
    } finally {
      socket.disconnect();
      await b.stop();
      await a.stop();
    }
  });
});
