import 'server-only';
import { and, count, eq, gt } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { auditEvents, clinicians } from '../../db/schema';
import { audit } from '../audit';
import { DECOY_HASH, hashesWaiting, MAX_PASSWORD_LENGTH, verifyPassword } from './password';
import { clinicianForToken, createSession, revokeSession } from './sessions';
import { ACCOUNT_MAX_FAILURES, admitAttempt, clearFailures, underSignInLock, WINDOW_MINUTES, type Admission } from './throttle';
import type { Clinician } from './types';
import { untrustedText } from './untrusted';

export type LoginResult =
  | { ok: true; clinician: Clinician; token: string; expiresAt: Date }
  | { ok: false; code: 'invalid_credentials'; message: string }
  | { ok: false; code: 'too_many_attempts'; message: string; retryAfterSeconds: number };

/** One message for an unknown email, a wrong password and a disabled account: the form must not reveal which. */
export const INVALID_CREDENTIALS =
  'The email or password is not right, or the account is not active. Check both and try again, or ask an administrator.';

/**
 * Attempts waiting for a password hash, in this process, beyond which new ones are turned away unchecked. The line is
 * fair between addresses (password.ts), so this bounds memory, not anyone's turn: each address can hold at most about
 * ADDRESS_FREE_FAILURES places in it before its own delay applies.
 */
const MAX_WAITING_HASHES = 256;
const BUSY_RETRY_SECONDS = 5;

/** Refused attempts write at most this many audit rows per address per window (the last one says so). */
export const REFUSALS_AUDITED_PER_ADDRESS = 20;

type Refusal = Exclude<Admission, { ok: true }> | { ok: false; limit: 'busy'; waitSeconds: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

function refusalMessage(refusal: Refusal): string {
  switch (refusal.limit) {
    case 'account':
      return `Too many failed sign-ins for this email. Wait ${plural(Math.ceil(refusal.waitSeconds / 60), 'minute')} and try again (at most ${ACCOUNT_MAX_FAILURES} in ${WINDOW_MINUTES} minutes).`;
    case 'address':
      return `Too many failed sign-ins from your network. Wait ${plural(refusal.waitSeconds, 'second')} and try again.`;
    case 'busy':
      return `Many sign-ins are being checked right now. Wait ${plural(refusal.waitSeconds, 'second')} and try again.`;
  }
}

/**
 * Audits a refused attempt, at most REFUSALS_AUDITED_PER_ADDRESS times per address and window: refusals cost an
 * attacker nothing, and the log must not grow with them. Counted and written under the sign-in lock, so the cap holds.
 */
async function auditRefusal(refusal: Refusal, email: string, address: string, now = new Date()): Promise<void> {
  await underSignInLock(async (tx) => {
    const [row] = await tx
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'login.throttled'),
          eq(auditEvents.address, address),
          gt(auditEvents.at, new Date(now.getTime() - WINDOW_MINUTES * 60_000)),
        ),
      );
    const written = row?.n ?? 0;
    if (written >= REFUSALS_AUDITED_PER_ADDRESS) return;
    const last = written === REFUSALS_AUDITED_PER_ADDRESS - 1;
    await audit(
      {
        action: 'login.throttled',
        address,
        detail: {
          limit: refusal.limit,
          retryAfterSeconds: refusal.waitSeconds,
          untrustedEmail: untrustedText(email),
          ...(last ? { lastRecordedInWindow: true } : {}),
        },
      },
      tx,
    );
  });
}

async function refuse(refusal: Refusal, email: string, address: string): Promise<LoginResult> {
  await auditRefusal(refusal, email, address);
  return { ok: false, code: 'too_many_attempts', message: refusalMessage(refusal), retryAfterSeconds: refusal.waitSeconds };
}

/**
 * Checks a clinician's password and opens a 12-hour session. The throttle (throttle.ts) decides first, and counts the
 * attempt as a failure before its password is checked; a success clears it. Every outcome is audited.
 */
export async function login(emailInput: string, password: string, address: string): Promise<LoginResult> {
  const email = normaliseEmail(emailInput).slice(0, 320);
  if (hashesWaiting() >= MAX_WAITING_HASHES) return refuse({ ok: false, limit: 'busy', waitSeconds: BUSY_RETRY_SECONDS }, email, address);
  const admission = await underSignInLock((tx) => admitAttempt(email, address, tx));
  if (!admission.ok) return refuse(admission, email, address);
  return checkPassword(email, password, address);
}

async function checkPassword(email: string, password: string, address: string): Promise<LoginResult> {
  const db = await getDb();
  const [account] = await db.select().from(clinicians).where(eq(clinicians.email, email));
  // The hash is checked even for an unknown email or a disabled account, so all failures take the same time.
  const passwordOk =
    password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(password, account?.passwordHash ?? DECOY_HASH, address));

  if (!account || account.disabled || !passwordOk) {
    // The attempt was counted as a failure when it was admitted.
    const reason = !account ? 'unknown_email' : account.disabled ? 'account_disabled' : 'wrong_password';
    await audit({
      action: 'login.failed',
      // A known account is named by its own row; what was typed for no account is kept only in its untrusted form.
      actor: account ? { id: account.id, email: account.email } : null,
      address,
      targetType: account ? 'clinician' : undefined,
      targetId: account?.id,
      detail: account ? { reason } : { reason, untrustedEmail: untrustedText(email) },
    });
    return { ok: false, code: 'invalid_credentials', message: INVALID_CREDENTIALS };
  }

  const clinician: Clinician = { id: account.id, email: account.email, name: account.name, role: account.role };
  const session = await db.transaction(async (tx) => {
    const created = await createSession(account.id, address, tx);
    await audit({ action: 'login.succeeded', actor: clinician, address, targetType: 'clinician', targetId: account.id }, tx);
    await clearFailures(email, tx);
    return created;
  });
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
