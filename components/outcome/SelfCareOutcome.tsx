import { DISPOSITION_TITLE } from '@/lib/protocol/labels';
import { Heading, type HeadingLevel } from '../Heading';
import { Advice } from './Advice';

export function SelfCareOutcome({ advice, level }: { advice: readonly string[]; level: HeadingLevel }) {
  return (
    <div className="self-care-banner">
      <Heading level={level} id="outcome-title" tabIndex={-1} data-focus-target>
        {DISPOSITION_TITLE.self_care}
      </Heading>
      <Advice lines={advice} />
    </div>
  );
}
