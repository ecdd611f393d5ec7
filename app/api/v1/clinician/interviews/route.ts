import { apiJson } from '@/lib/api/respond';
import { badQuery, guard } from '@/lib/clinician/http';
import { listInterviews, parseQueueFilters, queueSummary } from '@/lib/clinician/queue';
import { otherMethods } from '@/lib/api/methods';

/**
 * The queue: one page, most urgent first, with the per-disposition counts and the per-day chart data (those two may be
 * up to 10 seconds old; `asOf` says when they were counted).
 */
export async function GET(request: Request) {
  const g = await guard(request);
  if (!g.ok) return g.response;
  const filters = parseQueueFilters(new URL(request.url).searchParams);
  if (!filters.ok) return badQuery(filters.message);
  const page = await listInterviews(filters.value);
  return apiJson({ ...page, ...(await queueSummary(filters.value)) });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
