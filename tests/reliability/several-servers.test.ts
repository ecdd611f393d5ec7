import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerMismatches, consistencyProblems, duplicateLiveSteps, readStored } from './support/checks';
import { dropDatabase, freshPostgres, openInspector, type DbTarget } from './support/database';
import { api, keepAliveAgent, parseJson, type HttpResponse } from './support/http';
import {
  chooseAnswer,
  differentAnswer,
  errorOf,
  PatientApi,
  runSeed,
  seeded,
  settleAll,
  type Interview,
  type Random,
  type Turn,
  type Value,
} from './support/patients';
import { CROWD_ENV, ensureBuild, startServer, stopEverything, type AppServer } from './support/server';

/**
 * Two app processes on one PostgreSQL database (PGlite cannot be shared between processes, so this file always uses
 * PostgreSQL: the run's own server, or the one TEST_DATABASE_URL names).
 */

const INTERVIEWS = 12;
const seed = runSeed();

let target: DbTarget | undefined;
let servers: AppServer[] = [];
const everyInterview: Interview[] = [];

beforeAll(async () => {
  await ensureBuild();
  target = await freshPostgres('servers');
  // Started one after the other, so the second also proves that migrating an already migrated database is harmless.
  servers = [await startServer({ target, env: CROWD_ENV }), await startServer({ target, env: CROWD_ENV })];
});

afterAll(async () => {
  await stopEverything();
  if (target) await dropDatabase(target);
});

const agent = keepAliveAgent(64);
const via = (i: number) => new PatientApi(() => servers[i % 2]!.url, agent);

/** Both servers return the same transcript, and its live answers are what the client holds. */
async function sameOnBothServers(iv: Interview): Promise<void> {
  const [a, b] = await Promise.all([via(0).load(iv), via(1).load(iv)]);
  expect(a.transcript, `interview ${iv.id} reads differently on the two servers`).toEqual(b.transcript);
  expect(a.answers, `interview ${iv.id}: live answers`).toEqual(iv.answers);
  expect(a.turn).toEqual(iv.turn);
}

function postAnswer(server: number, iv: Interview, value: Value, withStep: boolean): Promise<HttpResponse> {
  const body = { questionId: iv.turn.question!.id, value, ...(withStep ? { step: iv.turn.step } : {}) };
  return api(servers[server % 2]!.url, 'POST', `/api/v1/sessions/${iv.id}/answers`, { token: iv.token, body }, agent);
}

describe(`several servers on one PostgreSQL (seed ${seed})`, () => {
  it('follows one interview whose answers alternate between the two servers', async () => {
    await settleAll(
      Array.from({ length: INTERVIEWS }, async (_, n) => {
        const random = seeded(seed + n);
        const iv = await via(n).create();
        everyInterview.push(iv);
        for (let k = 0; iv.turn.status === 'asking'; k++) {
          await via(n + k).answer(iv, chooseAnswer(iv.turn.question!, random));
          await sameOnBothServers(iv);
          // Once, part-way through, change an early answer on the other server and carry on from there.
          if (k === 4 && iv.turn.status === 'asking') {
            await via(n + k + 1).revise(iv, 1);
            await sameOnBothServers(iv);
          }
        }
        expect(iv.revisions, `interview ${iv.id} ended before its revision`).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('lets exactly one of two (or three) conflicting answers to one step win; the others get 409', async () => {
    const tally = { pairs: 0, triples: 0, sameValue: 0, withoutStep: 0, reviseRace: 0 };
    await settleAll(
      Array.from({ length: INTERVIEWS }, async (_, n) => {
        const random: Random = seeded(seed + 1000 + n);
        const iv = await via(n).create();
        everyInterview.push(iv);
        for (let round = 0; iv.turn.status === 'asking'; round++) {
          const question = iv.turn.question!;
          const before = iv.turn;

          if (question.kind === 'consent') {
            // Two tabs sending the same answer: both get the same turn, and it is stored once.
            const [a, b] = await Promise.all([postAnswer(0, iv, 'agree', true), postAnswer(1, iv, 'agree', true)]);
            expect([a.status, b.status], `consent of ${iv.id}`).toEqual([200, 200]);
            const turns = [a, b].map((r) => (parseJson(r) as { turn: Turn }).turn);
            expect(turns[0]).toEqual(turns[1]);
            iv.answers.push({ questionId: question.id, value: 'agree' });
            iv.turn = turns[0]!;
            tally.sameValue++;
          } else if (round % 7 === 3 && iv.answers.length > 1) {
            // A revision on one server races an answer on the other. Whatever the order, the revised question is
            // asked again: either the answer lost (409), or it won and the revision superseded it.
            const index = Math.floor(random() * iv.answers.length);
            const target = iv.answers[index]!;
            const [answered, revised] = await Promise.all([
              postAnswer(0, iv, chooseAnswer(question, random), true),
              api(servers[1]!.url, 'POST', `/api/v1/sessions/${iv.id}/revisions`, { token: iv.token, body: { questionId: target.questionId } }, agent),
            ]);
            expect(revised.status, revised.text).toBe(200);
            expect([200, 409], answered.text).toContain(answered.status);
            iv.answers = iv.answers.slice(0, index);
            iv.turn = (parseJson(revised) as { turn: Turn }).turn;
            expect(iv.turn.question?.id).toBe(target.questionId);
            tally.reviseRace++;
          } else {
            const triple = round % 5 === 2;
            const withStep = round % 4 !== 1;
            const values: Value[] = [chooseAnswer(question, random)];
            while (values.length < (triple ? 3 : 2)) {
              const other = differentAnswer(question, values, random);
              if (other === undefined) break;
              values.push(other);
            }
            expect(values.length, `no second answer to ${question.id}`).toBeGreaterThan(1);
            const responses = await Promise.all(values.map((v, i) => postAnswer(i, iv, v, withStep)));
            const winners = responses.map((r, i) => ({ r, v: values[i]! })).filter(({ r }) => r.status === 200);
            const losers = responses.filter((r) => r.status !== 200);
            expect(winners.length, `step ${before.step} of ${iv.id}: ${responses.map((r) => `${r.status} ${r.text.slice(0, 120)}`).join(' | ')}`).toBe(1);
            const winner = winners[0]!;
            const turn = (parseJson(winner.r) as { turn: Turn }).turn;
            for (const loser of losers) {
              expect(loser.status, loser.text).toBe(409);
              const error = errorOf(loser);
              // With the step the loser is told it is stale; without it, that its question is no longer the current one.
              expect(withStep ? ['stale_step'] : ['not_current_question', 'interview_finished']).toContain(error?.code);
              // The 409 carries the winner's turn, so the losing tab can show what the server now asks.
              if (error?.turn) expect(error.turn).toEqual(turn);
              expect(error?.message?.length ?? 0).toBeGreaterThan(20);
            }
            iv.answers.push({ questionId: question.id, value: winner.v });
            iv.turn = turn;
            if (values.length === 3) tally.triples++;
            else tally.pairs++;
            if (!withStep) tally.withoutStep++;
          }
          await sameOnBothServers(iv);
          if (round > 60) throw new Error(`Interview ${iv.id} did not finish after 60 rounds.`);
        }
      }),
    );
    console.log(`conflicts: ${JSON.stringify(tally)}`);
    expect(tally.pairs).toBeGreaterThan(INTERVIEWS);
    expect(tally.triples).toBeGreaterThan(0);
    expect(tally.withoutStep).toBeGreaterThan(0);
    expect(tally.reviseRace).toBeGreaterThan(0);
  });

  it('leaves every transcript consistent in the database', async () => {
    agent.destroy();
    await Promise.all(servers.map((s) => s.stop()));
    const db = await openInspector(target!);
    try {
      const stored = await readStored(db);
      expect(stored.interviews.size).toBe(everyInterview.length);
      expect(answerMismatches(stored, everyInterview).slice(0, 10)).toEqual([]);
      expect(await duplicateLiveSteps(db)).toEqual([]);
      expect(consistencyProblems(stored).slice(0, 10)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
