import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStatus } from '../../../scripts/production-build.mjs';
import { databaseEnv, type DbTarget } from './database';
import { send } from './http';

/**
 * Production servers as child processes: `node scripts/start.mjs`, exactly what `npm start` runs. Each is started in
 * a process group of its own, so stopping it also ends anything it spawned (start.mjs builds when the build is not of
 * the current source), and every server this file starts is killed when the test file ends, whatever happened.
 */

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const HOST = '127.0.0.1';
const PORT_MIN = 3400;
const PORT_MAX = 3499;
const BUILD_TIMEOUT_MS = 15 * 60_000;
const START_TIMEOUT_MS = 120_000;
const LOG_LIMIT = 64 * 1024;

const live = new Set<ChildProcess>();

/** Signals the child's whole process group, which outlives the child while anything it spawned still runs. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

// If the worker dies without running afterAll (a crash, a hard timeout), no server may outlive it.
process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitFor(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = await Promise.race([promise.then(() => true as const), timeout]);
  clearTimeout(timer);
  return done;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}

const claimed = new Set<number>();

/** A free port in 3400-3499 not handed out before in this process. */
export async function freePort(): Promise<number> {
  const span = PORT_MAX - PORT_MIN + 1;
  const start = process.pid % span;
  for (let i = 0; i < span; i++) {
    const port = PORT_MIN + ((start + i) % span);
    if (claimed.has(port)) continue;
    if (await portFree(port)) {
      claimed.add(port);
      return port;
    }
  }
  throw new Error(`No free port in ${PORT_MIN}-${PORT_MAX} for a test server.`);
}

async function assertPortReleased(port: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (await portFree(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Port ${port} is still in use after its server was stopped.`);
}

/** Runs a command in its own process group; kills the group if it outlives `timeoutMs`. */
export async function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs: number; label: string },
): Promise<string> {
  const child = spawn(command, args, { cwd: REPO, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-LOG_LIMIT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const finished = await waitFor(exited(child), options.timeoutMs);
  if (!finished) {
    killGroup(child, 'SIGKILL');
    await exited(child);
  }
  live.delete(child);
  if (!finished) throw new Error(`${options.label} did not finish within ${options.timeoutMs / 1000} s:\n${output}`);
  if (child.exitCode !== 0) throw new Error(`${options.label} failed (exit ${child.exitCode ?? child.signalCode}):\n${output}`);
  return output;
}

/**
 * The suite tests a production build of the current source: when `.next` holds none (missing, or made from other
 * sources: scripts/production-build.mjs compares a hash of them), `npm run build` makes one first.
 */
export async function ensureBuild(): Promise<void> {
  if (buildStatus(REPO) === 'current') return;
  await run(process.execPath, [path.join('scripts', 'build.mjs')], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } as NodeJS.ProcessEnv,
    timeoutMs: BUILD_TIMEOUT_MS,
    label: 'npm run build',
  });
}

/** The environment of a Knotwise process: only what the test chooses, never the developer's DATABASE_URL by accident. */
function appEnv(target: DbTarget, extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...rest } = process.env;
  return { ...rest, NEXT_TELEMETRY_DISABLED: '1', ...databaseEnv(target), ...extra } as NodeJS.ProcessEnv;
}

/** `npm run clinician:add`, the operator's own command. Run it before the server opens a PGlite directory. */
export async function addClinician(target: DbTarget, account: { email: string; name: string; password: string; admin?: boolean }): Promise<void> {
  const args = ['run', '--silent', 'clinician:add', '--', '--email', account.email, '--name', account.name];
  if (account.admin) args.push('--admin');
  await run('npm', args, {
    // PORT points the script's "is a server using this directory?" probe at a port nothing listens on yet.
    env: appEnv(target, { CLINICIAN_PASSWORD: account.password, PORT: String(await freePort()) }),
    timeoutMs: 120_000,
    label: `clinician:add ${account.email}`,
  });
}

/**
 * For servers under a crowd. Every simulated patient calls from 127.0.0.1, and the in-memory per-address limit on
 * starting interviews (120 a minute by default) would turn most of the crowd away within seconds. The limiter is not
 * what these tests are about, and real patients each have their own address.
 */
export const CROWD_ENV = { RATE_LIMIT_PER_MINUTE: '1000000' };

export interface AppServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** The server's recent output, for failure messages. */
  log(): string;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process group is gone and the port is free. */
  stop(): Promise<void>;
  /** SIGKILL, no warning: a crash. */
  kill(): Promise<void>;
}

export interface StartOptions {
  target: DbTarget;
  port?: number;
  env?: Record<string, string>;
}

export async function startServer(options: StartOptions): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: REPO,
    env: appEnv(options.target, { PORT: String(port), HOST, ...options.env }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-LOG_LIMIT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://${HOST}:${port}`;

  const end = async (signal: NodeJS.Signals) => {
    killGroup(child, signal);
    if (signal !== 'SIGKILL' && !(await waitFor(exited(child), 10_000))) killGroup(child, 'SIGKILL');
    await exited(child);
    // The leader is gone; make sure nothing else in its group (a build) lingers.
    killGroup(child, 'SIGKILL');
    live.delete(child);
    await assertPortReleased(port);
  };
  const server: AppServer = {
    url,
    port,
    pid: child.pid ?? -1,
    log: () => output,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      killGroup(child, 'SIGKILL');
      live.delete(child);
      throw new Error(`The server on port ${port} exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output}`);
    }
    try {
      const res = await send(url, { path: '/api/v1/health', timeoutMs: 5000 });
      // Our own process must say it is listening: a healthy answer alone could come from another server that took
      // the port between the probe and the start.
      if (res.status === 200 && output.includes('is ready on')) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`The server on port ${port} was not healthy within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every server and command still running from this file, killed. For afterAll. */
export async function stopEverything(): Promise<void> {
  const children = [...live];
  for (const child of children) killGroup(child, 'SIGKILL');
  await Promise.all(children.map(exited));
  live.clear();
}
