// Whether `.next` holds a production build of the current source, and making one that does. `npm start`, the e2e web
// server and the reliability suite all build through here, so none of them serves or tests a build of older code.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What `next build` reads that can change what it builds: the app's code and assets, the configuration files Next
 * looks for (those not in use count as soon as someone adds one), and the dependencies as installed. Not tests, docs or
 * data: they never reach the build.
 */
export const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'machines',
  'db',
  'public',
  'proxy.ts',
  'middleware.ts',
  'instrumentation.ts',
  'next.config.js',
  'next.config.mjs',
  'next.config.ts',
  'postcss.config.js',
  'postcss.config.mjs',
  '.babelrc',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
];

/** Test files live beside the code in lib/, but nothing imports them into the app. */
const NOT_BUILT = /\.test\.[cm]?[jt]sx?$/;

/** Where the hash of the sources a build was made from is kept, beside the build itself. */
export const HASH_FILE = path.join('.next', 'knotwise-source-hash');

/** @param {string} root @param {string} relative @returns {string[]} */
function filesUnder(root, relative) {
  const absolute = path.join(root, relative);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return NOT_BUILT.test(relative) ? [] : [relative];
  return readdirSync(absolute)
    .filter((name) => name !== 'node_modules')
    .sort()
    .flatMap((name) => filesUnder(root, path.posix.join(relative, name)));
}

/**
 * A SHA-256 over the path and content of every build input under `root`: any edit, added, removed or renamed file
 * changes it; a touched but unchanged file does not (timestamps say nothing after a checkout).
 * @param {string} root
 * @returns {string}
 */
export function sourceHash(root) {
  const hash = createHash('sha256');
  for (const file of BUILD_INPUTS.flatMap((input) => filesUnder(root, input))) {
    const content = createHash('sha256').update(readFileSync(path.join(root, file))).digest('hex');
    hash.update(`${file}\0${content}\n`);
  }
  return hash.digest('hex');
}

/**
 * 'current' when `.next` holds a build made from exactly the sources now in `root`; 'stale' when the sources changed
 * since (or the build was made without recording them); 'missing' when there is no build.
 * @param {string} root
 * @returns {'missing' | 'stale' | 'current'}
 */
export function buildStatus(root) {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) return 'missing';
  const file = path.join(root, HASH_FILE);
  const recorded = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return recorded === sourceHash(root) ? 'current' : 'stale';
}

/**
 * Records that the build in `.next` was made from the sources with this hash.
 * @param {string} root
 * @param {string} hash
 */
export function recordBuild(root, hash) {
  writeFileSync(path.join(root, HASH_FILE), `${hash}\n`);
}

/**
 * Runs `next build` in `root` and records the hash of the sources it started from (an edit during the build then
 * shows as stale). Returns the exit status.
 * @param {string} root
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {number}
 */
export function buildProduction(root, env = process.env) {
  const hash = sourceHash(root);
  // A build that fails half-way must not pass for the old, current one.
  rmSync(path.join(root, HASH_FILE), { force: true });
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: env.NEXT_TELEMETRY_DISABLED ?? '1' },
  });
  if (build.status !== 0) return build.status ?? 1;
  recordBuild(root, hash);
  return 0;
}

/**
 * Builds unless `.next` already holds a build of the current source. Returns the exit status (0 when nothing was to do).
 * @param {string} root
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {number}
 */
export function ensureProductionBuild(root, env = process.env) {
  const status = buildStatus(root);
  if (status === 'current') return 0;
  console.log(
    status === 'missing'
      ? 'No production build found: building Knotwise first (this takes a minute or two).'
      : 'The production build is not of the current source: building Knotwise again (this takes a minute or two).',
  );
  return buildProduction(root, env);
}
