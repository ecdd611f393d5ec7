import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, clinicians } from '@/db/schema';
import { hashPassword } from '@/lib/clinician/password';
import { createSession } from '@/lib/clinician/sessions';
import type { Role } from '@/lib/clinician/types';
import { startInterview, submitAnswer } from '@/lib/interview/service';
import type { AnswerValue, QuestionId } from '@/lib/protocol/types';
import { apiErrorOf } from './api-error';

export const BASE = 'http://knotwise.test';
export const PASSWORD = 'correct horse battery staple';

// One real scrypt hash per test file (about a second each): accounts made here share it.
let sharedHash: Promise<string> | undefined;
const passwordHash = () => (sharedHash ??= hashPassword(PASSWORD));

export interface TestAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** An account with PASSWORD, inserted directly (no audit row), optionally disabled. */
export async function makeAccount(options: { email?: string; role?: Role; disabled?: boolean; name?: string } = {}): Promise<TestAccount> {
  const db = await getDb();
  const [row] = await db
    .insert(clinicians)
    .values({
      email: options.email ?? `clinician-${randomUUID().slice(0, 8)}@example.org`,
      name: options.name ?? 'Dr Test',
      role: options.role ?? 'clinician',
      disabled: options.disabled ?? false,
      passwordHash: await passwordHash(),
    })
    .returning();
  return { id: row!.id, email: row!.email, name: row!.name, role: row!.role };
}

export async function tokenFor(account: { id: string }): Promise<string> {
  return (await createSession(account.id, '10.9.9.9')).token;
}

let addressCounter = 0;
/** A fresh client address, so per-address limits never couple tests. */
export const newAddress = () => `10.1.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string;
  cookie?: string;
  origin?: string;
  address?: string;
  /** Any other headers, as a browser or script would send them. */
  headers?: Record<string, string>;
}

export function req(path: string, o: RequestOptions = {}): Request {
  const headers: Record<string, string> = { host: 'knotwise.test', 'x-knotwise-client-ip': o.address ?? '10.0.0.1' };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.cookie) headers.cookie = o.cookie;
  if (o.origin) headers.origin = o.origin;
  Object.assign(headers, o.headers);
  return new Request(`${BASE}${path}`, {
    method: o.method ?? 'GET',
    headers,
    body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
  });
}

export const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

/** The API's error code, from API.md's JSON error or a FHIR endpoint's OperationOutcome. */
export const errorCode = (body: unknown) => apiErrorOf(body)?.code;

/** An error answer in either form (a FHIR endpoint's is an OperationOutcome), with its code and a real message. */
export async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const error = apiErrorOf(await res.json());
  expect(error?.code).toBe(code);
  expect(String(error?.message ?? '').length).toBeGreaterThan(10);
  return error as Record<string, unknown>;
}

/**
 * Plays an interview through the real service, answering each question the interview asks from `answers`, as a
 * patient would. Stops when it finishes or when `answers` has no answer for the question asked.
 */
export async function playInterview(answers: Partial<Record<QuestionId, AnswerValue>>, protocolVersion?: string) {
  const { session, token, turn: first } = await startInterview({ protocolVersion });
  let turn = first;
  while (turn.status === 'asking' && turn.question) {
    const value = answers[turn.question.id];
    if (value === undefined) break;
    const result = await submitAnswer(session.id, token, { questionId: turn.question.id, value, step: turn.step });
    if (!result.ok) throw new Error(`${turn.question.id}: ${result.error.message}`);
    turn = result.turn;
  }
  return { id: session.id, code: session.code, token, turn };
}

export async function auditLog() {
  const db = await getDb();
  return db.select().from(auditEvents).orderBy(asc(auditEvents.id));
}
