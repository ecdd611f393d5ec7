import 'server-only';
import { apiError } from '../api/respond';
import { clinicianFromRequest, cookieRefusal, type Credential } from './auth';
import type { Actor } from './types';

export type Guarded = { ok: true; actor: Actor; credential: Credential } | { ok: false; response: Response };

export function unauthorized(): Response {
  return apiError(401, 'unauthorized', 'Sign in as a clinician first: send the session cookie or an Authorization: Bearer clinician token.');
}

export function forbidden(): Response {
  return apiError(403, 'forbidden', 'Only an administrator can do this. Ask an administrator if you need it done.');
}

/**
 * The first line of every clinician route handler: 401 for anyone who is not a signed-in, enabled clinician (patient
 * tokens included), 403 `cross_origin` for the session cookie on a request another site may have started
 * (cookieRefusal), 403 `forbidden` for a clinician on an administrators' route.
 */
export async function guard(request: Request, options: { admin?: boolean } = {}): Promise<Guarded> {
  const signedIn = await clinicianFromRequest(request);
  if (!signedIn) return { ok: false, response: unauthorized() };
  const refusal = signedIn.credential.via === 'cookie' ? cookieRefusal(request) : undefined;
  if (refusal) return { ok: false, response: apiError(403, 'cross_origin', refusal) };
  if (options.admin && signedIn.actor.role !== 'admin') return { ok: false, response: forbidden() };
  return { ok: true, ...signedIn };
}

export function badQuery(message: string): Response {
  return apiError(400, 'invalid_query', message);
}

const NOT_FOUND = {
  interview: 'No interview with this id. It may have been deleted by the patient or by the retention policy.',
  account: 'No account with this id. Check the id in the account list.',
};

export function notFoundResponse(what: keyof typeof NOT_FOUND): Response {
  return apiError(404, 'not_found', NOT_FOUND[what]);
}

/**
 * Next answers HEAD with a route's GET handler. HEAD shows nothing, so an audited GET answers it here instead: the
 * same checks and status and content type, no body, and no audit row (nothing was viewed or exported).
 */
export function isHead(request: Request): boolean {
  return request.method === 'HEAD';
}

export function headAnswer(found: boolean, contentType: string): Response {
  if (!found) return notFoundResponse('interview');
  return new Response(null, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
}
