import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../server/store/memory-store';
import { RedisStore } from '../../server/store/redis-store';
import type { SharedStore } from '../../server/store/shared-store';

const redisClients: Redis[] = [];
afterAll(async () => {
  await Promise.all(redisClients.map((c) => c.quit()));
});

// The same contract for both implementations; Redis runs when REDIS_URL is set (CI sets it).
const stores: Array<{ name: string; make: () => SharedStore }> = [{ name: 'memory', make: () => new MemoryStore() }];
if (process.env.REDIS_URL) {
  stores.push({
    name: 'redis',
    make: () => {
      const client = new Redis(process.env.REDIS_URL!);
      redisClients.push(client);
      return new RedisStore(client, `hubro-test:${randomBytes(4).toString('hex')}:`);
    },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(stores)('$name shared store', ({ make }) => {
  it('counts hits in a fixed window and starts a new window after it ends', async () => {
    const store = make();
    expect(await store.peek('k')).toBeNull();
    const first = await store.hit('k', 300);
    expect(first.count).toBe(1);
    expect(first.resetInMs).toBeGreaterThan(0);
    expect(first.resetInMs).toBeLessThanOrEqual(300);
    expect((await store.hit('k', 300)).count).toBe(2);
    expect((await store.peek('k'))?.count).toBe(2);
    await sleep(350);
    expect(await store.peek('k')).toBeNull();
    expect((await store.hit('k', 300)).count).toBe(1);
    await store.clear('k');
    expect(await store.peek('k')).toBeNull();
  });

  it('keeps presence per scope and drops members whose time ran out', async () => {
    const store = make();
    await store.presenceSet('room:studio', 'ingrid', '{"name":"Ingrid"}', 10_000);
    await store.presenceSet('room:studio', 'ola', '{"name":"Ola"}', 150);
    await store.presenceSet('room:other', 'kari', '{}', 10_000);
    expect([...(await store.presenceList('room:studio')).keys()].sort()).toEqual(['ingrid', 'ola']);
    await sleep(250);
    const present = await store.presenceList('room:studio');
    expect([...present.entries()]).toEqual([['ingrid', '{"name":"Ingrid"}']]);
    await store.presenceRemove('room:studio', 'ingrid');
    expect((await store.presenceList('room:studio')).size).toBe(0);
    expect((await store.presenceList('room:other')).size).toBe(1);
  });

  it('gives a live room to one node at a time', async () => {
    const store = make();
    expect(await store.roomClaim('r1', 'node-a', 200)).toBe('node-a');
    expect(await store.roomClaim('r1', 'node-b', 200)).toBe('node-a');
    expect(await store.roomRefresh('r1', 'node-b', 200)).toBe(false);
    expect(await store.roomRefresh('r1', 'node-a', 200)).toBe(true);
    await store.roomRelease('r1', 'node-b');
    expect(await store.roomOwner('r1')).toBe('node-a');
    await store.roomRelease('r1', 'node-a');
    expect(await store.roomOwner('r1')).toBeNull();
    expect(await store.roomClaim('r1', 'node-b', 100)).toBe('node-b');
    await sleep(180);
    // node-b stopped refreshing (it crashed): the claim lapses and node-a may take the room.
    expect(await store.roomClaim('r1', 'node-a', 200)).toBe('node-a');
    await store.close();
  });
});
