import { DISPOSITION_ADVICE, DISPOSITION_TITLE } from '@/lib/protocol/advice';
import { Heading, type HeadingLevel } from '../Heading';
import { Advice } from './Advice';

export function SelfCareOutcome({ level }: { level: HeadingLevel }) {
  return (
    <div className="self-care-banner">
      <Heading level={level} id="outcome-title" tabIndex={-1} data-focus-target>
        {DISPOSITION_TITLE.self_care}
      </Heading>
      <Advice lines={DISPOSITION_ADVICE.self_care} />
    </div>
  );
}
