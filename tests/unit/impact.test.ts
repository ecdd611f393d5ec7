import { describe, expect, it } from 'vitest';
import { classify, type ComparedOutcome } from '@/lib/impact/classify';
import { replayUnder, type StoredAnswer } from '@/lib/impact/replay-under';
import { ImpactTally, type InterviewImpact } from '@/lib/impact/summary';
import { play, type AnswerMap } from '@/lib/interview/play';
import type { Outcome } from '@/lib/protocol/outcome';
import { protocolFor } from '@/lib/protocol/versions';
import { answerSets } from '../golden/answer-sets';
import { SELF_CARE } from '../support/answers';

const bp1 = protocolFor('bp-1');
const bp2 = protocolFor('bp-2');

/** An interview as a patient finished it under `p`: the live answers in the order asked, and its outcome. */
function finishedUnder(p: typeof bp1, map: AnswerMap): { stored: StoredAnswer[]; outcome: Outcome } {
  const played = play(map, p);
  if ('error' in played || played.status !== 'complete') throw new Error(`not a finished interview: ${JSON.stringify(played)}`);
  return { stored: played.asked.map((q) => ({ questionId: q, value: map[q]! })), outcome: played.outcome };
}

const compared = (o: Outcome): ComparedOutcome => ({
  disposition: o.disposition,
  gate: o.gate,
  rules: [...o.rules, ...o.gateRules],
  steps: o.plan?.steps ?? null,
});

/** The change an interview finished under `from` would see under `to`, and the target's outcome or missing questions. */
function impactOf(from: typeof bp1, to: typeof bp1, map: AnswerMap) {
  const { stored, outcome } = finishedUnder(from, map);
  const replayed = replayUnder(to, stored);
  if ('missing' in replayed) return { change: 'cannot_tell' as const, missing: replayed.missing };
  return { change: classify(compared(outcome), compared(replayed.outcome)), outcome: replayed.outcome };
}

const ANTIPLATELET_SUDDEN: AnswerMap = { ...SELF_CARE, blood_thinners: 'antiplatelet', onset: 'sudden_severe', pain_severity: 'mild' };
const CANCER_BURNING: AnswerMap = { ...SELF_CARE, medical_history: ['cancer'], sensations: ['burning'] };

describe('replaying a stored interview under another version', () => {
  it('escalates the self-care plan bp-1 gave to an antiplatelet patient with a sudden severe onset (bp-2 R31)', () => {
    expect(finishedUnder(bp1, ANTIPLATELET_SUDDEN).outcome.disposition).toBe('self_care');
    const impact = impactOf(bp1, bp2, ANTIPLATELET_SUDDEN);
    expect(impact).toMatchObject({ change: 'escalated', outcome: { disposition: 'consultation_24', rules: ['R31_sudden_severe_onset'] } });
  });

  it('escalates cancer with burning pain to an emergency that ends at the sensations answer (bp-2 R10)', () => {
    expect(finishedUnder(bp1, CANCER_BURNING).outcome.disposition).toBe('consultation_24');
    const impact = impactOf(bp1, bp2, CANCER_BURNING);
    expect(impact).toMatchObject({ change: 'escalated', outcome: { disposition: 'emergency' } });
    expect(impact.outcome!.rules).toContain('R10_cancer_with_neuro');
  });

  it('sees a new plan for the same self-care outcome when bp-2 works every painful region', () => {
    const map: AnswerMap = { ...SELF_CARE, pain_region: ['neck', 'lower_back'], equipment: ['foam_roller'] };
    const impact = impactOf(bp1, bp2, map);
    expect(impact).toMatchObject({ change: 'plan_changed', outcome: { disposition: 'self_care', gate: 'standard' } });
    expect(impact.outcome!.plan!.steps.map((s) => s.area)).toEqual(['neck', 'hips_glutes']);
  });

  it('cannot tell when the target would ask a question the interview never reached, and names it', () => {
    // Under bp-2 this ends at consultation_24, before the plan's questions; bp-1 would go on to build a plan.
    const { equipment: _e, floor_ok: _f, ...referred } = ANTIPLATELET_SUDDEN;
    expect(impactOf(bp2, bp1, referred)).toEqual({ change: 'cannot_tell', missing: ['equipment'] });
  });

  it('de-escalates when the older version is the target and every question it asks was answered', () => {
    const map: AnswerMap = { ...ANTIPLATELET_SUDDEN, sensations: ['tingling'] };
    expect(impactOf(bp2, bp1, map)).toMatchObject({ change: 'de-escalated', outcome: { disposition: 'consultation' } });
  });

  it('cannot tell when the target does not accept a stored answer, and names that question', () => {
    const { stored } = finishedUnder(bp1, SELF_CARE);
    const corrupt = stored.map((a) => (a.questionId === 'sensations' ? { ...a, value: ['itching'] } : a));
    expect(replayUnder(bp2, corrupt)).toEqual({ missing: ['sensations'] });
  });

  // play() is the independent check here: it asks question by question from a map, as the CLI and the case bank do.
  it.each([
    ['bp-1', 'bp-2'],
    ['bp-2', 'bp-1'],
  ])('gives, for 150 random interviews stored under %s, what a patient answering the same under %s gets', { timeout: 120_000 }, (fromId, toId) => {
    const [from, to] = [protocolFor(fromId), protocolFor(toId)];
    const seen = new Set<string>();
    for (const map of answerSets(20261204, 150) as AnswerMap[]) {
      const source = play(map, from);
      if ('error' in source || source.status !== 'complete') continue;
      const stored = source.asked.map((q) => ({ questionId: q, value: map[q]! }));
      // Only the answers the interview stored: a question the source never asked has no answer to replay.
      const storedMap = Object.fromEntries(stored.map((a) => [a.questionId, a.value])) as AnswerMap;
      const expected = play(storedMap, to);
      const actual = replayUnder(to, stored);
      if ('error' in expected) {
        expect(actual).toEqual({ missing: [expected.asked!.at(-1)] });
        seen.add('cannot_tell');
      } else {
        const outcome = (expected as { outcome: Outcome }).outcome;
        expect(actual).toEqual({ outcome });
        seen.add(outcome.disposition === source.outcome.disposition ? 'same disposition' : 'other disposition');
      }
    }
    // Not vacuous: both kinds of result occur, and going back to bp-1 some interviews cannot be judged.
    expect(seen).toContain('same disposition');
    expect(seen).toContain('other disposition');
    if (to === bp1) expect(seen).toContain('cannot_tell');
  });
});

describe('comparing outcomes', () => {
  const base: ComparedOutcome = {
    disposition: 'self_care',
    gate: 'standard',
    rules: ['R30_no_flags', 'G4_standard'],
    steps: finishedUnder(bp1, SELF_CARE).outcome.plan!.steps,
  };

  it('reads plan steps stored as jsonb (keys reordered) as the same steps', () => {
    const reordered = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reordered)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]))
          : value;
    expect(classify(base, { ...base, steps: reordered(base.steps) as ComparedOutcome['steps'] })).toBe('same');
  });

  it('ranks a changed disposition over a changed gate over changed steps', () => {
    expect(classify(base, { ...base, disposition: 'consultation', gate: 'none', steps: null })).toBe('escalated');
    expect(classify({ ...base, disposition: 'emergency' }, { ...base, disposition: 'consultation_24' })).toBe('de-escalated');
    expect(classify(base, { ...base, gate: 'gentle', steps: [] })).toBe('gate_changed');
    expect(classify(base, { ...base, steps: base.steps!.slice(1) })).toBe('plan_changed');
  });
});

describe('the summary', () => {
  const moved = (code: string, from: string, to: string, change: InterviewImpact['change'], fromRules: string[], toRules: string[]): InterviewImpact => ({
    id: `id-${code}`,
    code,
    from: { disposition: from as never, gate: 'none', rules: fromRules },
    to: { disposition: to as never, gate: 'none', rules: toRules },
    change,
  });

  it('counts every change, every disposition pair and every rule that starts or stops, and lists the most serious first', () => {
    const tally = new ImpactTally(bp1, bp2, { since: '2026-01-01' });
    tally.add(moved('AAA', 'self_care', 'consultation_24', 'escalated', ['R30_no_flags'], ['R31_sudden_severe_onset']));
    tally.add(moved('BBB', 'consultation_24', 'emergency', 'escalated', ['R14_cancer_history'], ['R10_cancer_with_neuro', 'R14_cancer_history']));
    tally.add(moved('CCC', 'consultation', 'consultation_24', 'escalated', ['R21_nerve_symptoms'], ['R21_nerve_symptoms', 'R31_sudden_severe_onset']));
    tally.add(moved('DDD', 'emergency', 'consultation', 'de-escalated', ['R10_cancer_with_neuro'], []));
    tally.add(moved('EEE', 'consultation', 'consultation', 'same', [], []));
    tally.add({ id: 'id-FFF', code: 'FFF', from: { disposition: 'consultation', gate: 'none', rules: [] }, to: null, change: 'cannot_tell', missing: ['equipment'] });
    const s = tally.result();
    expect(s).toMatchObject({ from: 'bp-1', to: 'bp-2', since: '2026-01-01', until: null, interviews: 6 });
    expect(s.changes).toEqual({ same: 1, escalated: 3, 'de-escalated': 1, gate_changed: 0, plan_changed: 0, cannot_tell: 1 });
    expect(Object.entries(s.dispositions)).toEqual([
      ['emergency -> consultation', 1],
      ['consultation_24 -> emergency', 1],
      ['consultation -> consultation_24', 1],
      ['consultation -> consultation', 1],
      ['self_care -> consultation_24', 1],
    ]);
    // In bp-2's table order; a rule that fires on both sides (R21 on CCC) neither starts nor stops.
    expect(Object.entries(s.rules)).toEqual([
      ['R10_cancer_with_neuro', { starts: 1, stops: 1 }],
      ['R31_sudden_severe_onset', { starts: 2, stops: 0 }],
      ['R30_no_flags', { starts: 0, stops: 1 }],
    ]);
    // An emergency first; then, of the two new 24-hour referrals, the one that was self-care (the longer way up).
    expect(s.escalated.map((m) => m.code)).toEqual(['BBB', 'AAA', 'CCC']);
    expect(s.deEscalated).toEqual([{ id: 'id-DDD', code: 'DDD', from: 'emergency', to: 'consultation' }]);
    expect(s.missing).toEqual({ equipment: 1 });
  });
});
