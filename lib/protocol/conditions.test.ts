import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, conditionWords, holds, reads, type Cond } from './conditions';
import { protocolFor, VERSIONS } from './versions';
import type { Answers } from './types';

const has: Cond = { has: 'sensations', anyOf: ['tingling', 'burning'] };
const is: Cond = { is: 'onset', anyOf: ['sudden_severe'] };
const age: Cond = { num: 'age_years', atLeast: 12, below: 56 };

describe('each kind of condition', () => {
  it.each<[string, Cond, Answers, ReturnType<typeof holds>]>([
    ['has: answered, a value matches', has, { sensations: ['dull_ache', 'burning'] }, true],
    ['has: answered, no value matches', has, { sensations: ['dull_ache'] }, false],
    ['has: unanswered', has, {}, 'unknown'],
    ['is: answered, matches', is, { onset: 'sudden_severe' }, true],
    ['is: answered, does not match', is, { onset: 'gradual' }, false],
    ['is: unanswered', is, {}, 'unknown'],
    ['num: at the lower bound', age, { age_years: 12 }, true],
    ['num: just below the upper bound', age, { age_years: 55 }, true],
    ['num: at the upper bound', age, { age_years: 56 }, false],
    ['num: below the lower bound', age, { age_years: 11 }, false],
    ['num: zero is a real answer', { num: 'age_years', below: 16 }, { age_years: 0 }, true],
    ['num: unanswered is not under 16', { num: 'age_years', below: 16 }, {}, 'unknown'],
    ['not: of false', { not: is }, { onset: 'gradual' }, true],
    ['not: of true', { not: is }, { onset: 'sudden_severe' }, false],
    ['not: of unknown stays unknown', { not: is }, {}, 'unknown'],
    ['all: one false child wins over unknown', { all: [is, has] }, { onset: 'gradual' }, false],
    ['all: unknown when nothing is false', { all: [is, has] }, { onset: 'sudden_severe' }, 'unknown'],
    ['all: every child true', { all: [is, has] }, { onset: 'sudden_severe', sensations: ['tingling'] }, true],
    ['any: one true child wins over unknown', { any: [is, has] }, { onset: 'sudden_severe' }, true],
    ['any: unknown when nothing is true', { any: [is, has] }, { onset: 'gradual' }, 'unknown'],
    ['any: every child false', { any: [is, has] }, { onset: 'gradual', sensations: ['dull_ache'] }, false],
  ])('%s', (_, cond, answers, expected) => {
    expect(holds(cond, answers)).toBe(expected);
    // A rule fires only on true: unknown never fires.
    expect(compile(cond)(answers)).toBe(expected === true);
  });

  it('reads the questions it depends on, once each', () => {
    expect(reads({ all: [is, { any: [has, { not: is }] }] })).toEqual(['onset', 'sensations']);
  });
});

describe('the compiled form', () => {
  const answerSets = fc.record(
    {
      age_years: fc.integer({ min: 0, max: 120 }),
      pain_region: fc.subarray(['neck', 'shoulders', 'upper_back', 'lower_back', 'hips_glutes'] as const, { minLength: 1 }),
      general_signs: fc.subarray(['fever', 'weight_loss', 'limb_weakness', 'none'] as const, { minLength: 1 }),
      medical_history: fc.subarray(['cancer', 'immune_risk', 'osteoporosis', 'recent_spine_procedure', 'none'] as const, { minLength: 1 }),
      blood_thinners: fc.constantFrom('anticoagulant', 'antiplatelet', 'none', 'unsure'),
      onset: fc.constantFrom('gradual', 'after_activity', 'minor_fall', 'sudden_severe'),
      sensations: fc.subarray(['dull_ache', 'sharp_pinch', 'tingling', 'numbness', 'burning', 'shooting'] as const, { minLength: 1 }),
      movement_related: fc.constantFrom('yes', 'no', 'unsure'),
      pain_duration: fc.constantFrom('under_2_weeks', '2_to_6_weeks', '6_to_12_weeks', 'over_12_weeks'),
      pain_trend: fc.constantFrom('improving', 'same', 'worse'),
      previously_assessed: fc.constantFrom('yes', 'no'),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Answers>;

  it.each(VERSIONS.map((p) => [p.id, p] as const))('fires exactly when the reference evaluation says true, for every rule of %s', (_, p) => {
    const rules = [...p.content.rules, ...p.content.gateRules];
    fc.assert(
      fc.property(answerSets, (answers) => {
        for (const r of rules) expect(compile(r.when)(answers), r.id).toBe(holds(r.when, answers) === true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the wording', () => {
  it('says each bp-1 rule the way the clinicians read it', () => {
    const words = Object.fromEntries(protocolFor('bp-1').rules.map((r) => [r.id, r.condition]));
    expect(words).toMatchObject({
      R05_cauda_equina: 'nerve_emergency_signs has saddle_numbness, bladder_bowel or sexual_function',
      R08_infection_with_neuro: 'general_signs has fever and (general_signs has limb_weakness, or medical_history has immune_risk or recent_spine_procedure)',
      R09_bleed_on_anticoagulant: 'blood_thinners is anticoagulant or unsure, and onset is sudden_severe',
      R16_fragility_fracture: 'onset is minor_fall and (medical_history has osteoporosis or immune_risk, or age_years >= 70)',
      R20_under_16: 'age_years < 16',
      R24_persistent_unassessed: 'pain_duration is 6_to_12_weeks or over_12_weeks, pain_trend is not improving, and previously_assessed is no',
      R30_no_flags: 'none of R01-R29 fired',
      G4_standard: 'none of G1-G3 fired',
    });
    expect(conditionWords(age)).toBe('age_years from 12 to 55');
    expect(conditionWords({ not: has })).toBe('sensations has none of tingling, burning');
  });

  it('says what bp-2 changed', () => {
    const bp2 = protocolFor('bp-2');
    expect(bp2.rule('R10_cancer_with_neuro')?.condition).toBe(
      'medical_history has cancer and (general_signs has limb_weakness, or sensations has tingling, numbness, shooting or burning)',
    );
    expect(bp2.rule('R31_sudden_severe_onset')?.condition).toBe('onset is sudden_severe');
    expect(bp2.rule('R30_no_flags')?.condition).toBe('none of R01-R29 or R31 fired');
  });
});
