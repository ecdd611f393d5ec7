import 'server-only';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { clientAddress, sameOrigin } from '../api/client';
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

/**
 * The clinician token a request carries: `Authorization: Bearer` (scripts) or the session cookie (the portal). A
 * Bearer header that is not a clinician token, a patient's interview token included, yields nothing, and so does the
 * cookie on a cross-site state change.
 */
export function tokenFromRequest(request: Request, changesState: boolean): string | undefined {
  const auth = request.headers.get('authorization');
  if (auth !== null) {
    const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    return token && isClinicianToken(token) ? token : undefined;
  }
  const token = cookieValue(request.headers.get('cookie'), sessionCookieName(env().COOKIE_SECURE));
  if (!token || !isClinicianToken(token)) return undefined;
  if (changesState && !sameOrigin(request)) return undefined;
  return token;
}

/** For route handlers: the signed-in clinician (with the request's address), or undefined. */
export async function clinicianFromRequest(request: Request, options: { changesState?: boolean } = {}): Promise<Actor | undefined> {
  const token = tokenFromRequest(request, options.changesState ?? !['GET', 'HEAD'].includes(request.method));
  if (!token) return undefined;
  const clinician = await clinicianForToken(token);
  return clinician && { ...clinician, address: clientAddress(request.headers) };
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
