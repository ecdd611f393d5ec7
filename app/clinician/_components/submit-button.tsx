'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** Blocks a double submit while the server action runs; the label says what is happening. */
export function SubmitButton({
  children,
  pendingLabel,
  className,
}: {
  children: ReactNode;
  pendingLabel: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
