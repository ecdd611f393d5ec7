import { csvFileName, queueCsv } from '@/lib/clinician/csv';
import { badQuery, guard } from '@/lib/clinician/http';
import { parseQueueFilters } from '@/lib/clinician/queue';
import { otherMethods } from '@/lib/api/methods';

/** The filtered queue (every page) as CSV. */
export async function GET(request: Request) {
  const g = await guard(request);
  if (!g.ok) return g.response;
  const filters = parseQueueFilters(new URL(request.url).searchParams);
  if (!filters.ok) return badQuery(filters.message);
  return new Response(await queueCsv(filters.value, g.actor), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName()}"`,
      'Cache-Control': 'no-store',
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
