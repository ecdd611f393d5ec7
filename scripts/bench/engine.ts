// Engine benchmark: full interviews replayed per second in one process under the newest protocol version, next to a
// bare XState machine with as many states and no rules or plan (the floor). Target: at least half the floor's rate.
import { createActor, setup } from 'xstate';
import { machineFor } from '../../machines/triage';
import { replay, type RecordedAnswer } from '../../lib/interview/replay';
import { play } from '../../lib/interview/play';
import { NEWEST_VERSION, protocolFor } from '../../lib/protocol/versions';
import { SELF_CARE } from '../../tests/support/answers';

const PROTOCOL = protocolFor(NEWEST_VERSION);
const MACHINE = machineFor(PROTOCOL);
const STATES = Object.keys(MACHINE.root.states.interview!.states).length + Object.keys(MACHINE.root.states).length - 1;

/** The floor: one state per question, one ANSWER event each, nothing evaluated. */
const bareMachine = setup({ types: { events: {} as { type: 'ANSWER'; value: unknown } } }).createMachine({
  id: 'bare',
  initial: 's0',
  states: Object.fromEntries(
    Array.from({ length: STATES }, (_, i) => [
      `s${i}`,
      i === STATES - 1 ? { type: 'final' as const } : { on: { ANSWER: { target: `s${i + 1}` } } },
    ]),
  ),
});

function recorded(map: Record<string, unknown>): RecordedAnswer[] {
  const result = play(map, PROTOCOL);
  if ('error' in result) throw new Error(result.error);
  return result.asked.map((questionId) => ({ questionId, value: map[questionId] as RecordedAnswer['value'] }));
}

/** A mix of real interviews: a self-care plan, a referral and an emergency early exit. */
const INTERVIEWS = [
  recorded(SELF_CARE),
  recorded({ ...SELF_CARE, pain_trend: 'worse', pain_region: ['neck', 'upper_back'], movement_related: 'yes' }),
  recorded({ ...SELF_CARE, nerve_emergency_signs: ['both_legs'] }),
];
const EVENTS = INTERVIEWS.map((i) => i.length);

function timed(fn: (i: number) => void, seconds: number): { count: number; elapsed: number } {
  let count = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < until) {
    for (let j = 0; j < 100; j++) fn(count++);
  }
  return { count, elapsed: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** Rounds alternate between the floor and the engine, so a busy machine slows both alike. */
function compare(a: (i: number) => void, b: (i: number) => void, seconds: number, rounds = 10) {
  for (let i = 0; i < 3000; i++) { a(i); b(i); } // warm-up for the JIT
  const totals = { a: { count: 0, elapsed: 0 }, b: { count: 0, elapsed: 0 } };
  for (let r = 0; r < rounds; r++) {
    for (const [key, fn] of [['a', a], ['b', b]] as const) {
      const t = timed(fn, seconds / rounds);
      totals[key].count += t.count;
      totals[key].elapsed += t.elapsed;
    }
  }
  return { a: totals.a.count / totals.a.elapsed, b: totals.b.count / totals.b.elapsed };
}

const floorRun = (i: number) => {
  const actor = createActor(bareMachine).start();
  const n = EVENTS[i % EVENTS.length]!;
  for (let k = 0; k < n; k++) actor.send({ type: 'ANSWER', value: k });
};
const engineRun = (i: number) => void replay(PROTOCOL, INTERVIEWS[i % INTERVIEWS.length]!);

export function benchEngine(seconds = 5) {
  const r = compare(floorRun, engineRun, seconds);
  return {
    floor: { label: `bare XState machine, ${STATES} states`, interviewsPerSecond: Math.round(r.a) },
    engine: { label: `triage engine (${PROTOCOL.id}): replay, rules, outcome and plan`, interviewsPerSecond: Math.round(r.b) },
    ratio: Number((r.b / r.a).toFixed(3)),
    target: 0.5,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchEngine(Number(process.env.BENCH_SECONDS ?? 5));
  console.log(JSON.stringify(r, null, 2));
}
