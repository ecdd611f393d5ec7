import 'server-only';
import { z } from 'zod';
import REQUEST_LIMITS from '../request-limits.json';
import { apiError } from './respond';

/** Also enforced by scripts/start.mjs before anything is read: a body over it, or without a length, never gets here. */
export const MAX_BODY_BYTES = REQUEST_LIMITS.apiBodyBytes;

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Reads a JSON body of at most 16 KiB and checks it against a schema (API.md: too_large, invalid_json, invalid_body). */
export async function readBody<T>(request: Request, schema: z.ZodType<T>): Promise<Parsed<T>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false, response: tooLarge() };
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) return { ok: false, response: tooLarge() };
  let json: unknown;
  try {
    json = bytes.byteLength === 0 ? undefined : JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {
      ok: false,
      response: apiError(400, 'invalid_json', 'The request body is not valid JSON. Send a JSON object.'),
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      response: apiError(400, 'invalid_body', `The request body does not have the expected shape. ${z.prettifyError(parsed.error)}`, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      }),
    };
  }
  return { ok: true, data: parsed.data };
}

function tooLarge() {
  return apiError(413, 'too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB. Send a smaller body.`);
}
