import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { storableText } from '@/lib/text';
import { getDb } from '../../db/client';
import { clinicians, interviews, REVIEW_VERDICTS, reviews, type ReviewVerdict } from '../../db/schema';
import { audit } from '../audit';
import type { Actor, Result } from './types';

export { REVIEW_VERDICTS, type ReviewVerdict } from '../../db/schema';

export const MAX_NOTE_LENGTH = 2000;

export interface Review {
  id: string;
  verdict: ReviewVerdict;
  note: string;
  createdAt: string;
  clinician: { id: string; name: string; email: string };
}

export const reviewInputSchema = z.strictObject({
  verdict: z.enum(REVIEW_VERDICTS, {
    error: 'verdict must be "agree", "over_triaged" (sent to care sooner than needed) or "under_triaged" (not soon enough).',
  }),
  note: storableText('note', 'note must be text.')
    .trim()
    .max(MAX_NOTE_LENGTH, { error: `note must be at most ${MAX_NOTE_LENGTH} characters.` })
    .default(''),
});
export type ReviewInput = z.input<typeof reviewInputSchema>;

const UUID = z.uuid();

/** Every review of one interview, oldest first, with who wrote it. */
export async function listReviews(interviewId: string): Promise<Review[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: reviews.id,
      verdict: reviews.verdict,
      note: reviews.note,
      createdAt: reviews.createdAt,
      clinicianId: clinicians.id,
      name: clinicians.name,
      email: clinicians.email,
    })
    .from(reviews)
    .innerJoin(clinicians, eq(clinicians.id, reviews.clinicianId))
    .where(eq(reviews.interviewId, interviewId))
    .orderBy(asc(reviews.createdAt), asc(reviews.id));
  return rows.map((r) => ({
    id: r.id,
    verdict: r.verdict,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    clinician: { id: r.clinicianId, name: r.name, email: r.email },
  }));
}

/** Records a clinician's verdict on an interview's disposition; audited with the verdict (the note stays out). */
export async function addReview(
  interviewId: string,
  clinician: Actor,
  input: ReviewInput,
): Promise<Result<{ review: Review }, 'invalid_review' | 'not_found' | 'not_finished'>> {
  const parsed = reviewInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: 'invalid_review', message: parsed.error.issues.map((i) => i.message).join(' ') };
  if (!UUID.safeParse(interviewId).success) return { ok: false, code: 'not_found', message: 'No interview with this id.' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Locked so a patient deleting the interview at the same moment cannot leave a review pointing at nothing.
    const [interview] = await tx
      .select({ status: interviews.status })
      .from(interviews)
      .where(eq(interviews.id, interviewId))
      .for('share');
    if (!interview) return { ok: false, code: 'not_found', message: 'No interview with this id. It may have been deleted.' } as const;
    if (interview.status !== 'complete') {
      return {
        ok: false,
        code: 'not_finished',
        message: 'Only a finished interview has a disposition to review. This one is unfinished or was declined.',
      } as const;
    }
    const [row] = await tx
      .insert(reviews)
      .values({ interviewId, clinicianId: clinician.id, verdict: parsed.data.verdict, note: parsed.data.note })
      .returning();
    await audit(
      {
        action: 'review.added',
        actor: clinician,
        address: clinician.address,
        targetType: 'interview',
        targetId: interviewId,
        detail: { verdict: row!.verdict, reviewId: row!.id },
      },
      tx,
    );
    const review: Review = {
      id: row!.id,
      verdict: row!.verdict,
      note: row!.note,
      createdAt: row!.createdAt.toISOString(),
      clinician: { id: clinician.id, name: clinician.name, email: clinician.email },
    };
    return { ok: true, review } as const;
  });
}
