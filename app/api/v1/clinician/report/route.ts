import { apiJson } from '@/lib/api/respond';
import { badQuery, guard } from '@/lib/clinician/http';
import { parseReportFilters, protocolReport } from '@/lib/clinician/report';
import { otherMethods } from '@/lib/api/methods';

/** Per rule: times fired, times reviewed, times reviewers disagreed. */
export async function GET(request: Request) {
  const g = await guard(request);
  if (!g.ok) return g.response;
  const filters = parseReportFilters(new URL(request.url).searchParams);
  if (!filters.ok) return badQuery(filters.message);
  return apiJson(await protocolReport(filters.value));
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
