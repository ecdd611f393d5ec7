/** The from/to day fields shared by the queue, report, audit and versions filters; errors are tied to them by `errorId`. */
export function DateRangeFields({
  values,
  errorId,
  fromLabel,
  toLabel,
  names = { from: 'from', to: 'to' },
}: {
  values: Record<string, string | undefined>;
  errorId: string | undefined;
  fromLabel: string;
  toLabel: string;
  /** The query names, where `from` and `to` mean something else on the page (the versions page compares versions). */
  names?: { from: string; to: string };
}) {
  return (
    <>
      <div className="cp-field">
        <label htmlFor={names.from}>{fromLabel}</label>
        <input id={names.from} name={names.from} type="date" defaultValue={values[names.from] ?? ''} aria-describedby={errorId} />
      </div>
      <div className="cp-field">
        <label htmlFor={names.to}>{toLabel}</label>
        <input id={names.to} name={names.to} type="date" defaultValue={values[names.to] ?? ''} aria-describedby={errorId} />
      </div>
    </>
  );
}
