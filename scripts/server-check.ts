// PGlite has no lock: a second process on the server's DATA_DIR corrupts it. Scripts that open the database ask the
// local server first and stop if one answers (with DATABASE_URL, PostgreSQL handles concurrency itself).

/** A message explaining why the script must not run now, or undefined when it may. */
export async function pgliteBusy(force: boolean): Promise<string | undefined> {
  if (force || process.env.DATABASE_URL?.trim()) return undefined;
  const port = process.env.PORT?.trim() || '3000';
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(1500) });
    await res.body?.cancel();
  } catch {
    return undefined;
  }
  return (
    `A server answers on port ${port}, and it may have the database in DATA_DIR open. Two processes on one PGlite ` +
    'directory corrupt it: stop the server first (or use DATABASE_URL with PostgreSQL). If that server uses another ' +
    'DATA_DIR, run again with --force.'
  );
}
