import type { ReactNode } from 'react';

/** A bare frame for printing: no navigation or forms, just the record. */
export default function PrintLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="cp-main">
      {children}
    </main>
  );
}
