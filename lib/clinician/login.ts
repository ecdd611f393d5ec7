import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { clinicians } from '../../db/schema';
import { audit } from '../audit';
import { DECOY_HASH, hashesWaiting, MAX_PASSWORD_LENGTH, verifyPassword } from './password';
import { clinicianForToken, createSession, revokeSession } from './sessions';
import { clearFailures, recordFailure, throttledFor, WINDOW_MINUTES } from './throttle';
import type { Clinician } from './types';

export type LoginResult =
  | { ok: true; clinician: Clinician; token: string; expiresAt: Date }
  | { ok: false; code: 'invalid_credentials'; message: string }
  | { ok: false; code: 'too_many_attempts'; message: string; retryAfterSeconds: number };

/** One message for an unknown email, a wrong password and a disabled account: the form must not reveal which. */
export const INVALID_CREDENTIALS =
  'The email or password is not right, or the account is not active. Check both and try again, or ask an administrator.';

/**
 * The database counts failures only once a password has been checked, which takes about a second: a burst of
 * parallel guesses would all pass the count first. So at most two attempts per email and per address are checked at
 * a time in this process, and none are queued behind a long line of hashes.
 */
const MAX_IN_FLIGHT = 2;
const MAX_WAITING_HASHES = 32;
const BUSY_RETRY_SECONDS = 5;
const holder = globalThis as unknown as { __knotwiseSignIns?: Map<string, number> };
const inFlight = (holder.__knotwiseSignIns ??= new Map());

function enter(keys: string[]): boolean {
  if (hashesWaiting() >= MAX_WAITING_HASHES || keys.some((k) => (inFlight.get(k) ?? 0) >= MAX_IN_FLIGHT)) return false;
  for (const k of keys) inFlight.set(k, (inFlight.get(k) ?? 0) + 1);
  return true;
}

function leave(keys: string[]): void {
  for (const k of keys) {
    const n = (inFlight.get(k) ?? 1) - 1;
    if (n > 0) inFlight.set(k, n);
    else inFlight.delete(k);
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a clinician's password and opens a 12-hour session. Too many failures for the email or the address within
 * 15 minutes refuses every attempt, right or wrong, until the window moves on. Every outcome is audited.
 */
export async function login(emailInput: string, password: string, address: string): Promise<LoginResult> {
  const email = normaliseEmail(emailInput).slice(0, 320);
  const wait = await throttledFor(email, address);
  if (wait > 0) {
    await audit({ action: 'login.throttled', address, detail: { email } });
    return {
      ok: false,
      code: 'too_many_attempts',
      message: `Too many failed sign-ins. Wait ${Math.ceil(wait / 60)} minute(s) and try again (attempts are limited to 5 in ${WINDOW_MINUTES} minutes).`,
      retryAfterSeconds: wait,
    };
  }

  const keys = [`email:${email}`, `address:${address}`];
  if (!enter(keys)) {
    await audit({ action: 'login.throttled', address, detail: { email, reason: 'concurrent' } });
    return {
      ok: false,
      code: 'too_many_attempts',
      message: `Too many sign-in attempts at once. Wait ${BUSY_RETRY_SECONDS} seconds and try again.`,
      retryAfterSeconds: BUSY_RETRY_SECONDS,
    };
  }
  try {
    return await checkPassword(email, password, address);
  } finally {
    leave(keys);
  }
}

async function checkPassword(email: string, password: string, address: string): Promise<LoginResult> {
  const db = await getDb();
  const [account] = await db.select().from(clinicians).where(eq(clinicians.email, email));
  // The hash is checked even for an unknown email or a disabled account, so all failures take the same time.
  const passwordOk = password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(password, account?.passwordHash ?? DECOY_HASH));

  if (!account || account.disabled || !passwordOk) {
    await recordFailure(email, address);
    const reason = !account ? 'unknown_email' : account.disabled ? 'account_disabled' : 'wrong_password';
    await audit({
      action: 'login.failed',
      actor: account ? { id: account.id, email: account.email } : null,
      address,
      targetType: account ? 'clinician' : undefined,
      targetId: account?.id,
      detail: { email, reason },
    });
    return { ok: false, code: 'invalid_credentials', message: INVALID_CREDENTIALS };
  }

  const clinician: Clinician = { id: account.id, email: account.email, name: account.name, role: account.role };
  const session = await db.transaction(async (tx) => {
    const created = await createSession(account.id, address, tx);
    await audit({ action: 'login.succeeded', actor: clinician, address, targetType: 'clinician', targetId: account.id }, tx);
    return created;
  });
  await clearFailures(email);
  return { ok: true, clinician, ...session };
}

/** Ends the session behind this token. Returns whether there was a live one to end. */
export async function logout(token: string, address: string | null = null): Promise<boolean> {
  const clinician = await clinicianForToken(token);
  const ended = await revokeSession(token);
  if (ended && clinician) {
    await audit({ action: 'logout', actor: clinician, address, targetType: 'clinician', targetId: clinician.id });
  }
  return ended;
}
