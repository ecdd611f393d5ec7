import 'server-only';
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The embedded database's directory holds patient answers, clinician password hashes and the write-ahead log with
 * both. PGlite writes the files of a new database with mode 666, so Knotwise makes the directory and everything in
 * it its own: directories 700, files 600. (POSIX only: Windows has no such modes.)
 */
const POSIX = process.platform !== 'win32';

function refuse(dir: string, why: string): never {
  throw new Error(
    `Knotwise cannot start: the data directory ${dir} ${why}. It holds patient answers and password hashes, so ` +
      `only the user running Knotwise may change it. Make it theirs alone (chown, then chmod 700 ${dir}) after ` +
      'checking that nobody else changed anything in it, or set DATA_DIR to a new directory.',
  );
}

/**
 * Before the database opens: a directory that others can write is refused (anyone could have swapped its files),
 * and a new one is created for this user alone. From here on this process creates files for its user alone.
 */
export function claimDataDir(dir: string): void {
  // PGlite creates a file and then sets the mode PostgreSQL asked for (600): for that moment the file has the
  // process's default mode. With this mask nothing this process creates is ever open to others, even briefly.
  if (POSIX) process.umask(0o077);
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return;
  }
  if (!stat.isDirectory()) refuse(dir, 'is not a directory');
  if (!POSIX) return;
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) refuse(dir, `belongs to another user (uid ${stat.uid}, not ${uid})`);
  if ((stat.mode & 0o022) !== 0) refuse(dir, `can be written by other users (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')})`);
}

/** After the database opened: every directory 700 and every file 600, including those PGlite has just written. */
export function keepPrivate(dir: string): void {
  if (!POSIX) return;
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) keepPrivate(full);
    else if (entry.isFile()) chmodSync(full, 0o600);
  }
}
