import type { ReactNode } from 'react';

/**
 * The box around a table that may be wider than a phone. When it scrolls sideways, keyboard users must be able to
 * scroll it too (WCAG 2.1.1): it takes focus, and is named by the table's caption.
 */
export function TableRegion({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div className="cp-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
