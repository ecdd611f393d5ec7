import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { interviews } from '../../db/schema';
import { audit } from '../audit';
import { requestErasure } from '../erasure';
import { authorised, UNAUTHORIZED } from './access';
import { forget } from './answer-cache';
import type { ServiceResult } from './service';

/**
 * The patient deletes their own interview: transcript and reviews go with it (foreign-key cascade), and soon after out
 * of the database's files too (lib/erasure.ts). The audit trail records only that a patient deletion happened: no
 * id, no address, no content.
 */
export async function deleteInterview(id: string, token: string): Promise<ServiceResult<object>> {
  const db = await getDb();
  const deleted = await db.transaction(async (tx) => {
    const row = await authorised(id, token, async () => {
      const [found] = await tx.select({ tokenHash: interviews.tokenHash }).from(interviews).where(eq(interviews.id, id)).for('update');
      return found;
    });
    if (!row) return false;
    await tx.delete(interviews).where(eq(interviews.id, id));
    await audit({ action: 'interview.deleted_by_patient', targetType: 'interview' }, tx);
    return true;
  });
  if (!deleted) return { ok: false, error: UNAUTHORIZED };
  forget(id);
  requestErasure();
  return { ok: true };
}
