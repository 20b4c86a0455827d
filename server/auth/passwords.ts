import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2ID = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A valid hash of a random password, so an unknown email costs as much time as a wrong password. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
}

// Norwegian additions to the international list: words a Dyrøy user might reach for first.
const LOCAL_COMMON = [
  'passord123', 'passord1234', 'passordet1', 'hemmelig123', 'sommer2024!', 'sommeren2024', 'vinter2024',
  'norge12345', 'norway1234', 'brostadbotn', 'brøstadbotn', 'dyrøy12345', 'dyroy12345', 'hubro12345',
  'hubrohubro', 'qwertyuiopå', '1234567890å',
];

let common: Set<string> | undefined;

/** True for passwords found in public lists of the most used passwords (~49,000 entries). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set([...dictionary['passwords-common'], ...LOCAL_COMMON].map((p) => p.toLowerCase()));
  const lower = password.toLowerCase();
  return common.has(lower) || /^(.)\1+$/.test(lower);
}
