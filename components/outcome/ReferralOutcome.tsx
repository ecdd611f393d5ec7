import { DISPOSITION_TITLE, REFERRAL_WHEN } from '@/lib/protocol/labels';
import { Heading, type HeadingLevel } from '../Heading';
import { Advice } from './Advice';

/** A referral: how soon, and what to do meanwhile. */
export function ReferralOutcome({
  disposition,
  advice,
  level,
}: {
  disposition: 'consultation_24' | 'consultation';
  advice: readonly string[];
  level: HeadingLevel;
}) {
  return (
    <div className={`referral-banner referral-${disposition}`}>
      <Heading level={level} id="outcome-title" tabIndex={-1} data-focus-target>
        {DISPOSITION_TITLE[disposition]}
      </Heading>
      <dl className="how-soon">
        <dt>How soon</dt>
        <dd>{REFERRAL_WHEN[disposition]}</dd>
      </dl>
      <Advice lines={advice} />
    </div>
  );
}
