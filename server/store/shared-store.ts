/**
 * State that every Hubro node must agree on: rate limits, presence and the live-room registry.
 * Redis implements it across nodes (REDIS_URL set); memory implements it for a single node.
 * Values are strings; callers own their encoding.
 */
export interface SharedStore {
  readonly kind: 'memory' | 'redis';

  /**
   * Counts one hit in a fixed window that starts at the first hit.
   * Returns the count including this hit and the milliseconds until the window ends.
   */
  hit(key: string, windowMs: number): Promise<WindowCount>;
  /** The current window without counting, or null when there is none. */
  peek(key: string): Promise<WindowCount | null>;
  clear(key: string): Promise<void>;

  /** Marks `member` present in `scope` until `ttlMs` from now (call again to refresh). */
  presenceSet(scope: string, member: string, value: string, ttlMs: number): Promise<void>;
  presenceRemove(scope: string, member: string): Promise<void>;
  /** Members present now, with their values; expired members are dropped. */
  presenceList(scope: string): Promise<Map<string, string>>;

  /**
   * Claims a live room for a node, if no live node holds it. Returns the node that holds it
   * afterwards (this one, or the one that already did). The claim lapses after `ttlMs`
   * unless refreshed by its holder.
   */
  roomClaim(roomId: string, nodeId: string, ttlMs: number): Promise<string>;
  /** Extends a claim; false when `nodeId` no longer holds it. */
  roomRefresh(roomId: string, nodeId: string, ttlMs: number): Promise<boolean>;
  roomOwner(roomId: string): Promise<string | null>;
  /** Drops the claim if `nodeId` holds it. */
  roomRelease(roomId: string, nodeId: string): Promise<void>;

  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface WindowCount {
  count: number;
  resetInMs: number;
}
