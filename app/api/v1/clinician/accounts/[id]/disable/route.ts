import { apiError, apiJson } from '@/lib/api/respond';
import { setAccountDisabled } from '@/lib/clinician/accounts';
import { guard, notFoundResponse } from '@/lib/clinician/http';
import { otherMethods } from '@/lib/api/methods';

/** Disables an account and ends all its sessions at once (administrators only). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(request, { admin: true });
  if (!g.ok) return g.response;
  const { id } = await params;
  const result = await setAccountDisabled(id, true, g.actor);
  if (result.ok) return apiJson({ account: result.account, sessionsEnded: result.sessionsEnded });
  return result.code === 'not_found' ? notFoundResponse('account') : apiError(409, result.code, result.message);
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
