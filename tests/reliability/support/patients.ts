import { isDeepStrictEqual } from 'node:util';
import type http from 'node:http';
import { api, NetworkError, parseJson, type HttpResponse } from './http';
import { seeded, type Random } from '../../support/random';

export { seeded, type Random };

/**
 * Simulated patients. They only know what the API tells them (the question, its options or range) and keep their own
 * record of every answer the server accepted, which the tests later hold the database to.
 */

export type Value = string | number | string[];
export interface Answer {
  questionId: string;
  value: Value;
}
export interface Question {
  id: string;
  kind: 'consent' | 'single' | 'multi' | 'integer';
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
}
export interface Turn {
  step: number;
  status: 'asking' | 'complete' | 'declined';
  question?: Question;
  outcome?: { disposition: string; gate: string; rules: string[] };
}
export interface TranscriptEntry {
  at: string;
  role: 'assistant' | 'patient';
  questionId: string;
  text: string;
  value?: Value;
  supersededAt?: string;
}

/** A request whose outcome the client never learned (the server died while it was in flight). */
export type Pending = { kind: 'answer'; answer: Answer } | { kind: 'revision'; index: number } | { kind: 'none' };

export interface Interview {
  id: string;
  token: string;
  /** The live answers, as this client knows them: every answer the server accepted with a 200, minus revised ones. */
  answers: Answer[];
  turn: Turn;
  pending: Pending;
  /** Answers that got a 200, ever, including later revised ones. */
  acknowledged: number;
  revisions: number;
}


export function runSeed(): number {
  const fromEnv = Number(process.env.RELIABILITY_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31) + 1;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function subset(random: Random, values: string[]): string[] {
  const chosen = values.filter(() => random() < 0.4);
  if (chosen.length === 0) chosen.push(pick(random, values));
  // Option order is the patient's own; the server must keep it exactly.
  return chosen.sort(() => random() - 0.5);
}

/**
 * A valid answer. Mostly "none" for red flags, so many interviews run their full length to a self-care plan; the rest
 * pick freely and end anywhere from an ambulance to a consultation.
 */
export function chooseAnswer(q: Question, random: Random): Value {
  const values = (q.options ?? []).map((o) => o.value);
  switch (q.kind) {
    case 'consent':
      return random() < 0.97 && values.includes('agree') ? 'agree' : pick(random, values);
    case 'single':
      return pick(random, values);
    case 'multi': {
      if (values.includes('none') && random() < 0.8) return ['none'];
      const others = values.filter((v) => v !== 'none');
      return others.length > 0 ? subset(random, others) : ['none'];
    }
    case 'integer': {
      const min = q.min ?? 0;
      const max = q.max ?? min;
      if (random() < 0.7) return Math.min(max, Math.max(min, 18 + Math.floor(random() * 48)));
      return min + Math.floor(random() * (max - min + 1));
    }
  }
}

/** The server treats a resent answer with the options in another order as the same answer (a retry). */
export function sameAnswer(a: Value, b: Value): boolean {
  const canon = (v: Value) => (Array.isArray(v) ? [...v].sort() : v);
  return isDeepStrictEqual(canon(a), canon(b));
}

/** A valid answer to the same question that differs from every one of `taken`: another side of a conflict. */
export function differentAnswer(q: Question, taken: Value[], random: Random): Value | undefined {
  const fresh = (v: Value) => !taken.some((t) => sameAnswer(t, v));
  for (let i = 0; i < 200; i++) {
    const other = chooseAnswer(q, random);
    if (fresh(other)) return other;
  }
  const values = (q.options ?? []).map((o) => o.value);
  const candidates: Value[] =
    q.kind === 'integer'
      ? Array.from({ length: Math.min(10, (q.max ?? 0) - (q.min ?? 0) + 1) }, (_, i) => (q.min ?? 0) + i)
      : q.kind === 'multi'
        ? values.map((v) => [v])
        : values;
  return candidates.find(fresh);
}

export class UnexpectedResponse extends Error {
  constructor(
    readonly what: string,
    readonly res: HttpResponse,
  ) {
    super(`${what}: HTTP ${res.status} ${res.text.slice(0, 400)}`);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; turn?: Turn };
}

export function errorOf(res: HttpResponse): ErrorBody['error'] {
  return (parseJson(res) as ErrorBody | undefined)?.error;
}

/** The live answers in a transcript: patient entries never superseded, in the order given (step order). */
export function liveAnswersOf(transcript: TranscriptEntry[]): Answer[] {
  return transcript
    .filter((e) => e.role === 'patient' && e.supersededAt === undefined)
    .map((e) => ({ questionId: e.questionId, value: e.value as Value }));
}

/** A patient's view of one server: every call is checked, and anything but the expected answer throws. */
export class PatientApi {
  requests = 0;
  readonly latencies: number[] = [];

  constructor(
    readonly url: () => string,
    readonly agent?: http.Agent,
  ) {}

  async call(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<HttpResponse> {
    const started = performance.now();
    this.requests++;
    const res = await api(this.url(), method, path, options, this.agent);
    this.latencies.push(performance.now() - started);
    return res;
  }

  async create(): Promise<Interview> {
    const res = await this.call('POST', '/api/v1/sessions', { body: {} });
    if (res.status !== 201) throw new UnexpectedResponse('creating an interview', res);
    const body = parseJson(res) as { session: { id: string }; token: string; turn: Turn };
    return { id: body.session.id, token: body.token, answers: [], turn: body.turn, pending: { kind: 'none' }, acknowledged: 0, revisions: 0 };
  }

  async answer(iv: Interview, value: Value): Promise<void> {
    const question = iv.turn.question;
    if (!question) throw new Error(`Interview ${iv.id} is not asking anything.`);
    const answer = { questionId: question.id, value };
    iv.pending = { kind: 'answer', answer };
    const res = await this.call('POST', `/api/v1/sessions/${iv.id}/answers`, { token: iv.token, body: { ...answer, step: iv.turn.step } });
    if (res.status !== 200) throw new UnexpectedResponse(`answering ${question.id} at step ${iv.turn.step} of ${iv.id}`, res);
    const { turn } = parseJson(res) as { turn: Turn };
    iv.pending = { kind: 'none' };
    iv.answers.push(answer);
    iv.acknowledged++;
    iv.turn = turn;
    if (turn.step !== iv.answers.length) {
      throw new Error(`Interview ${iv.id}: after ${iv.answers.length} answers the server says step ${turn.step}.`);
    }
  }

  /** Sends the last accepted answer again, as a client that timed out would: the same turn comes back, nothing is stored. */
  async retryLast(iv: Interview): Promise<void> {
    const last = iv.answers.at(-1);
    if (!last) return;
    const res = await this.call('POST', `/api/v1/sessions/${iv.id}/answers`, {
      token: iv.token,
      body: { ...last, step: iv.answers.length - 1 },
    });
    if (res.status !== 200) throw new UnexpectedResponse(`retrying the answer to ${last.questionId} of ${iv.id}`, res);
    const { turn } = parseJson(res) as { turn: Turn };
    if (!isDeepStrictEqual(turn, iv.turn)) {
      const show = (t: Turn) => JSON.stringify(t).slice(0, 200);
      throw new Error(`Interview ${iv.id}: a retried answer changed the turn from ${show(iv.turn)} to ${show(turn)}.`);
    }
  }

  async revise(iv: Interview, index: number): Promise<void> {
    const target = iv.answers[index];
    if (!target) throw new Error(`Interview ${iv.id} has no answer ${index}.`);
    iv.pending = { kind: 'revision', index };
    const res = await this.call('POST', `/api/v1/sessions/${iv.id}/revisions`, { token: iv.token, body: { questionId: target.questionId } });
    if (res.status !== 200) throw new UnexpectedResponse(`revising ${target.questionId} of ${iv.id}`, res);
    const { turn } = parseJson(res) as { turn: Turn };
    iv.pending = { kind: 'none' };
    iv.answers = iv.answers.slice(0, index);
    iv.revisions++;
    iv.turn = turn;
    if (turn.step !== index || turn.question?.id !== target.questionId) {
      throw new Error(`Interview ${iv.id}: revising ${target.questionId} gave step ${turn.step}, question ${turn.question?.id}.`);
    }
  }

  async load(iv: Interview): Promise<{ turn: Turn; answers: Answer[]; transcript: TranscriptEntry[] }> {
    const res = await this.call('GET', `/api/v1/sessions/${iv.id}`, { token: iv.token });
    if (res.status !== 200) throw new UnexpectedResponse(`loading ${iv.id}`, res);
    const body = parseJson(res) as { turn: Turn; transcript: TranscriptEntry[] };
    return { turn: body.turn, answers: liveAnswersOf(body.transcript), transcript: body.transcript };
  }

  /** Reads the interview back and checks that the server holds exactly this client's answers. */
  async verify(iv: Interview): Promise<void> {
    const { turn, answers } = await this.load(iv);
    if (!isDeepStrictEqual(answers, iv.answers) || turn.step !== iv.answers.length) {
      throw new Error(`Interview ${iv.id}: the server holds ${JSON.stringify(answers)} at step ${turn.step}, the client sent ${JSON.stringify(iv.answers)}.`);
    }
  }
}

export interface CrowdOptions {
  api: PatientApi;
  patients: number;
  /** No new request starts after this time (ms since epoch). */
  until: number;
  seed: number;
  /** Occasional retries, revisions and reloads, as real clients make. */
  detours?: boolean;
  /** Called with every interview as soon as it is created. */
  onInterview?: (iv: Interview) => void;
}

export interface CrowdResult {
  errors: string[];
  /** Patients whose request failed at the network level (the server went away). */
  cutOff: number;
  /** When each of those network failures happened (ms since epoch), so a test can tell whether the server had gone. */
  cutOffAt: number[];
}

/** Patient after patient: start, answer to the end, start again, until the time is up. */
async function patient(options: CrowdOptions, random: Random, errors: string[], cutOffAt: number[], started: number): Promise<'done' | 'cut-off'> {
  const { api: client, until } = options;
  const open = () => Date.now() < until;
  let iv: Interview | undefined;
  try {
    while (open()) {
      iv = await client.create();
      options.onInterview?.(iv);
      while (open()) {
        if (iv.turn.status !== 'asking') {
          // Now and then a patient changes an answer after seeing the outcome; revisions stay allowed.
          if (!options.detours || iv.revisions >= 2 || random() > 0.05) break;
          await client.revise(iv, Math.floor(random() * iv.answers.length));
          continue;
        }
        const r = options.detours ? random() : 1;
        if (r < 0.03 && iv.answers.length > 0) await client.retryLast(iv);
        else if (r < 0.05) await client.verify(iv);
        else if (r < 0.07 && iv.answers.length > 0 && iv.revisions < 2) await client.revise(iv, Math.floor(random() * iv.answers.length));
        else await client.answer(iv, chooseAnswer(iv.turn.question!, random));
      }
    }
    return 'done';
  } catch (error) {
    const at = `${((Date.now() - started) / 1000).toFixed(1)} s into the run`;
    if (error instanceof NetworkError) {
      cutOffAt.push(Date.now());
      errors.push(`network: ${error.message}, ${at}${iv ? ` (last interview ${iv.id})` : ''}`);
      return 'cut-off';
    }
    errors.push(`${(error as Error).message}, ${at}`);
    return 'done';
  }
}

/** Runs `patients` simulated patients at once until `until`. */
export async function runCrowd(options: CrowdOptions): Promise<CrowdResult> {
  const errors: string[] = [];
  const cutOffAt: number[] = [];
  const started = Date.now();
  const outcomes = await Promise.all(
    Array.from({ length: options.patients }, (_, i) => patient(options, seeded(options.seed + i * 7919), errors, cutOffAt, started)),
  );
  return { errors, cutOff: outcomes.filter((o) => o === 'cut-off').length, cutOffAt };
}

/** Answers until the interview is finished. */
export async function finish(client: PatientApi, iv: Interview, random: Random): Promise<void> {
  for (let guard = 0; iv.turn.status === 'asking'; guard++) {
    if (guard > 100) throw new Error(`Interview ${iv.id} did not finish after 100 answers.`);
    await client.answer(iv, chooseAnswer(iv.turn.question!, random));
  }
}

/**
 * Promise.all that waits for every task before failing: a task left running after its test failed would send traffic
 * to servers that are being stopped, and fail some later test instead.
 */
export async function settleAll<T>(tasks: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
