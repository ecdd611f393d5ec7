import Link from 'next/link';
import { StartForm } from '../StartForm';

export function OutcomeActions() {
  return (
    <div className="outcome-actions no-print">
      <Link href="/chat/summary" className="button secondary">
        Print or save a summary
      </Link>
      <StartForm label="Start again" quiet />
    </div>
  );
}
