import { z } from 'zod';
import { NEWEST_VERSION, VERSION_IDS } from './protocol/versions';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Every setting Knotwise reads, validated once at start-up. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ error: 'PORT must be a number, for example 3000.' })
    .int({ error: 'PORT must be a whole number.' })
    .min(1, { error: 'PORT must be from 1 to 65535.' })
    .max(65535, { error: 'PORT must be from 1 to 65535.' })
    .default(3000),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, {
        error: 'DATABASE_URL must be a PostgreSQL URL, for example postgres://user@127.0.0.1:5432/knotwise.',
      })
      .optional(),
  ),
  DATA_DIR: optionalText.pipe(z.string().default('./data')),
  /** The protocol version new interviews use; an interview keeps its version for life. */
  PROTOCOL_VERSION: optionalText.pipe(
    z
      .enum(VERSION_IDS, {
        error: `PROTOCOL_VERSION must be a protocol version this build supports: ${VERSION_IDS.join(', ')}.`,
      })
      .default(NEWEST_VERSION),
  ),
  EMERGENCY_NUMBER: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9]{2,6}$/, { error: 'EMERGENCY_NUMBER must be 2 to 6 digits, for example 911, 999 or 112.' })
      .default('911'),
  ),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'RATE_LIMIT_PER_MINUTE must be a number.' })
    .int({ error: 'RATE_LIMIT_PER_MINUTE must be a whole number.' })
    .min(1, { error: 'RATE_LIMIT_PER_MINUTE must be at least 1.' })
    .default(120),
  /** Mark cookies Secure. Browsers accept Secure cookies on http://localhost; turn off only for plain-http hosts. */
  COOKIE_SECURE: z
    .enum(['true', 'false', '1', '0'], { error: 'COOKIE_SECURE must be true or false.' })
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Interviews older than this many days are deleted (with their transcripts and reviews) once a day. */
  RETENTION_DAYS: z.coerce
    .number({ error: 'RETENTION_DAYS must be a number of days, for example 90.' })
    .int({ error: 'RETENTION_DAYS must be a whole number of days.' })
    .min(1, { error: 'RETENTION_DAYS must be at least 1 (day).' })
    .max(3650, { error: 'RETENTION_DAYS must be at most 3650 (ten years).' })
    .default(90),
  /**
   * Base of the canonical URLs in FHIR exports (Questionnaire, code systems). They identify the protocol; nothing has
   * to be served there, but a deployment that does publish them can point this at itself.
   */
  FHIR_BASE_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'FHIR_BASE_URL must be an http(s) URL, for example https://knotwise.example/fhir.' })
      .transform((v) => v.replace(/\/+$/, ''))
      .default('https://knotwise.invalid/fhir'),
  ),
  /** Take the client address from X-Forwarded-For (only behind proxies you control: see TRUST_PROXY_HOPS). */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { error: 'TRUST_PROXY must be true or false.' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * How many proxies of yours a request passes before it reaches Knotwise (with TRUST_PROXY). Each appends to
   * X-Forwarded-For the address it received the request from, so only the last this-many entries are theirs.
   */
  TRUST_PROXY_HOPS: z.coerce
    .number({ error: 'TRUST_PROXY_HOPS must be the number of proxies in front of Knotwise, for example 1.' })
    .int({ error: 'TRUST_PROXY_HOPS must be a whole number.' })
    .min(1, { error: 'TRUST_PROXY_HOPS must be at least 1 (it counts only when TRUST_PROXY is true).' })
    .max(10, { error: 'TRUST_PROXY_HOPS must be at most 10.' })
    .default(1),
  /** Serve the benchmark's floor route (`npm run bench` turns it on; never needed in production). */
  BENCH_ROUTES: z
    .enum(['true', 'false', '1', '0'], { error: 'BENCH_ROUTES must be true or false.' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export type Env = z.infer<typeof envSchema>;

/** Parses an environment; throws one readable error listing every bad value. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Knotwise cannot start: the environment has bad values.\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
