import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { crowdApp, expectStoredAsSent } from './support/crowd-server';
import { keepAliveAgent, warmUp } from './support/http';
import { finish, PatientApi, runCrowd, runSeed, seeded, settleAll, type Answer, type Interview } from './support/patients';
import { CROWD_ENV, startServer } from './support/server';

const PATIENTS = 100;
/** The server is killed once this many answers were accepted: every patient well into an interview. */
const ACCEPTED_BEFORE_KILL = PATIENTS * 5;
/** Bounds the test if the crowd never gets that far (a broken server); the kill normally comes long before. */
const CROWD_LIMIT_MS = 240_000;
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
    const started = Date.now();
    await warmUp(app.server.url, agent, PATIENTS);
    const client = new PatientApi(() => app.server.url, agent);
    const interviews: Interview[] = [];
    const crowd = runCrowd({
      api: client,
      patients: PATIENTS,
      // The crowd runs until the server dies under it; this only bounds the test if it never does.
      until: Date.now() + CROWD_LIMIT_MS,
      seed,
      detours: true,
      onInterview: (iv) => interviews.push(iv),
    });
    // Waits on the load reached, not on time: a slow machine gets there later, a fast one sooner.
    const accepted = () => interviews.reduce((n, iv) => n + iv.acknowledged, 0);
    let crowdEnded = false;
    void crowd.finally(() => (crowdEnded = true));
    while (accepted() < ACCEPTED_BEFORE_KILL && !crowdEnded) await new Promise((r) => setTimeout(r, 50));
    const acceptedBeforeKill = accepted();
    const { port } = app.server;
    const killedAt = Date.now();
    await app.server.kill();
    const result = await crowd;
    agent.destroy();

    expect(result.errors.filter((e) => !e.startsWith('network:')).slice(0, 10)).toEqual([]);
    // Network errors are expected only from the kill on: one before it means the server failed under load.
    expect(result.cutOffAt.filter((at) => at < killedAt), 'network errors before the kill').toEqual([]);
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
      `crash: killed after ${((killedAt - started) / 1000).toFixed(1)} s with ${acceptedBeforeKill} answers accepted, ${interviews.length} interviews, ` +
        `${cutOffMidRequest} cut off mid-request; all resumed and finished`,
    );
    expect(lost.slice(0, 10)).toEqual([]);

    // The consistency check includes interviews whose creation was cut off: the client never learned of them, but
    // they must be whole too.
    await expectStoredAsSent(app, interviews);
    expect(interviews.every((iv) => iv.turn.status !== 'asking')).toBe(true);
  });
});
