import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiError, apiJson } from '@/lib/api/respond';
import { otherMethods } from '@/lib/api/methods';

export const dynamic = 'force-dynamic';

/** 200 once the database is migrated (getDb migrates on open) and answers a query. */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return apiJson({ ok: true });
  } catch {
    return apiError(503, 'unavailable', 'The database is not ready yet. Try again in a few seconds.');
  }
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
