import type { InterviewDetail } from '@/lib/clinician/detail';
import { gateName, statusName } from '../../_lib/format';
import { DispositionBadge } from '../disposition-badge';
import { Time } from '../time';

/** The interview at a glance: who (by code), when, which protocol, and where it ended. */
export function InterviewFacts({ detail }: { detail: InterviewDetail }) {
  const { session } = detail;
  return (
    <dl className="cp-facts">
      <dt>Patient code</dt>
      <dd>
        <code>{session.code}</code>
      </dd>
      <dt>Status</dt>
      <dd>{statusName(session.status)}</dd>
      <dt>Outcome</dt>
      <dd>{session.disposition ? <DispositionBadge disposition={session.disposition} /> : 'None yet'}</dd>
      <dt>Massage gate</dt>
      <dd>{session.gate ? gateName(session.gate) : 'None yet'}</dd>
      <dt>Protocol version</dt>
      <dd>
        <code>{detail.protocolVersion}</code>
      </dd>
      <dt>Started</dt>
      <dd>
        <Time value={session.createdAt} />
      </dd>
      <dt>Finished</dt>
      <dd>{session.completedAt ? <Time value={session.completedAt} /> : 'Not finished'}</dd>
    </dl>
  );
}
