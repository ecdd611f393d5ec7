import Link from 'next/link';
import type { ReactNode } from 'react';
import { currentClinician } from '@/lib/clinician/auth';
import { NavLinks, type NavItem } from '../_components/nav-links';
import { SubmitButton } from '../_components/submit-button';
import { logoutAction } from './actions';

const CLINICIAN_NAV: readonly NavItem[] = [
  { href: '/clinician', label: 'Queue' },
  { href: '/clinician/report', label: 'Protocol report' },
  { href: '/clinician/versions', label: 'Protocol versions', prefetch: false },
];

const ADMIN_NAV: readonly NavItem[] = [
  { href: '/clinician/accounts', label: 'Accounts' },
  { href: '/clinician/audit', label: 'Audit log' },
];

/**
 * The portal's frame. It only decides what the header shows; every page checks the session itself, because a layout
 * is not re-run on every navigation and must never be the only guard.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const clinician = await currentClinician();
  const items = clinician?.role === 'admin' ? [...CLINICIAN_NAV, ...ADMIN_NAV] : CLINICIAN_NAV;
  return (
    <>
      <a className="cp-skip" href="#main">
        Skip to main content
      </a>
      <header className="cp-header">
        <div className="cp-header-inner">
          <Link className="cp-brand" href="/clinician">
            Knotwise<span>clinician portal</span>
          </Link>
          {clinician ? <NavLinks items={items} /> : null}
          {clinician ? (
            <div className="cp-account">
              <span>
                Signed in as <strong>{clinician.name}</strong>
                {clinician.role === 'admin' ? ' (administrator)' : ''}
              </span>
              <form action={logoutAction}>
                <SubmitButton className="cp-button-secondary" pendingLabel="Signing out…">
                  Sign out
                </SubmitButton>
              </form>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" className="cp-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
