'use client';

import { useEffect } from 'react';

/**
 * Moves keyboard and screen-reader focus to the element marked `data-focus-target` (the new question's first control,
 * or an outcome's heading) whenever `token` changes, so nobody has to hunt for the next question after answering.
 */
export function FocusOnChange({ token }: { token: string }) {
  useEffect(() => {
    document.querySelector<HTMLElement>('[data-focus-target]')?.focus();
  }, [token]);
  return null;
}
