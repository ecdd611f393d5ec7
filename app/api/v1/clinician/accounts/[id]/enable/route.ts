import { apiError, apiJson } from '@/lib/api/respond';
import { setAccountDisabled } from '@/lib/clinician/accounts';
import { guard, notFoundResponse } from '@/lib/clinician/http';
import { otherMethods } from '@/lib/api/methods';

/** Re-enables a disabled account (administrators only); the person signs in again. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(request, { admin: true });
  if (!g.ok) return g.response;
  const { id } = await params;
  const result = await setAccountDisabled(id, false, g.actor);
  if (result.ok) return apiJson({ account: result.account, sessionsEnded: result.sessionsEnded });
  return result.code === 'not_found' ? notFoundResponse('account') : apiError(409, result.code, result.message);
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
