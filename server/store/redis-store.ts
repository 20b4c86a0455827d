import type { Redis } from 'ioredis';
import type { SharedStore, WindowCount } from './shared-store';

// Each script runs atomically in Redis, so two nodes never see a half-done update.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

// Presence: a hash of member -> value and a sorted set of member -> expiry time.
const PRESENCE_LIST = `
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
if #expired > 0 then
  redis.call('ZREM', KEYS[2], unpack(expired))
  redis.call('HDEL', KEYS[1], unpack(expired))
end
return redis.call('HGETALL', KEYS[1])`;

const ROOM_CLAIM = `
local ok = redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])
if ok then return ARGV[1] end
return redis.call('GET', KEYS[1])`;

const ROOM_REFRESH = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

const ROOM_RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** SharedStore across nodes. Keys are namespaced by `prefix` (tests use their own). */
export class RedisStore implements SharedStore {
  readonly kind = 'redis' as const;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'hubro:',
  ) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const [count, ttl] = (await this.redis.eval(HIT, 1, this.#key('rl', key), windowMs)) as [number, number];
    return { count, resetInMs: ttl };
  }

  async peek(key: string): Promise<WindowCount | null> {
    const k = this.#key('rl', key);
    const [[, value], [, ttl]] = (await this.redis.multi().get(k).pttl(k).exec()) as [
      [Error | null, string | null],
      [Error | null, number],
    ];
    if (value === null || ttl < 0) return null;
    return { count: Number(value), resetInMs: ttl };
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.#key('rl', key));
  }

  async presenceSet(scope: string, member: string, value: string, ttlMs: number): Promise<void> {
    const expiresAt = Date.now() + ttlMs;
    const [hash, expiry] = this.#presenceKeys(scope);
    await this.redis
      .multi()
      .hset(hash, member, value)
      .zadd(expiry, expiresAt, member)
      // The keys outlive their newest member by a margin, so an abandoned scope disappears.
      .pexpire(hash, ttlMs * 2)
      .pexpire(expiry, ttlMs * 2)
      .exec();
  }

  async presenceRemove(scope: string, member: string): Promise<void> {
    const [hash, expiry] = this.#presenceKeys(scope);
    await this.redis.multi().hdel(hash, member).zrem(expiry, member).exec();
  }

  async presenceList(scope: string): Promise<Map<string, string>> {
    const [hash, expiry] = this.#presenceKeys(scope);
    const flat = (await this.redis.eval(PRESENCE_LIST, 2, hash, expiry, Date.now())) as string[];
    const result = new Map<string, string>();
    for (let i = 0; i + 1 < flat.length; i += 2) result.set(flat[i]!, flat[i + 1]!);
    return result;
  }

  async roomClaim(roomId: string, nodeId: string, ttlMs: number): Promise<string> {
    return (await this.redis.eval(ROOM_CLAIM, 1, this.#key('room', roomId), nodeId, ttlMs)) as string;
  }

  async roomRefresh(roomId: string, nodeId: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.eval(ROOM_REFRESH, 1, this.#key('room', roomId), nodeId, ttlMs)) === 1;
  }

  async roomOwner(roomId: string): Promise<string | null> {
    return this.redis.get(this.#key('room', roomId));
  }

  async roomRelease(roomId: string, nodeId: string): Promise<void> {
    await this.redis.eval(ROOM_RELEASE, 1, this.#key('room', roomId), nodeId);
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  /** The Redis connection belongs to the composition root, which closes it. */
  async close(): Promise<void> {}

  #key(kind: string, key: string) {
    return `${this.prefix}${kind}:${key}`;
  }

  #presenceKeys(scope: string): [string, string] {
    return [this.#key('presence', scope), this.#key('presence-exp', scope)];
  }
}
