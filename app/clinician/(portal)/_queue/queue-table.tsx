import type { QueueItem } from '@/lib/clinician/queue';
import { DispositionBadge } from '../../_components/disposition-badge';
import { InterviewLink } from '../../_components/interview-link';
import { Time } from '../../_components/time';
import { ruleName, statusName, verdictName } from '../../_lib/format';

function ReviewCell({ item }: { item: QueueItem }) {
  if (item.reviewCount === 0) return <span className="cp-status-unreviewed">Not reviewed</span>;
  return (
    <span className="cp-status-reviewed">
      Reviewed{item.reviewCount > 1 ? ` (${item.reviewCount})` : ''}
      {item.lastVerdict ? <span className="cp-hint">Latest: {verdictName(item.lastVerdict)}</span> : null}
    </span>
  );
}

function OutcomeCell({ item }: { item: QueueItem }) {
  if (item.disposition) return <DispositionBadge disposition={item.disposition} />;
  return <span className="cp-badge cp-badge-none">{statusName(item.status)}</span>;
}

export function QueueTable({ items, caption }: { items: readonly QueueItem[]; caption: string }) {
  return (
    <div className="cp-table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Patient code</th>
            <th scope="col">Outcome</th>
            <th scope="col">Rules that fired</th>
            <th scope="col">Protocol</th>
            <th scope="col">Started</th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <InterviewLink id={item.id} className="cp-cell-link cp-code">
                  {item.code}
                </InterviewLink>
              </th>
              <td>
                <OutcomeCell item={item} />
              </td>
              <td>{item.rules.length > 0 ? item.rules.map(ruleName).join(', ') : '—'}</td>
              <td>
                <code>{item.protocolVersion}</code>
              </td>
              <td>
                <Time value={item.createdAt} />
              </td>
              <td>
                <ReviewCell item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
