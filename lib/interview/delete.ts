import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { interviews } from '../../db/schema';
import { audit } from '../audit';
import type { ServiceResult } from './service';
import { hashToken, tokenMatches } from './tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Checked when the interview does not exist, so a wrong id costs the same as a wrong token.
const NO_SUCH_HASH = hashToken('no such interview');

/**
 * The patient deletes their own interview: transcript and reviews go with it (foreign-key cascade). The audit trail
 * records only that a patient deletion happened: no id, no address, no content.
 */
export async function deleteInterview(id: string, token: string): Promise<ServiceResult<object>> {
  const unauthorized = {
    ok: false as const,
    error: {
      code: 'unauthorized' as const,
      message: 'This interview could not be opened. Check the link or token, or start a new interview.',
    },
  };
  if (!UUID.test(id)) {
    tokenMatches(token, NO_SUCH_HASH);
    return unauthorized;
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ tokenHash: interviews.tokenHash }).from(interviews).where(eq(interviews.id, id)).for('update');
    if (!tokenMatches(token, row?.tokenHash ?? NO_SUCH_HASH)) return unauthorized;
    await tx.delete(interviews).where(eq(interviews.id, id));
    await audit({ action: 'interview.deleted_by_patient', targetType: 'interview' }, tx);
    return { ok: true as const };
  });
}
