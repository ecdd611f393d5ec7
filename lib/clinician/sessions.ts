import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { clinicianSessions, clinicians } from '../../db/schema';
import type { Queryable } from '../audit';
import type { Clinician } from './types';

export const SESSION_HOURS = 12;
const SESSION_MS = SESSION_HOURS * 60 * 60 * 1000;
/**
 * Clinician tokens carry a prefix: a patient's interview token (bare base64url) can never be mistaken for one, and a
 * leaked token is recognisable in logs.
 */
const TOKEN_PREFIX = 'kwc_';
const TOKEN_SHAPE = /^kwc_[A-Za-z0-9_-]{43}$/;

export function isClinicianToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** `__Host-` cookies must be Secure, so plain-http deployments (COOKIE_SECURE=false) use the bare name. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-kw_clinician' : 'kw_clinician';
}

export function sessionCookieOptions(secure: boolean, expiresAt: Date) {
  return { httpOnly: true, secure, sameSite: 'lax' as const, path: '/', expires: expiresAt };
}

export async function createSession(
  clinicianId: string,
  address: string,
  q?: Queryable,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const db = q ?? (await getDb());
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + SESSION_MS);
  await db.insert(clinicianSessions).values({ tokenHash: sha256(token), clinicianId, createdAt: now, expiresAt, address });
  return { token, expiresAt };
}

/** The enabled clinician behind a live (unexpired, unrevoked) session token, or undefined. */
export async function clinicianForToken(token: string, now = new Date()): Promise<Clinician | undefined> {
  if (!isClinicianToken(token)) return undefined;
  const db = await getDb();
  // One lookup by primary key; the account's disabled flag is checked here too, not only when the account changes.
  const [row] = await db
    .select({ id: clinicians.id, email: clinicians.email, name: clinicians.name, role: clinicians.role })
    .from(clinicianSessions)
    .innerJoin(clinicians, eq(clinicians.id, clinicianSessions.clinicianId))
    .where(
      and(
        eq(clinicianSessions.tokenHash, sha256(token)),
        isNull(clinicianSessions.revokedAt),
        gt(clinicianSessions.expiresAt, now),
        eq(clinicians.disabled, false),
      ),
    );
  return row;
}

/** Ends one session (logout). Returns whether a live session was ended. */
export async function revokeSession(token: string, now = new Date()): Promise<boolean> {
  if (!isClinicianToken(token)) return false;
  const db = await getDb();
  const ended = await db
    .update(clinicianSessions)
    .set({ revokedAt: now })
    .where(and(eq(clinicianSessions.tokenHash, sha256(token)), isNull(clinicianSessions.revokedAt)))
    .returning({ clinicianId: clinicianSessions.clinicianId });
  return ended.length > 0;
}

/** Ends every session of an account (it was disabled). */
export async function revokeAllSessions(clinicianId: string, q: Queryable, now = new Date()): Promise<number> {
  const ended = await q
    .update(clinicianSessions)
    .set({ revokedAt: now })
    .where(and(eq(clinicianSessions.clinicianId, clinicianId), isNull(clinicianSessions.revokedAt)))
    .returning({ tokenHash: clinicianSessions.tokenHash });
  return ended.length;
}
