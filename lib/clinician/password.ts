import 'server-only';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt with N=2^17, r=8, p=1: about 128 MiB and most of a second per hash here, which is the point. The parameters
 * are stored with each hash, so raising them later leaves old hashes verifiable.
 */
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
// scrypt needs 128 * N * r bytes; node's default maxmem (32 MiB) is far too small for N=2^17.
const MAX_MEM = 256 * 1024 * 1024;
export const MIN_PASSWORD_LENGTH = 12;
/** Longer inputs only cost CPU; nobody types more. */
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: MAX_MEM };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * Each hash holds 128 MiB for most of a second, so at most two run at once and the rest wait in line. The line is
 * fair between lanes (a sign-in's lane is its client address): a finishing hash hands its slot to the next lane in
 * turn, so a burst from one address, or from a few, never keeps a clinician at another address waiting behind all of
 * it. A newcomer never squeezes in between: a freed slot goes straight to a waiter.
 */
const MAX_CONCURRENT = 2;
let running = 0;
let waitingCount = 0;
/** Waiters per lane; the Map's order is the turn order, and a lane that was just served goes to the back. */
const lanes = new Map<string, (() => void)[]>();

/** Hashes waiting for a slot: sign-in turns new attempts away when too many are queued. */
export function hashesWaiting(): number {
  return waitingCount;
}

function nextWaiter(): (() => void) | undefined {
  const first = lanes.entries().next();
  if (first.done) return undefined;
  const [lane, waiters] = first.value;
  const start = waiters.shift();
  lanes.delete(lane);
  if (waiters.length > 0) lanes.set(lane, waiters);
  waitingCount -= 1;
  return start;
}

async function limited<T>(lane: string, work: () => Promise<T>): Promise<T> {
  if (running < MAX_CONCURRENT) running += 1;
  else {
    await new Promise<void>((resolve) => {
      const waiters = lanes.get(lane);
      if (waiters) waiters.push(resolve);
      else lanes.set(lane, [resolve]);
      waitingCount += 1;
    });
  }
  try {
    return await work();
  } finally {
    const next = nextWaiter();
    if (next) next();
    else running -= 1;
  }
}

/** `lane`: whose turn this hash takes in the line (see limited); accounts made by the command line share one. */
export async function hashPassword(password: string, lane = 'accounts'): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await limited(lane, () => derive(password, salt, PARAMS));
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return undefined;
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** `lane`: the client address of a sign-in, so each address takes its turn at the hash (see limited). */
export async function verifyPassword(password: string, stored: string, lane = 'accounts'): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || password.length > MAX_PASSWORD_LENGTH) return false;
  const key = await limited(lane, () => derive(password, parsed.salt, parsed.params));
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/**
 * The hash of a random password nobody knows (same parameters as real ones): checking a password against it when an
 * email is unknown costs the same as a wrong password for a real account, so timing does not reveal which emails exist.
 */
export const DECOY_HASH = 'scrypt$131072$8$1$fYo80RL_u3kLd013GhqU4Q$lIoQMOJ3iuFNie3pR5m0WdUi3Pj9BaP9K5rXJ09wKz4';
