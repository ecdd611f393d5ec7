import { formatDateTime, isoString } from '../_lib/format';

export function Time({ value, precise = false }: { value: Date | string; precise?: boolean }) {
  return <time dateTime={isoString(value)}>{formatDateTime(value, precise)}</time>;
}
