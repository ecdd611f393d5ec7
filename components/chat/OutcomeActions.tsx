import Link from 'next/link';
import { StartForm } from '../StartForm';
import { DeleteInterview } from './DeleteInterview';
import { FinishAndClear } from './FinishAndClear';

export function OutcomeActions() {
  return (
    <div className="outcome-actions no-print">
      <Link href="/chat/summary" className="button secondary">
        Print or save a summary
      </Link>
      <StartForm label="Start again" quiet />
      <FinishAndClear />
      <DeleteInterview />
    </div>
  );
}
