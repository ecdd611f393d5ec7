/** The element a field's aria-describedby points at; rendered only when there is something to say. */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <span id={id} className="cp-error">
      {messages.join(' ')}
    </span>
  );
}

/** Joins the ids of a field's hint and error, skipping the ones not on the page. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
