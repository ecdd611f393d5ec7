import 'server-only';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { clientAddress, cookieMayChangeState, fromOtherSite } from '../api/client';
import { env } from '../env';
import { login, logout, type LoginResult } from './login';
import { clinicianForToken, isClinicianToken, sessionCookieName, sessionCookieOptions } from './sessions';
import type { Actor } from './types';

export { login, logout, INVALID_CREDENTIALS, type LoginResult } from './login';
export type { Actor, Clinician, Role } from './types';

export const LOGIN_PATH = '/clinician/login';

function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** A clinician token and how it came: scripts send `Authorization: Bearer`, the portal's browser the cookie. */
export interface Credential {
  token: string;
  via: 'bearer' | 'cookie';
}

/**
 * The clinician credential a request carries. A Bearer header that is not a clinician token, a patient's interview
 * token included, yields nothing (and the cookie is then not looked at).
 */
export function credentialFromRequest(request: Request): Credential | undefined {
  const auth = request.headers.get('authorization');
  if (auth !== null) {
    const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    return token && isClinicianToken(token) ? { token, via: 'bearer' } : undefined;
  }
  const token = cookieValue(request.headers.get('cookie'), sessionCookieName(env().COOKIE_SECURE));
  return token && isClinicianToken(token) ? { token, via: 'cookie' } : undefined;
}

/**
 * Why the session cookie may not be used for this request, or undefined when it may. Browsers send the cookie on
 * requests other sites start too: a change must come from our own origin (a POST as JSON), and a read must not come
 * from another site (a link on another site would otherwise make the clinician view or export in their own name).
 * A Bearer token is never sent by a browser on its own, so it needs neither check.
 */
export function cookieRefusal(request: Request): string | undefined {
  if (['GET', 'HEAD'].includes(request.method)) {
    return fromOtherSite(request)
      ? 'This address was opened from another site. For patients\' privacy, clinician data opens only from the Knotwise clinician portal itself: open the portal and follow the link there.'
      : undefined;
  }
  return cookieMayChangeState(request)
    ? undefined
    : 'A change made with the portal\'s session cookie must come from a Knotwise page (an Origin of this site), and a POST must be JSON (Content-Type: application/json). Scripts send Authorization: Bearer instead.';
}

/** For route handlers: the signed-in clinician (with the request's address) and how the credential came, or undefined. */
export async function clinicianFromRequest(request: Request): Promise<{ actor: Actor; credential: Credential } | undefined> {
  const credential = credentialFromRequest(request);
  if (!credential) return undefined;
  const clinician = await clinicianForToken(credential.token);
  return clinician && { actor: { ...clinician, address: clientAddress(request.headers) }, credential };
}

/** For pages and server actions: the signed-in clinician, or null. */
export async function currentClinician(): Promise<Actor | null> {
  const [jar, hdrs] = await Promise.all([cookies(), headers()]);
  const token = jar.get(sessionCookieName(env().COOKIE_SECURE))?.value;
  if (!token) return null;
  const clinician = await clinicianForToken(token);
  return clinician ? { ...clinician, address: clientAddress(hdrs) } : null;
}

/** For pages and server actions: the signed-in clinician; anyone else is sent to the sign-in page. */
export async function requireClinician(): Promise<Actor> {
  const clinician = await currentClinician();
  if (!clinician) redirect(LOGIN_PATH);
  return clinician;
}

/** Like requireClinician; for a clinician who is not an administrator the page does not exist (404). */
export async function requireAdmin(): Promise<Actor> {
  const clinician = await requireClinician();
  if (clinician.role !== 'admin') notFound();
  return clinician;
}

/** Server action: checks the password and, on success, sets the session cookie. */
export async function signIn(email: string, password: string): Promise<LoginResult> {
  const { COOKIE_SECURE } = env();
  const result = await login(email, password, clientAddress(await headers()));
  if (result.ok) {
    (await cookies()).set(sessionCookieName(COOKIE_SECURE), result.token, sessionCookieOptions(COOKIE_SECURE, result.expiresAt));
  }
  return result;
}

/** Server action: ends the session and removes the cookie. */
export async function signOut(): Promise<void> {
  const name = sessionCookieName(env().COOKIE_SECURE);
  const [jar, hdrs] = await Promise.all([cookies(), headers()]);
  const token = jar.get(name)?.value;
  if (token) await logout(token, clientAddress(hdrs));
  jar.delete({ name, path: '/', secure: env().COOKIE_SECURE, httpOnly: true, sameSite: 'lax' });
}
