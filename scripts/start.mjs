// `npm start`: build when there is no production build of the current source (a fresh clone, a `git pull`), then serve
// Knotwise.
// A plain Node server in front of Next stamps the socket's address on each request, because route handlers cannot
// see the socket and the rate limiter needs to know who is calling.
import http from 'node:http';
import process from 'node:process';
import REQUEST_LIMITS from '../lib/request-limits.json' with { type: 'json' };
import SECURITY_HEADERS from '../lib/security-headers.json' with { type: 'json' };
import { ensureProductionBuild } from './production-build.mjs';

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
process.env.NODE_ENV = 'production';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`Knotwise cannot start: PORT must be a whole number from 1 to 65535 (got "${process.env.PORT}").`);
  process.exit(1);
}
// Loopback unless told otherwise: a reverse proxy on the same host reaches it, nobody else does (decision 0034).
// Containers and hosts without a local proxy set HOST=0.0.0.0 (or ::).
const hostname = process.env.HOST?.trim() || '127.0.0.1';

const built = ensureProductionBuild(process.cwd());
if (built !== 0) process.exit(built);

const { default: next } = await import('next');
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * Answers a request that must not reach Next, with the headers every response carries: a JSON error under /api/
 * (docs/api.md), plain text elsewhere. The connection is closed, since a request body may be left unread.
 */
function refuse(req, res, status, code, message, headers = {}) {
  const api = req.url.startsWith('/api/');
  res.writeHead(status, {
    ...SECURITY_HEADERS.common,
    'Content-Security-Policy': SECURITY_HEADERS.apiCsp,
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'close',
    ...headers,
  });
  res.end(api ? JSON.stringify({ error: { code, message } }) : message);
}

/** Next fails with a bare 500, before proxy.ts has added any header, on a path it cannot percent-decode. */
function hasMalformedPath(url) {
  try {
    decodeURIComponent(url.split('?', 1)[0]);
    return false;
  } catch {
    return true;
  }
}

// Next answers TRACE (and methods it does not know) with a bare 500.
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Bodies are small JSON or form posts. With proxy.ts in place Next reads a body, up to 10 MB, before a route handler
 * can check its size, so the limit is applied here, before anything is read: a declared length over the limit is
 * refused at once, and a body without a declared length (chunked) is refused rather than read to find out its size.
 */
function bodyRefusal(req) {
  const limit = req.url.startsWith('/api/') ? REQUEST_LIMITS.apiBodyBytes : REQUEST_LIMITS.formBodyBytes;
  const size = `${limit / 1024} KiB`;
  if (req.headers['transfer-encoding'] !== undefined) {
    return [411, 'length_required', `Send the request body with a Content-Length header (at most ${size}); chunked bodies are not accepted.`];
  }
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    return [413, 'too_large', `The request body is larger than ${size}. Send a smaller body.`];
  }
  return undefined;
}

function serve(req, res) {
  if (hasMalformedPath(req.url ?? '/')) {
    return refuse(req, res, 400, 'bad_path', 'This address has a broken percent-escape: each % must start a valid UTF-8 sequence such as %C3%A9. Check the link you followed.');
  }
  if (!METHODS.includes(req.method)) {
    return refuse(req, res, 405, 'method_not_allowed', `Knotwise does not answer ${req.method} requests.`, { Allow: METHODS.join(', ') });
  }
  const tooBig = bodyRefusal(req);
  if (tooBig) return refuse(req, res, ...tooBig);
  req.headers['x-knotwise-client-ip'] = req.socket.remoteAddress ?? 'unknown';
  handle(req, res);
}

const server = http.createServer(serve);
// A client that waits for "100 Continue" before sending a body gets the refusal instead, and sends nothing.
server.on('checkContinue', (req, res) => {
  if (!bodyRefusal(req)) res.writeContinue();
  serve(req, res);
});
// Longer than clients' idle keep-alive, so a client never reuses a socket the server is closing at that moment
// (Node's 5-second default makes such requests fail with ECONNRESET).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on('error', (error) => {
  console.error(`Knotwise cannot listen on ${hostname}, port ${port}: ${error.message}. Check HOST and PORT.`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const where = ['127.0.0.1', '::1', '0.0.0.0', '::'].includes(hostname) ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
  console.log(`Knotwise is ready on http://${where}:${port}${hostname === '0.0.0.0' || hostname === '::' ? ' (listening on every interface)' : ''}`);
});

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close();
    // lib/server-start.ts clears waiting deletions out of the database files and closes the database. If that takes
    // too long the process exits anyway: the next start finishes the clearing.
    setTimeout(() => process.exit(0), 30_000).unref();
    Promise.resolve(globalThis.__knotwiseShutdown?.())
      .catch((error) => console.error('Shutting down:', error instanceof Error ? error.message : error))
      .finally(() => process.exit(0));
  });
}
