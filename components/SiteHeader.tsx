import Link from 'next/link';
import { EmergencyCall } from './EmergencyCall';

export function SiteHeader({ emergencyNumber }: { emergencyNumber: string }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Knotwise
        </Link>
        <p className="header-emergency">
          Emergency? <EmergencyCall number={emergencyNumber} className="header-call" />
        </p>
      </div>
    </header>
  );
}
