import { describe, expect, it } from 'vitest';
import { crowdApp, expectStoredAsSent } from './support/crowd-server';
import { keepAliveAgent, warmUp } from './support/http';
import { PatientApi, percentile, runCrowd, runSeed, type Interview } from './support/patients';

const PATIENTS = 100;
const LOAD_SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 60);
const seed = runSeed();

const app = crowdApp('load');

describe(`load: ${PATIENTS} patients for ${LOAD_SECONDS} s against the production server (seed ${seed})`, () => {
  it('gives no errors, and the database holds exactly the answers every client sent', { timeout: LOAD_SECONDS * 1000 + 180_000 }, async () => {
    const agent = keepAliveAgent(PATIENTS);
    await warmUp(app.server.url, agent, PATIENTS);
    const client = new PatientApi(() => app.server.url, agent);
    const interviews: Interview[] = [];
    const started = Date.now();
    const result = await runCrowd({
      api: client,
      patients: PATIENTS,
      until: started + LOAD_SECONDS * 1000,
      seed,
      detours: true,
      onInterview: (iv) => interviews.push(iv),
    });
    const seconds = (Date.now() - started) / 1000;
    agent.destroy();

    const finished = interviews.filter((iv) => iv.turn.status !== 'asking');
    console.log(
      `load: ${client.requests} requests in ${seconds.toFixed(1)} s (${(client.requests / seconds).toFixed(0)}/s), ` +
        `${interviews.length} interviews, ${finished.length} finished, ` +
        `${interviews.reduce((n, iv) => n + iv.acknowledged, 0)} answers accepted, ` +
        `p50 ${percentile(client.latencies, 50).toFixed(1)} ms, p99 ${percentile(client.latencies, 99).toFixed(1)} ms`,
    );
    expect(result.errors.slice(0, 10), `${result.errors.length} errors under load; server output:\n${app.server.log().slice(-4000)}`).toEqual([]);
    // A load that barely ran would prove nothing: in a full run each patient finishes at least one interview on
    // average (on 2 cores it is many more); shortened local runs (RELIABILITY_LOAD_SECONDS) scale this down.
    expect(finished.length).toBeGreaterThanOrEqual(Math.ceil(PATIENTS * Math.min(1, LOAD_SECONDS / 60)));

    const stored = await expectStoredAsSent(app, interviews);
    // Nothing was stored that no client asked for.
    expect(stored.interviews.size).toBe(interviews.length);
  });
});
