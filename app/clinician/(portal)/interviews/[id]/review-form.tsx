'use client';

import { useActionState } from 'react';
import { describedBy, FieldError } from '../../../_components/field-error';
import { SubmitButton } from '../../../_components/submit-button';
import type { ReviewState } from './state';

const INITIAL: ReviewState = {};

const VERDICTS = [
  { value: 'agree', label: 'Agree', hint: 'The outcome was right for what the patient reported.' },
  { value: 'over_triaged', label: 'Over-triaged', hint: 'Sent to care sooner than needed.' },
  { value: 'under_triaged', label: 'Under-triaged', hint: 'Should have been more urgent.' },
] as const;

/**
 * `action` arrives already bound to the interview on the server: an action bound in the browser cannot be decoded
 * from a plain form post, and the form must work before (or without) JavaScript.
 */
export function ReviewForm({
  action,
  maxNoteLength,
}: {
  action: (previous: ReviewState, formData: FormData) => Promise<ReviewState>;
  maxNoteLength: number;
}) {
  const [state, formAction] = useActionState(action, INITIAL);
  const values = state.values ?? {};
  const verdictErrors = state.fieldErrors?.verdict;
  const noteErrors = state.fieldErrors?.note;
  return (
    <form action={formAction} noValidate aria-labelledby="review-heading">
      <div className="cp-notice" role="status">
        {state.saved ? 'Review saved. It is listed below.' : ''}
      </div>
      <div className="cp-alert" role="alert">
        {state.formError ?? ''}
      </div>
      <fieldset aria-describedby={verdictErrors ? 'review-verdict-error' : undefined}>
        <legend>Was the outcome right?</legend>
        {VERDICTS.map((v) => (
          <label key={v.value} className="cp-choice">
            <input type="radio" name="verdict" value={v.value} required defaultChecked={values.verdict === v.value} />
            <span>
              <strong>{v.label}</strong>
              <span className="cp-hint">{v.hint}</span>
            </span>
          </label>
        ))}
        <FieldError id="review-verdict-error" messages={verdictErrors} />
      </fieldset>
      <div className="cp-field">
        <label htmlFor="review-note">
          Note (optional)
          <span id="review-note-hint" className="cp-hint">
            What you would have done differently, for the protocol team. Up to {maxNoteLength} characters. Do not
            add the patient&apos;s name.
          </span>
        </label>
        <textarea
          id="review-note"
          name="note"
          defaultValue={values.note ?? ''}
          aria-invalid={noteErrors ? true : undefined}
          aria-describedby={describedBy('review-note-hint', noteErrors && 'review-note-error')}
        />
        <FieldError id="review-note-error" messages={noteErrors} />
      </div>
      <SubmitButton pendingLabel="Saving…">Save review</SubmitButton>
    </form>
  );
}
