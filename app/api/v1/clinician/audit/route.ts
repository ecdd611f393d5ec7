import { apiJson } from '@/lib/api/respond';
import { listAudit, parseAuditFilters } from '@/lib/audit';
import { badQuery, guard } from '@/lib/clinician/http';
import { otherMethods } from '@/lib/api/methods';

/** The audit trail, newest first (administrators only). */
export async function GET(request: Request) {
  const g = await guard(request, { admin: true });
  if (!g.ok) return g.response;
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  if (!filters.ok) return badQuery(filters.message);
  return apiJson(await listAudit(filters.value));
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
