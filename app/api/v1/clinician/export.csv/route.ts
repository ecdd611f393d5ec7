import { csvFileName, queueCsv } from '@/lib/clinician/csv';
import { badQuery, guard, headAnswer, isHead } from '@/lib/clinician/http';
import { parseQueueFilters } from '@/lib/clinician/queue';
import { otherMethods } from '@/lib/api/methods';

const CSV_TYPE = 'text/csv; charset=utf-8';

/** The filtered queue (every page) as CSV. */
export async function GET(request: Request) {
  const g = await guard(request);
  if (!g.ok) return g.response;
  const filters = parseQueueFilters(new URL(request.url).searchParams);
  if (!filters.ok) return badQuery(filters.message);
  if (isHead(request)) return headAnswer(true, CSV_TYPE);
  return new Response(await queueCsv(filters.value, g.actor), {
    headers: {
      'Content-Type': CSV_TYPE,
      'Content-Disposition': `attachment; filename="${csvFileName()}"`,
      'Cache-Control': 'no-store',
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
