/** Jump links for a long page: on a tablet the sections stack and the review form is far below the conversation. */
export function OnThisPage({ links }: { links: readonly { href: `#${string}`; label: string }[] }) {
  return (
    <nav aria-label="On this page" className="cp-no-print">
      <ul className="cp-on-this-page">
        {links.map((link) => (
          <li key={link.href}>
            <a className="cp-cell-link" href={link.href}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
