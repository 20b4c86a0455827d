import type { SharedStore } from '../store/shared-store';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MS = 15 * 60_000;

/**
 * Five failed sign-ins lock that account + IP pair for 15 minutes. Keying on the pair means an
 * attacker cannot lock a member out from everywhere, and one address cannot try many passwords.
 */
export class LoginThrottle {
  constructor(private readonly store: SharedStore) {}

  /** Milliseconds until the pair may try again, or 0 when it is not locked. */
  async lockedFor(email: string, ip: string): Promise<number> {
    const lock = await this.store.peek(this.#key('lock', email, ip));
    return lock ? lock.resetInMs : 0;
  }

  /** Records a failure; returns the lock time when this failure locked the pair. */
  async recordFailure(email: string, ip: string): Promise<number> {
    const failures = await this.store.hit(this.#key('fail', email, ip), LOGIN_LOCK_MS);
    if (failures.count < LOGIN_MAX_FAILURES) return 0;
    await this.store.clear(this.#key('fail', email, ip));
    const lock = await this.store.hit(this.#key('lock', email, ip), LOGIN_LOCK_MS);
    return lock.resetInMs;
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.store.clear(this.#key('fail', email, ip));
  }

  #key(kind: 'fail' | 'lock', email: string, ip: string) {
    return `login-${kind}:${email.toLowerCase()}|${ip}`;
  }
}
