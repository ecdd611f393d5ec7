import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './clinician.css';

export const metadata: Metadata = {
  title: { default: 'Clinician portal | Knotwise', template: '%s | Knotwise clinician portal' },
  // Patient records: nothing here belongs in a search index.
  robots: { index: false, follow: false },
};

export default function ClinicianLayout({ children }: { children: ReactNode }) {
  return <div className="cp">{children}</div>;
}
