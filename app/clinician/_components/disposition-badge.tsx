import { dispositionName } from '../_lib/format';

/** Colour is decoration only: the badge always carries the disposition in words. */
export function DispositionBadge({ disposition }: { disposition: string | null | undefined }) {
  return <span className={`cp-badge cp-badge-${disposition ?? 'none'}`}>{dispositionName(disposition)}</span>;
}
