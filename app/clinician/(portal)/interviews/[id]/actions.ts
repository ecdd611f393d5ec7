'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireClinician } from '@/lib/clinician/auth';
import { addReview, reviewInputSchema } from '@/lib/clinician/reviews';
import type { ReviewState } from './state';

const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : undefined;
};

/** Bound to the interview id on the page, so the id never travels as an editable form field. */
export async function reviewAction(interviewId: string, _previous: ReviewState, formData: FormData): Promise<ReviewState> {
  const clinician = await requireClinician();
  const input = { verdict: field(formData, 'verdict'), note: field(formData, 'note') ?? '' };
  const values = { verdict: input.verdict, note: input.note };

  // The review module's own schema, run here first only to tie each message to its field.
  const parsed = reviewInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return {
      fieldErrors: {
        ...fieldErrors,
        ...(fieldErrors.verdict ? { verdict: ['Choose whether you agree with the outcome, or how it was wrong.'] } : {}),
      },
      values,
    };
  }

  const result = await addReview(interviewId, clinician, parsed.data);
  if (!result.ok) return { formError: result.message, values };
  revalidatePath(`/clinician/interviews/${interviewId}`);
  return { saved: true };
}
