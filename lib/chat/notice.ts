import 'server-only';
import { randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { env } from '../env';
import { cookieOptions, patientCookieName } from '../interview/cookie';
import type { Turn } from '../interview/present';

/**
 * A refused answer has to survive the redirect after the POST (the chat works without JavaScript), so the server's
 * message rides in a short-lived cookie. It is shown only while the interview is still at the step it was made for,
 * so it can never label a later question.
 */
const NOTICE_MAX_AGE = 5 * 60;
// __Host- (when Secure) for the same reason as the interview cookie: a planted notice would put words in our mouth.
const noticeCookie = () => patientCookieName('kw_notice', env().COOKIE_SECURE);

const noticeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('answer'),
    id: z.string().max(64),
    step: z.number().int().min(0),
    questionId: z.string().max(64),
    message: z.string().max(500),
    attempted: z.string().max(64).optional(),
  }),
  z.strictObject({
    kind: z.literal('turn'),
    id: z.string().max(64),
    step: z.number().int().min(0),
    message: z.string().max(500),
  }),
]);

export type Notice = z.infer<typeof noticeSchema>;
// Omit over each member of the union, so `kind` still picks the right fields.
type WithoutId<N> = N extends unknown ? Omit<N, 'id'> : never;
type NewNotice = WithoutId<Notice>;

export async function setNotice(notice: NewNotice): Promise<void> {
  const value = Buffer.from(JSON.stringify({ ...notice, id: randomUUID() })).toString('base64url');
  (await cookies()).set(noticeCookie(), value, cookieOptions(env().COOKIE_SECURE, NOTICE_MAX_AGE));
}

export async function clearNotice(): Promise<void> {
  const jar = await cookies();
  if (jar.has(noticeCookie())) jar.set(noticeCookie(), '', cookieOptions(env().COOKIE_SECURE, 0));
}

/** The notice for this turn, if the last refusal was made at it. */
export async function noticeFor(turn: Turn): Promise<Notice | undefined> {
  const raw = (await cookies()).get(noticeCookie())?.value;
  if (!raw) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = noticeSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.step !== turn.step) return undefined;
  if (parsed.data.kind === 'answer' && parsed.data.questionId !== turn.question?.id) return undefined;
  return parsed.data;
}
