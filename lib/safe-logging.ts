/**
 * Database errors carry the values a query was run with: drizzle puts the statement's parameters in its message
 * ("Failed query: … params: …") and in a `params` property, PGlite and node-postgres add the statement, its
 * parameters and the database's own words, which quote the offending value ("invalid input syntax …: "x"",
 * "Key (email)=(…) already exists"). Those values are patients' answers, emails and whatever a caller sent, so none
 * of it may reach a log. What is safe to log is the SQLSTATE code, the constraint, table and column names, and the
 * statement's text (it holds placeholders, not values).
 */

const SQLSTATE = /^[0-9A-Z]{5}$/;
const SAFE_NAME = /^[A-Za-z0-9_.]{1,128}$/;
const MARK = Symbol.for('knotwise.safe-logging');

interface DatabaseFailure {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  query?: string;
}

type Fields = Record<string, unknown>;

const safeName = (value: unknown) => (typeof value === 'string' && SAFE_NAME.test(value) ? value : undefined);

/** What can be said safely about a database error anywhere in `error`'s cause chain; undefined when there is none. */
export function databaseFailure(error: unknown): DatabaseFailure | undefined {
  let found: DatabaseFailure | undefined;
  const seen = new Set<unknown>();
  for (let e = error; e !== null && typeof e === 'object' && !seen.has(e); e = (e as Fields).cause) {
    seen.add(e);
    const f = e as Fields;
    // drizzle's DrizzleQueryError, or a driver error with the statement attached (PGlite does that).
    const isQuery = typeof f.query === 'string' && 'params' in f;
    const isDriver = typeof f.code === 'string' && SQLSTATE.test(f.code) && typeof f.severity === 'string';
    if (!isQuery && !isDriver) continue;
    found ??= {};
    if (isQuery) found.query ??= f.query as string;
    if (isDriver) {
      found.code ??= f.code as string;
      found.constraint ??= safeName(f.constraint);
      found.table ??= safeName(f.table);
      found.column ??= safeName(f.column);
    }
  }
  return found;
}

/** One line for a log: the error's message, or for a database error only what databaseFailure keeps. */
export function safeErrorText(error: unknown): string {
  const failure = databaseFailure(error);
  if (!failure) return error instanceof Error ? error.message : String(error);
  const names = [
    failure.constraint && `constraint ${failure.constraint}`,
    failure.table && `table ${failure.table}`,
    failure.column && `column ${failure.column}`,
  ].filter(Boolean);
  return [
    `Database query failed: SQLSTATE ${failure.code ?? 'unknown'}${names.length ? ` (${names.join(', ')})` : ''}.`,
    'Parameters and values are not logged.',
    failure.query ? `Statement: ${failure.query}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The error as a log may show it: a database error becomes a new Error with the safe text and the original stack frames. */
export function redactForLog(value: unknown): unknown {
  if (!databaseFailure(value)) return value;
  const safe = new Error(safeErrorText(value));
  safe.name = 'DatabaseError';
  const frames = (value instanceof Error ? (value.stack ?? '') : '').split('\n').filter((line) => /^\s+at /.test(line));
  safe.stack = [`${safe.name}: ${safe.message}`, ...frames].join('\n');
  return safe;
}

/**
 * Every console.error and console.warn of this process goes through redactForLog. Next logs a request's unhandled
 * error itself, with console.error, so this is the one place that sees them all. Installed once per console (a
 * second call, or Next's hot reload, finds the mark and leaves it).
 */
export function installSafeLogging(): void {
  for (const level of ['error', 'warn'] as const) {
    const current = console[level] as typeof console.error & { [MARK]?: true };
    if (current[MARK]) continue;
    const wrapped = Object.assign((...args: unknown[]) => current.apply(console, args.map(redactForLog)), { [MARK]: true as const });
    console[level] = wrapped;
  }
}
