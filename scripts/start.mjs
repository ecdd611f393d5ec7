// `npm start`: build when there is no production build of the current source (a fresh clone, a `git pull`), then serve
// Knotwise.
// A plain Node server in front of Next stamps the socket's address on each request, because route handlers cannot
// see the socket and the rate limiter needs to know who is calling.
import http from 'node:http';
import process from 'node:process';
import SECURITY_HEADERS from '../lib/security-headers.json' with { type: 'json' };
import { ensureProductionBuild } from './production-build.mjs';

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
process.env.NODE_ENV = 'production';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`Knotwise cannot start: PORT must be a whole number from 1 to 65535 (got "${process.env.PORT}").`);
  process.exit(1);
}
const hostname = process.env.HOST ?? '0.0.0.0';

const built = ensureProductionBuild(process.cwd());
if (built !== 0) process.exit(built);

const { default: next } = await import('next');
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** Next fails with a bare 500, before proxy.ts has added any header, on a path it cannot percent-decode. */
function hasMalformedPath(url) {
  try {
    decodeURIComponent(url.split('?', 1)[0]);
    return false;
  } catch {
    return true;
  }
}

function refuseMalformedPath(req, res) {
  const message =
    'This address has a broken percent-escape: each % must start a valid UTF-8 sequence such as %C3%A9. Check the link you followed.';
  const api = req.url.startsWith('/api/');
  res.writeHead(400, {
    ...SECURITY_HEADERS.common,
    'Content-Security-Policy': SECURITY_HEADERS.apiCsp,
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(api ? JSON.stringify({ error: { code: 'bad_path', message } }) : message);
}

const server = http.createServer((req, res) => {
  if (hasMalformedPath(req.url ?? '/')) return refuseMalformedPath(req, res);
  req.headers['x-knotwise-client-ip'] = req.socket.remoteAddress ?? 'unknown';
  handle(req, res);
});
// Longer than clients' idle keep-alive, so a client never reuses a socket the server is closing at that moment
// (Node's 5-second default makes such requests fail with ECONNRESET).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`Knotwise is ready on http://localhost:${port}`);
});

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    // Open keep-alive connections must not hold the process: the database is closed by instrumentation's hook.
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
