import Link from 'next/link';

/**
 * Keyset pages only go forward, so the way back is to the first page. The links keep every filter in the URL, which
 * makes any page bookmarkable and shareable within the team.
 */
export function Pagination({
  label,
  firstHref,
  nextHref,
}: {
  label: string;
  /** Present when the current page is not the first. */
  firstHref?: string;
  nextHref?: string;
}) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav className="cp-pagination" aria-label={label}>
      {firstHref ? (
        <Link className="cp-button cp-button-secondary" href={firstHref}>
          First page
        </Link>
      ) : null}
      {nextHref ? (
        <Link className="cp-button cp-button-secondary" href={nextHref}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
