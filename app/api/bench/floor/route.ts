import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { interviews } from '@/db/schema';
import { apiError, apiJson } from '@/lib/api/respond';
import { env } from '@/lib/env';
import { hashToken, newCode } from '@/lib/interview/tokens';
import { otherMethods } from '@/lib/api/methods';

/**
 * The benchmark's floor: the cheapest durable write this server can do (one row into the same table, same database,
 * same process). The answer endpoint's throughput is reported as a share of this. Off unless BENCH_ROUTES is set.
 */
export async function POST() {
  if (!env().BENCH_ROUTES) return apiError(404, 'not_found', 'There is nothing here.');
  const db = await getDb();
  const id = randomUUID();
  await db.insert(interviews).values({
    id,
    code: newCode(),
    tokenHash: hashToken(id),
    protocolVersion: env().PROTOCOL_VERSION,
    status: 'declined',
  });
  return apiJson({ id }, 201);
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
