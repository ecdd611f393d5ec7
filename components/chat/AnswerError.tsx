export const ANSWER_ERROR_ID = 'answer-error';

/** The server's reason for refusing the last answer, tied to the controls with aria-describedby. */
export function AnswerError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p id={ANSWER_ERROR_ID} className="field-error">
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

/** Joins ids for aria-describedby, leaving out the ones that are not on the page. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => Boolean(id));
  return present.length > 0 ? present.join(' ') : undefined;
}
