// A small closed-loop load generator: N clients on keep-alive connections, each sending its next request as soon
// as the last one answers, for a fixed time. Loopback only; bounded by time and by the callers' loops.
import http from 'node:http';

export interface Sample {
  status: number;
  ms: number;
}

export interface HttpClient {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
}

/** One keep-alive connection; while `samples` is set, each request's status and time are added to it. */
export interface LoadClient extends HttpClient {
  samples?: Sample[];
  close(): void;
}

export function httpClient(base: string): LoadClient {
  const url = new URL(base);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error('Load is only ever sent to loopback.');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const client: LoadClient = {
    request(method, path, body, headers = {}) {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const started = process.hrtime.bigint();
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path,
            method,
            agent,
            headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...headers },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const ms = Number(process.hrtime.bigint() - started) / 1e6;
              const status = res.statusCode ?? 0;
              client.samples?.push({ status, ms });
              const text = Buffer.concat(chunks).toString('utf8');
              let json: unknown;
              try {
                json = text ? JSON.parse(text) : undefined;
              } catch {
                json = text;
              }
              resolve({ status, json });
            });
          },
        );
        req.on('error', reject);
        req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
        if (payload) req.write(payload);
        req.end();
      });
    },
    close: () => agent.destroy(),
  };
  return client;
}

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarise(samples: readonly Sample[], seconds: number): LoadResult {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: samples.length,
    errors: samples.filter((s) => s.status >= 400 || s.status === 0).length,
    perSecond: Math.round(samples.length / seconds),
    p50: round(percentile(ms, 50)),
    p95: round(percentile(ms, 95)),
    p99: round(percentile(ms, 99)),
  };
}

/** A simulated client: one connection for measured requests and one for set-up (creating an interview). */
export interface LoadPair {
  measured: LoadClient;
  setup: LoadClient;
}

/**
 * Opens `clients` pairs of keep-alive connections before anything is measured, as a load tool does. Under
 * saturation Node accepts one new connection per event-loop turn (libuv 1.45 and later), so connections opened
 * mid-run would measure that queue rather than the endpoint (docs/BENCHMARKS.md, "Capacity").
 */
export async function openClients(base: string, clients: number): Promise<LoadPair[]> {
  const pairs = Array.from({ length: clients }, () => ({ measured: httpClient(base), setup: httpClient(base) }));
  await Promise.all(pairs.flatMap((p) => [p.measured, p.setup]).map((c) => c.request('GET', '/api/v1/health')));
  return pairs;
}

export function closeClients(pairs: readonly LoadPair[]): void {
  for (const p of pairs) {
    p.measured.close();
    p.setup.close();
  }
}

/** Runs each pair's loop of `work` until `seconds` have passed; the measured connections' requests are summarised. */
export async function closedLoop(
  pairs: readonly LoadPair[],
  seconds: number,
  work: (measured: HttpClient, setup: HttpClient, deadline: number) => Promise<void>,
): Promise<LoadResult> {
  const samples: Sample[] = [];
  const deadline = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    pairs.map(async ({ measured, setup }) => {
      measured.samples = samples;
      try {
        while (Date.now() < deadline) await work(measured, setup, deadline);
      } finally {
        measured.samples = undefined;
      }
    }),
  );
  return summarise(samples, Number(process.hrtime.bigint() - started) / 1e9);
}
