/**
 * Property-based safety check: random patients, played through the real interview API (answering only what is
 * asked), must end exactly where a second, independent reading of PROTOCOL.md sections 2-4 says they end.
 *
 * The independent reading lives in tests/support/protocol-oracle.ts; it does not import lib/protocol/rules.ts,
 * evaluate.ts or any engine logic. This file does not either.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerNext, replay, revise, type InterviewState, type RecordedAnswer, type ResumePoint } from '@/lib/interview/replay';
import type { Protocol } from '@/lib/protocol/define';
import { VERSIONS } from '@/lib/protocol/versions';
import { DISPOSITIONS } from '@/lib/protocol/types';
import { planViolations } from '../support/plan-limits';
import * as O from '../support/protocol-oracle';

const P = O.PROTOCOL_QUESTIONS;
const AGE_BOUNDARIES = [0, 11, 12, 15, 16, 55, 56, 64, 65, 69, 70, 120];
const NUM_RUNS = 3000;

const valuesOf = (q: O.Qid): readonly string[] => P[q].values ?? [];
const optionsOf = (q: O.Qid): string[] => valuesOf(q).filter((v) => v !== 'none');

// ---------------------------------------------------------------------------------------------------------------
// Generators, biased toward boundaries and toward long interviews
// ---------------------------------------------------------------------------------------------------------------

const age = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...AGE_BOUNDARIES) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 120 }) },
);

/** A multi answer: `none`, one option, or any non-empty set of options in any order. */
function multi(q: O.Qid, weights: { none: number; one: number; any: number }): fc.Arbitrary<string[]> {
  const options = optionsOf(q);
  const arbs: fc.WeightedArbitrary<string[]>[] = [
    { weight: weights.one, arbitrary: fc.constantFrom(...options).map((v) => [v]) },
    { weight: weights.any, arbitrary: fc.shuffledSubarray(options, { minLength: 1 }) },
  ];
  if (valuesOf(q).includes('none') && weights.none > 0) arbs.push({ weight: weights.none, arbitrary: fc.constant(['none']) });
  return fc.oneof(...arbs);
}

/** A single answer, `quiet` values (no rule fires) `bias` times as likely as any value. */
function single(q: O.Qid, quiet: readonly string[] = [], bias = 0): fc.Arbitrary<string> {
  const any = fc.constantFrom(...valuesOf(q));
  return quiet.length === 0 || bias === 0 ? any : fc.oneof({ weight: bias, arbitrary: fc.constantFrom(...quiet) }, { weight: 1, arbitrary: any });
}

/** Answers for every question, including the ones the interview will not ask. */
function intendedAnswers(quietBias: number) {
  const flags = quietBias > 0 ? { none: 12 * quietBias, one: 2, any: 1 } : { none: 4, one: 2, any: 1 };
  const emergency = quietBias > 0 ? { none: 40 * quietBias, one: 1, any: 1 } : { none: 8, one: 1, any: 1 };
  return fc.record({
    consent: fc.oneof({ weight: 30, arbitrary: fc.constant('agree') }, { weight: 1, arbitrary: fc.constant('decline') }),
    age_years: age,
    pain_region: multi('pain_region', { none: 0, one: 2, any: 2 }),
    emergency_signs: multi('emergency_signs', emergency),
    nerve_emergency_signs: multi('nerve_emergency_signs', emergency),
    general_signs: multi('general_signs', flags),
    medical_history: multi('medical_history', flags),
    blood_thinners: single('blood_thinners', ['none', 'antiplatelet'], quietBias * 3),
    onset: single('onset', ['gradual', 'after_activity'], quietBias * 3),
    sensations: fc.oneof(
      { weight: 1 + quietBias * 4, arbitrary: fc.shuffledSubarray(['dull_ache', 'tightness', 'tender_spots'], { minLength: 1 }) },
      { weight: 2, arbitrary: multi('sensations', { none: 0, one: 2, any: 1 }) },
    ),
    movement_related: single('movement_related', ['yes'], quietBias * 3),
    pain_duration: single('pain_duration'),
    pain_trend: single('pain_trend', ['improving', 'same'], quietBias * 2),
    previously_assessed: single('previously_assessed', ['yes'], quietBias * 2),
    pain_severity: single('pain_severity', ['mild', 'moderate'], quietBias * 3),
    pregnancy: single('pregnancy', ['no', 'not_applicable'], quietBias * 3),
    massage_cautions: multi('massage_cautions', flags),
    massage_reaction: single('massage_reaction', ['never_tried', 'fine'], quietBias * 3),
    equipment: multi('equipment', { none: 1, one: 2, any: 2 }),
    floor_ok: single('floor_ok'),
  });
}

/** Half unbiased patients (many red flags and early exits), half mostly quiet ones (self_care and its gates). */
const patient = fc.oneof(intendedAnswers(0), intendedAnswers(1), intendedAnswers(3));

type Intended = { [K in O.Qid]: unknown };

// ---------------------------------------------------------------------------------------------------------------
// Driving the interview through its public API
// ---------------------------------------------------------------------------------------------------------------

/**
 * Answers every question the interview asks, with the patient's intended answer, through `answerNext` only, the way
 * production does: each answer resumes the machine from the snapshot the previous one left (answer-cache.ts), and the
 * state it reaches must equal a full replay of the answers so far, at every step.
 */
function play(p: Protocol, intended: Intended, start: readonly RecordedAnswer[] = []) {
  let recorded = [...start];
  let state: InterviewState = replay(p, recorded);
  let resume: ResumePoint | undefined;
  const askedOneByOne: string[] = [];
  while (state.status === 'asking') {
    const q = state.question;
    if (q === undefined) throw new Error('asking without a question');
    askedOneByOne.push(q);
    const result = answerNext(p, recorded, q, intended[q], resume);
    if (!result.ok) throw new Error(`a valid answer to ${q} was rejected: ${result.error.message}`);
    recorded = [...recorded, result.accepted];
    // The step moves by exactly one per accepted answer.
    expect(result.state.step).toBe(recorded.length);
    expect(result.state, `resumed after ${q}`).toEqual(replay(p, recorded));
    state = result.state;
    resume = result.resume;
  }
  return { state, recorded, askedOneByOne };
}

/** The interview's result must be the protocol's result for this patient, field by field. */
function expectProtocolResult(p: Protocol, state: InterviewState, sim: O.Simulation, recorded: readonly RecordedAnswer[]) {
  expect(state.asked).toEqual(sim.asked);
  expect(recorded.map((r) => r.questionId)).toEqual(sim.asked);
  expect(state.status).toBe(sim.status);
  expect(state.answers).toEqual(sim.given);
  if (sim.status === 'declined') {
    expect(state.outcome).toBeUndefined();
    return;
  }
  const outcome = state.outcome;
  expect(outcome).toBeDefined();
  if (!outcome) return;
  expect({ disposition: outcome.disposition, rules: outcome.rules, gate: outcome.gate, gateRules: outcome.gateRules }).toEqual({
    disposition: sim.disposition,
    rules: sim.rules,
    gate: sim.gate,
    gateRules: sim.gateRules,
  });
  if (outcome.disposition === 'self_care') {
    const gate = outcome.gate === 'gentle' ? 'gentle' : 'standard';
    const equipment = Array.isArray(sim.given.equipment) ? (sim.given.equipment as string[]) : [];
    const regions = Array.isArray(sim.given.pain_region) ? (sim.given.pain_region as string[]) : [];
    expect(planViolations(outcome.plan, { gate, equipment, floorOk: sim.given.floor_ok === 'yes', regions, version: p.id })).toEqual([]);
  } else {
    expect(outcome.plan).toBeUndefined();
  }
}

describe.each(VERSIONS.map((v) => [v.id, v] as const))('the %s engine agrees with an independent reading of its protocol', (id, p) => {
  const oracle = O.ORACLES[id];
  if (!oracle) throw new Error(`No independent oracle for protocol ${id}: write one in tests/support/protocol-oracle.ts.`);
  // A printed, replayable seed: FC_SEED=<seed> reruns exactly the same patients.
  const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

  it('asks the protocol questions, in protocol order, with the protocol answer domains', () => {
    const questions = p.content.questions;
    expect(questions.map((q) => q.id)).toEqual([...O.QUESTION_ORDER]);
    for (const q of questions) {
      const spec = P[q.id];
      expect({ id: q.id, kind: q.kind }).toEqual({ id: q.id, kind: spec.kind });
      if (spec.kind === 'integer') expect({ min: q.min, max: q.max }).toEqual({ min: spec.min, max: spec.max });
      else expect((q.options ?? []).map((o) => o.value)).toEqual([...(spec.values ?? [])]);
    }
    expect([...DISPOSITIONS]).toEqual([...O.URGENCY_ORDER]);
  });

  it(`random patients (${NUM_RUNS} runs): same asked sequence, disposition, fired rules, gate and gate rules`, { timeout: 180_000 }, () => {
    console.log(`[safety-property] ${id}: seed ${seed} (rerun with FC_SEED=${seed})`);
    const seen = { declined: 0, early: 0, complete: 0, dispositions: new Map<string, number>(), gates: new Map<string, number>() };
    fc.assert(
      fc.property(patient, (intended) => {
        const sim = oracle.simulate(intended);
        const { state, recorded, askedOneByOne } = play(p, intended);
        // One question at a time, each the one the protocol asks next.
        expect(askedOneByOne).toEqual(sim.asked);
        expectProtocolResult(p, state, sim, recorded);
        // Replaying the stored answers gives the same interview (what the server does on every request).
        expect(replay(p, recorded)).toEqual(state);

        if (sim.status === 'declined') seen.declined++;
        else {
          seen.complete++;
          const d = sim.disposition ?? 'none';
          seen.dispositions.set(d, (seen.dispositions.get(d) ?? 0) + 1);
          seen.gates.set(sim.gate ?? 'none', (seen.gates.get(sim.gate ?? 'none') ?? 0) + 1);
          if (sim.asked[sim.asked.length - 1] !== 'massage_reaction' && sim.asked[sim.asked.length - 1] !== 'floor_ok') seen.early++;
        }
      }),
      { numRuns: NUM_RUNS, seed },
    );
    console.log(
      `[safety-property] ${id}: ${NUM_RUNS} random patients: declined ${seen.declined}, early exits ${seen.early}, ` +
        `dispositions ${JSON.stringify(Object.fromEntries(seen.dispositions))}, gates ${JSON.stringify(Object.fromEntries(seen.gates))}`,
    );
    // The generator must exercise every outcome, or the property proves little.
    for (const d of O.URGENCY_ORDER) expect(seen.dispositions.get(d) ?? 0, `runs ending in ${d}`).toBeGreaterThan(NUM_RUNS / 100);
    expect(seen.gates.get('gentle') ?? 0).toBeGreaterThan(NUM_RUNS / 100);
    expect(seen.gates.get('standard') ?? 0).toBeGreaterThan(NUM_RUNS / 100);
    expect(seen.early).toBeGreaterThan(NUM_RUNS / 20);
    expect(seen.declined).toBeGreaterThan(0);
  });

  it('changing an earlier answer gives the same result as a fresh interview with the new answers', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(patient, patient, fc.nat(), (first, second, at) => {
        const before = play(p, first);
        // Revise any answered question, consent included, from the outcome page.
        const target = before.recorded[at % before.recorded.length];
        if (!target) return;
        const revised = revise(p, before.recorded, target.questionId);
        expect(revised.ok).toBe(true);
        if (!revised.ok) return;
        // The revised question is asked again; the answers before it are kept.
        expect(revised.state.status).toBe('asking');
        expect(revised.state.question).toBe(target.questionId);
        const cut = O.QUESTION_ORDER.indexOf(target.questionId as O.Qid);
        const mixed = Object.fromEntries(
          O.QUESTION_ORDER.map((q, i) => [q, i < cut ? first[q] : second[q]]),
        ) as Intended;
        const after = play(p, mixed, revised.kept);
        expectProtocolResult(p, after.state, oracle.simulate(mixed), after.recorded);
      }),
      { numRuns: 400, seed },
    );
  });
});
