import type { SharedStore, WindowCount } from './shared-store';

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

/** A single-process SharedStore. Expired entries are dropped lazily and by a slow sweep. */
export class MemoryStore implements SharedStore {
  readonly kind = 'memory' as const;
  readonly #windows = new Map<string, Expiring<number>>();
  readonly #presence = new Map<string, Map<string, Expiring<string>>>();
  readonly #rooms = new Map<string, Expiring<string>>();
  readonly #sweep: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.#sweep = setInterval(() => this.#sweepExpired(), 60_000);
    this.#sweep.unref();
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    let entry = this.#windows.get(key);
    if (!entry || entry.expiresAt <= now) {
      entry = { value: 0, expiresAt: now + windowMs };
      this.#windows.set(key, entry);
    }
    entry.value += 1;
    return { count: entry.value, resetInMs: entry.expiresAt - now };
  }

  async peek(key: string): Promise<WindowCount | null> {
    const entry = this.#live(this.#windows, key);
    return entry ? { count: entry.value, resetInMs: entry.expiresAt - this.now() } : null;
  }

  async clear(key: string): Promise<void> {
    this.#windows.delete(key);
  }

  async presenceSet(scope: string, member: string, value: string, ttlMs: number): Promise<void> {
    let members = this.#presence.get(scope);
    if (!members) {
      members = new Map();
      this.#presence.set(scope, members);
    }
    members.set(member, { value, expiresAt: this.now() + ttlMs });
  }

  async presenceRemove(scope: string, member: string): Promise<void> {
    const members = this.#presence.get(scope);
    members?.delete(member);
    if (members?.size === 0) this.#presence.delete(scope);
  }

  async presenceList(scope: string): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    const members = this.#presence.get(scope);
    if (!members) return result;
    for (const member of [...members.keys()]) {
      const entry = this.#live(members, member);
      if (entry) result.set(member, entry.value);
    }
    if (members.size === 0) this.#presence.delete(scope);
    return result;
  }

  async roomClaim(roomId: string, nodeId: string, ttlMs: number): Promise<string> {
    const entry = this.#live(this.#rooms, roomId);
    if (entry) return entry.value;
    this.#rooms.set(roomId, { value: nodeId, expiresAt: this.now() + ttlMs });
    return nodeId;
  }

  async roomRefresh(roomId: string, nodeId: string, ttlMs: number): Promise<boolean> {
    const entry = this.#live(this.#rooms, roomId);
    if (!entry || entry.value !== nodeId) return false;
    entry.expiresAt = this.now() + ttlMs;
    return true;
  }

  async roomOwner(roomId: string): Promise<string | null> {
    return this.#live(this.#rooms, roomId)?.value ?? null;
  }

  async roomRelease(roomId: string, nodeId: string): Promise<void> {
    if (this.#live(this.#rooms, roomId)?.value === nodeId) this.#rooms.delete(roomId);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.#sweep);
  }

  #live<T>(map: Map<string, Expiring<T>>, key: string): Expiring<T> | undefined {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  #sweepExpired() {
    for (const key of [...this.#windows.keys()]) this.#live(this.#windows, key);
    for (const key of [...this.#rooms.keys()]) this.#live(this.#rooms, key);
    for (const scope of [...this.#presence.keys()]) void this.presenceList(scope);
  }
}
