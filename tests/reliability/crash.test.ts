import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { crowdApp, expectStoredAsSent } from './support/crowd-server';
import { keepAliveAgent, warmUp } from './support/http';
import { finish, PatientApi, runCrowd, runSeed, seeded, settleAll, type Answer, type Interview } from './support/patients';
import { CROWD_ENV, startServer } from './support/server';

const PATIENTS = 100;
/** Long enough for every patient to be deep into interviews, and some to have finished several. */
const KILL_AFTER_SECONDS = Number(process.env.RELIABILITY_CRASH_AFTER_SECONDS ?? 12);
const seed = runSeed();

const app = crowdApp('crash');

/** What the server may hold for an interview: the client's accepted answers, or those plus the request cut off. */
function possibleStates(iv: Interview): Answer[][] {
  const known = iv.answers;
  switch (iv.pending.kind) {
    case 'none':
      return [known];
    case 'answer':
      return [known, [...known, iv.pending.answer]];
    case 'revision':
      return [known, known.slice(0, iv.pending.index)];
  }
}

describe(`crash: SIGKILL the server under load, start it again (seed ${seed})`, () => {
  it('keeps every answer that got a 200, corrupts nothing, and lets each patient continue', { timeout: 300_000 }, async () => {
    const agent = keepAliveAgent(PATIENTS);
    await warmUp(app.server.url, agent, PATIENTS);
    const client = new PatientApi(() => app.server.url, agent);
    const interviews: Interview[] = [];
    const crowd = runCrowd({
      api: client,
      patients: PATIENTS,
      // The crowd runs until the server dies under it; this only bounds the test if it never does.
      until: Date.now() + KILL_AFTER_SECONDS * 1000 + 60_000,
      seed,
      detours: true,
      onInterview: (iv) => interviews.push(iv),
    });
    await new Promise((r) => setTimeout(r, KILL_AFTER_SECONDS * 1000));
    const acceptedBeforeKill = interviews.reduce((n, iv) => n + iv.acknowledged, 0);
    const { port } = app.server;
    await app.server.kill();
    const result = await crowd;
    agent.destroy();

    expect(result.errors.filter((e) => !e.startsWith('network:')).slice(0, 10)).toEqual([]);
    // Every patient was talking to the server when it died (otherwise this would not be "in the middle" of the load).
    expect(result.cutOff).toBe(PATIENTS);
    expect(acceptedBeforeKill).toBeGreaterThan(PATIENTS);
    const cutOffMidRequest = interviews.filter((iv) => iv.pending.kind !== 'none').length;

    app.server = await startServer({ target: app.target, port, env: CROWD_ENV });
    const resumedAgent = keepAliveAgent(PATIENTS);
    await warmUp(app.server.url, resumedAgent, PATIENTS);
    const resumed = new PatientApi(() => app.server.url, resumedAgent);
    const lost: string[] = [];
    await settleAll(
      interviews.map(async (iv, i) => {
        const { turn, answers } = await resumed.load(iv);
        if (!possibleStates(iv).some((s) => isDeepStrictEqual(s, answers))) {
          lost.push(`interview ${iv.id}: server has ${JSON.stringify(answers)}, client had ${JSON.stringify(iv.answers)} (pending ${JSON.stringify(iv.pending)})`);
          return;
        }
        if (turn.step !== answers.length) lost.push(`interview ${iv.id}: ${answers.length} live answers but turn step ${turn.step}`);
        // The patient continues from what the server says, whichever way the cut-off request went.
        iv.answers = answers;
        iv.turn = turn;
        iv.pending = { kind: 'none' };
        await finish(resumed, iv, seeded(seed + i));
      }),
    );
    resumedAgent.destroy();
    console.log(
      `crash: killed after ${KILL_AFTER_SECONDS} s with ${acceptedBeforeKill} answers accepted, ${interviews.length} interviews, ` +
        `${cutOffMidRequest} cut off mid-request; all resumed and finished`,
    );
    expect(lost.slice(0, 10)).toEqual([]);

    // The consistency check includes interviews whose creation was cut off: the client never learned of them, but
    // they must be whole too.
    await expectStoredAsSent(app, interviews);
    expect(interviews.every((iv) => iv.turn.status !== 'asking')).toBe(true);
  });
});
