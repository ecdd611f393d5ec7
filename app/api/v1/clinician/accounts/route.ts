import { readBody } from '@/lib/api/body';
import { apiError, apiJson } from '@/lib/api/respond';
import { createAccount, listAccounts, newAccountSchema } from '@/lib/clinician/accounts';
import { guard } from '@/lib/clinician/http';
import { otherMethods } from '@/lib/api/methods';

export async function GET(request: Request) {
  const g = await guard(request, { admin: true });
  if (!g.ok) return g.response;
  return apiJson({ accounts: await listAccounts() });
}

export async function POST(request: Request) {
  const g = await guard(request, { admin: true });
  if (!g.ok) return g.response;
  const body = await readBody(request, newAccountSchema);
  if (!body.ok) return body.response;
  const result = await createAccount(body.data, g.actor);
  if (result.ok) return apiJson({ account: result.account }, 201);
  return apiError(result.code === 'duplicate_email' ? 409 : 400, result.code, result.message);
}

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
