'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
  /** False for a page whose viewing is audited: a prefetch is not a view. */
  prefetch?: false;
}

function isCurrent(pathname: string, href: string): boolean {
  // The queue is the portal's root, so it is current on its own page and on an interview opened from it.
  if (href === '/clinician') return pathname === href || pathname.startsWith('/clinician/interviews');
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="cp-nav" aria-label="Portal">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} prefetch={item.prefetch} aria-current={isCurrent(pathname, item.href) ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
