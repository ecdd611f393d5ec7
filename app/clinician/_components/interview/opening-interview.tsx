'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * The stand-in a prefetch gets (load-interview.ts). It is never meant to be seen; if a browser does show it (a link
 * that prefetched after all, a prerendered page the person then opens), it asks for the page again as a real view,
 * once the page is actually on screen.
 */
export function OpeningInterview({ href, what = 'the interview' }: { href: string; what?: string }) {
  const router = useRouter();
  useEffect(() => {
    const doc = document as Document & { prerendering?: boolean };
    if (!doc.prerendering) {
      router.refresh();
      return;
    }
    const open = () => router.refresh();
    doc.addEventListener('prerenderingchange', open, { once: true });
    return () => doc.removeEventListener('prerenderingchange', open);
  }, [router]);
  return (
    <p className="cp-empty" role="status">
      Opening {what}… <a href={href}>Open it now</a>
    </p>
  );
}
