/** The from/to day fields shared by the queue, report and audit filters; errors are tied to them by `errorId`. */
export function DateRangeFields({
  values,
  errorId,
  fromLabel,
  toLabel,
}: {
  values: { from?: string; to?: string };
  errorId: string | undefined;
  fromLabel: string;
  toLabel: string;
}) {
  return (
    <>
      <div className="cp-field">
        <label htmlFor="from">{fromLabel}</label>
        <input id="from" name="from" type="date" defaultValue={values.from ?? ''} aria-describedby={errorId} />
      </div>
      <div className="cp-field">
        <label htmlFor="to">{toLabel}</label>
        <input id="to" name="to" type="date" defaultValue={values.to ?? ''} aria-describedby={errorId} />
      </div>
    </>
  );
}
