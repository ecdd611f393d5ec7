import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

export const metadata: Metadata = { title: 'Page not found' };

/**
 * Rendered per request, never prerendered: a static page carries no CSP nonce, so its scripts would be blocked
 * (docs/decisions/0006-csp-nonce.md). It also replaces Next's built-in 404, whose inline <style> has no nonce.
 */
export default async function NotFound() {
  await connection();
  return (
    <main id="main" className="page">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have been mistyped, or the page may have moved.</p>
      <p>
        <Link href="/">Go to the Knotwise start page</Link>
      </p>
    </main>
  );
}
