import Link from 'next/link';
import type { ReactNode } from 'react';
import { interviewLinks } from '../_lib/links';

/**
 * A link to an interview's page. Opening that page is audited as a view, so the link is never prefetched: hovering a
 * queue of them must not fetch (or record) anything (decision 0021). The page itself also shows a prefetch nothing.
 */
export function InterviewLink({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  return (
    <Link className={className} href={interviewLinks(id).page} prefetch={false}>
      {children}
    </Link>
  );
}
