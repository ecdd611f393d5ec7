import http from 'node:http';
import zlib from 'node:zlib';

/**
 * A small HTTP client on node:http. fetch (undici) would do for most calls, but the load and fuzz tests need raw
 * control: arbitrary methods and bytes, one keep-alive pool per simulated crowd, and no retries or redirects behind
 * our back. Every request goes to the loopback interface only.
 */

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Raw Set-Cookie lines, as sent. */
  setCookie: string[];
  text: string;
}

export interface HttpRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** A request that takes longer than this fails instead of hanging the suite. */
  timeoutMs?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function assertLoopback(base: string): URL {
  const url = new URL(base);
  if (!LOOPBACK.has(url.hostname.replace(/^\[|\]$/g, ''))) {
    throw new Error(`The reliability suite only talks to loopback, not to ${url.hostname}.`);
  }
  return url;
}

export function keepAliveAgent(maxSockets = 128): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

/**
 * Opens `count` keep-alive connections on `agent` while the server is still idle. A saturated server on PGlite
 * accepts about one new connection per event-loop iteration (seen with strace), and an iteration then takes a few
 * hundred milliseconds because the database runs on the main thread: a hundred connections opened into an already
 * busy server wait tens of seconds before their first request is read. That is connection set-up, not what the load
 * tests are about, so the crowd starts on open connections (the server keeps them for 65 s of idleness).
 */
export async function warmUp(base: string, agent: http.Agent, count: number): Promise<void> {
  const answers = await Promise.all(Array.from({ length: count }, () => send(base, { path: '/api/v1/health' }, agent)));
  const bad = answers.find((r) => r.status !== 200);
  if (bad) throw new Error(`Warming up connections: /api/v1/health answered HTTP ${bad.status}.`);
}

/** A network failure (refused, reset, timed out): no HTTP answer at all, so the server's outcome is unknown. */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** A client that asked for compression (the fuzz does) gets it; what the tests read is the decoded body. */
function decompress(body: Buffer, encoding: string | undefined): Buffer {
  if (body.byteLength === 0) return body;
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
      return zlib.gunzipSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    default:
      return body;
  }
}

export function send(base: string, req: HttpRequest, agent?: http.Agent): Promise<HttpResponse> {
  const url = assertLoopback(base);
  const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body) : Buffer.from(req.body);
  const headers: Record<string, string> = { ...req.headers };
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(body.byteLength);
  }
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method ?? 'GET',
        path: req.path,
        headers,
        agent: agent ?? false,
        timeout: req.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error: NodeJS.ErrnoException) => reject(new NetworkError(error.message, error.code)));
        res.on('end', () => {
          const setCookie = res.headers['set-cookie'] ?? [];
          let raw: Buffer = Buffer.concat(chunks);
          try {
            raw = decompress(raw, res.headers['content-encoding']);
          } catch (error) {
            reject(new Error(`${req.method ?? 'GET'} ${req.path}: a ${res.headers['content-encoding']} body that does not decompress: ${(error as Error).message}`));
            return;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, setCookie, text: raw.toString('utf8') });
        });
      },
    );
    request.on('timeout', () => {
      const how = request.reusedSocket ? 'on a reused keep-alive connection' : 'on a new connection';
      request.destroy(Object.assign(new Error(`no answer within ${req.timeoutMs ?? 30_000} ms ${how}`), { code: 'ETIMEDOUT' }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => reject(new NetworkError(`${req.method ?? 'GET'} ${req.path}: ${error.message}`, error.code)));
    request.end(body);
  });
}

export function parseJson(res: HttpResponse): unknown {
  try {
    return JSON.parse(res.text) as unknown;
  } catch {
    return undefined;
  }
}

/** A JSON API call; the body is serialised unless it is already a string. */
export function api(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  agent?: http.Agent,
) {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  return send(base, { method, path, headers, body }, agent);
}

export interface Cookie {
  name: string;
  value: string;
  /** Attribute names in lower case, mapped to their value ('' for flags such as HttpOnly). */
  attributes: Map<string, string>;
}

export function parseSetCookie(line: string): Cookie {
  const [pair = '', ...attrs] = line.split(';');
  const eq = pair.indexOf('=');
  const attributes = new Map<string, string>();
  for (const attr of attrs) {
    const i = attr.indexOf('=');
    const key = (i < 0 ? attr : attr.slice(0, i)).trim().toLowerCase();
    if (key) attributes.set(key, i < 0 ? '' : attr.slice(i + 1).trim());
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}
