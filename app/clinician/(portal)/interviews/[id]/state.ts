export type ReviewField = 'verdict' | 'note';

export interface ReviewState {
  fieldErrors?: Partial<Record<ReviewField, string[]>>;
  /** A problem with the interview rather than the form (deleted, not finished). */
  formError?: string;
  saved?: boolean;
  values?: { verdict?: string; note?: string };
}
