import { VERSION_IDS } from '@/lib/protocol/versions';

/** The protocol-version field of a portal filter form. `anyLabel` offers "any version" (the queue); without it one is chosen. */
export function VersionSelect({ value, anyLabel, errorId }: { value?: string; anyLabel?: string; errorId?: string }) {
  return (
    <div className="cp-field">
      <label htmlFor="version">Protocol version</label>
      <select id="version" name="version" defaultValue={value ?? ''} aria-describedby={errorId}>
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {VERSION_IDS.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}
