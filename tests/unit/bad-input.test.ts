/**
 * Bad input never gets into an interview: every question rejects every value outside its schema, both in the
 * validator (`checkAnswer`) and through the interview API (`answerNext`), with a message a person can act on.
 * Allowed values and ranges come from PROTOCOL.md (tests/support/protocol-oracle.ts), not from the engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '@/lib/protocol/answer-schema';
import { answerNext, replay, type RecordedAnswer } from '@/lib/interview/replay';
import { NEWEST_VERSION, protocolFor } from '@/lib/protocol/versions';
import * as O from '../support/protocol-oracle';

// Every version builds its answer schemas from its own questions; the newest is the one new interviews meet.
const p = protocolFor(NEWEST_VERSION);
const oracle = O.ORACLES[p.id]!;

const P = O.PROTOCOL_QUESTIONS;

/** A patient who reaches every question that can be asked, conditional ones included, and ends in self_care. */
const REACHES_EVERYTHING: Record<O.Qid, unknown> = {
  consent: 'agree',
  age_years: 30,
  pain_region: ['upper_back', 'lower_back'],
  emergency_signs: ['none'],
  nerve_emergency_signs: ['none'],
  general_signs: ['none'],
  medical_history: ['none'],
  blood_thinners: 'none',
  onset: 'gradual',
  sensations: ['tender_spots'],
  movement_related: 'yes',
  pain_duration: 'over_12_weeks',
  pain_trend: 'improving',
  previously_assessed: 'yes',
  pain_severity: 'mild',
  pregnancy: 'no',
  massage_cautions: ['none'],
  massage_reaction: 'fine',
  equipment: ['tennis_ball'],
  floor_ok: 'yes',
};

/** The recorded answers that make `q` the question being asked. */
function pathTo(q: O.Qid): RecordedAnswer[] {
  const sim = oracle.simulate(REACHES_EVERYTHING);
  const index = sim.asked.indexOf(q);
  if (index < 0) throw new Error(`${q} is not reached`);
  return sim.asked.slice(0, index).map((id) => ({ questionId: id, value: REACHES_EVERYTHING[id] as O.Value }));
}

const ALL_VALUES = new Set(O.QUESTION_ORDER.flatMap((q) => P[q].values ?? []));

type Case = { what: string; value: unknown; expect: RegExp | 'lists allowed' | 'states range' };

/** Values every question must reject, whatever its kind. */
const COMMON: Case[] = [
  { what: 'null', value: null, expect: /./ },
  { what: 'undefined (no answer)', value: undefined, expect: /./ },
  { what: 'an empty object', value: {}, expect: /./ },
  { what: 'an object wrapping an answer', value: { value: 'yes' }, expect: /./ },
  { what: 'a boolean', value: true, expect: /./ },
  { what: 'NaN', value: Number.NaN, expect: /./ },
];

function invalidValues(q: O.Qid): Case[] {
  const spec = P[q];
  const values = spec.values ?? [];
  const first = values[0] ?? 'x';
  const fromAnotherQuestion = [...ALL_VALUES].find((v) => !values.includes(v)) ?? 'elsewhere';
  switch (spec.kind) {
    case 'integer':
      return [
        ...COMMON,
        { what: 'one below the minimum', value: (spec.min ?? 0) - 1, expect: 'states range' },
        { what: 'far below the minimum', value: -120, expect: 'states range' },
        { what: 'one above the maximum', value: (spec.max ?? 0) + 1, expect: 'states range' },
        { what: 'far above the maximum', value: 1000, expect: 'states range' },
        { what: 'beyond safe integers', value: 1e20, expect: 'states range' },
        { what: 'a decimal', value: 30.5, expect: /whole number/i },
        { what: 'a small fraction', value: 0.1, expect: /whole number/i },
        { what: 'a number as text', value: '30', expect: /whole number/i },
        { what: 'empty text', value: '', expect: /whole number/i },
        { what: 'Infinity', value: Number.POSITIVE_INFINITY, expect: /./ },
        { what: '-Infinity', value: Number.NEGATIVE_INFINITY, expect: /./ },
        { what: 'a list', value: [30], expect: /whole number/i },
      ];
    case 'consent':
    case 'single':
      return [
        ...COMMON,
        { what: 'empty text', value: '', expect: 'lists allowed' },
        { what: 'an unknown option', value: 'maybe', expect: 'lists allowed' },
        { what: "another question's option", value: fromAnotherQuestion, expect: 'lists allowed' },
        { what: 'an option in capitals', value: first.toUpperCase(), expect: 'lists allowed' },
        { what: 'an option with spaces', value: ` ${first} `, expect: 'lists allowed' },
        { what: 'an option in a list', value: [first], expect: 'lists allowed' },
        { what: 'a number', value: 1, expect: 'lists allowed' },
      ];
    case 'multi': {
      const options = values.filter((v) => v !== 'none');
      const second = options[1] ?? first;
      const cases: Case[] = [
        ...COMMON,
        { what: 'an empty list', value: [], expect: /at least one/i },
        { what: 'a bare option, not in a list', value: first, expect: 'lists allowed' },
        { what: 'the same option twice', value: [first, first], expect: /only once/i },
        { what: 'a repeat among others', value: [first, second, first], expect: /only once/i },
        { what: 'an unknown option', value: ['maybe'], expect: 'lists allowed' },
        { what: 'a known and an unknown option', value: [first, 'maybe'], expect: 'lists allowed' },
        { what: "another question's option", value: [fromAnotherQuestion], expect: 'lists allowed' },
        { what: 'an option in capitals', value: [first.toUpperCase()], expect: 'lists allowed' },
        { what: 'a number in the list', value: [1], expect: 'lists allowed' },
        { what: 'null in the list', value: [null], expect: 'lists allowed' },
        { what: 'an option and a null', value: [first, null], expect: 'lists allowed' },
        { what: 'a nested list', value: [[first]], expect: 'lists allowed' },
        { what: 'an object in the list', value: [{ value: first }], expect: 'lists allowed' },
      ];
      if (values.includes('none')) {
        cases.push(
          { what: '"none" with another option', value: ['none', first], expect: /none of these/i },
          { what: 'another option with "none"', value: [second, 'none'], expect: /none of these/i },
          { what: '"none" twice', value: ['none', 'none'], expect: /only once|none of these/i },
        );
      } else {
        cases.push({ what: '"none", which this question does not offer', value: ['none'], expect: 'lists allowed' });
      }
      return cases;
    }
  }
}

/** A message a person can act on: a plain sentence, no validator jargon, and what to do. */
function expectActionable(q: O.Qid, message: string, rule: Case['expect']) {
  expect(message.trim().length).toBeGreaterThan(10);
  expect(message).toMatch(/[.!]$/);
  expect(message).not.toMatch(/invalid input|expected \w+|received|undefined|NaN|\[object|zod/i);
  const spec = P[q];
  if (rule === 'lists allowed') {
    for (const v of spec.values ?? []) expect(message, `the message should name "${v}"`).toContain(v);
  } else if (rule === 'states range') {
    expect(message).toContain(String(spec.min));
    expect(message).toContain(String(spec.max));
  } else {
    expect(message).toMatch(rule);
  }
}

describe('every question rejects answers outside its schema', () => {
  for (const q of O.QUESTION_ORDER) {
    const cases = invalidValues(q);
    describe(`${q} (${P[q].kind})`, () => {
      it.each(cases)('checkAnswer rejects $what', ({ value, expect: rule }) => {
        const result = checkAnswer(p, q, value);
        expect(result.ok).toBe(false);
        if (!result.ok) expectActionable(q, result.message, rule);
      });

      it.each(cases)('answerNext rejects $what as invalid_answer, without changing the interview', ({ value, expect: rule }) => {
        const before = pathTo(q);
        expect(replay(p, before).question).toBe(q);
        const result = answerNext(p, before, q, value);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('invalid_answer');
        if (result.error.code !== 'invalid_answer') return;
        expect(result.error.questionId).toBe(q);
        const spec = P[q];
        if (spec.kind === 'integer') {
          expect({ min: result.error.min, max: result.error.max }).toEqual({ min: spec.min, max: spec.max });
        } else {
          expect(result.error.allowed).toEqual([...(spec.values ?? [])]);
        }
        expectActionable(q, result.error.message, rule);
        // No error changes the interview: the same question is still being asked.
        expect(replay(p, before).question).toBe(q);
      });

      it('accepts every allowed answer unchanged (the rejections above are not over-broad)', () => {
        const spec = P[q];
        const valid: O.Value[] =
          spec.kind === 'integer'
            ? [spec.min ?? 0, 1, 12, 55, 65, spec.max ?? 0]
            : spec.kind === 'multi'
              ? [...(spec.values ?? []).map((v) => [v]), (spec.values ?? []).filter((v) => v !== 'none')]
              : [...(spec.values ?? [])];
        for (const v of valid) expect(checkAnswer(p, q, v)).toEqual({ ok: true, value: v });
      });
    });
  }

  it('checkAnswer agrees with the protocol on arbitrary values (property)', () => {
    const nearMiss = (q: O.Qid) => {
      const values = [...(P[q].values ?? [])];
      const atoms = fc.oneof(fc.constantFrom(...(values.length > 0 ? values : ['none'])), fc.string(), fc.constant('none'));
      return fc.oneof(
        atoms,
        fc.array(atoms, { maxLength: 7 }),
        fc.integer({ min: -200, max: 300 }),
        fc.double(),
        fc.anything(),
      );
    };
    /** PROTOCOL.md section 2 and API.md "Value by question kind", written out. */
    const protocolAccepts = (q: O.Qid, v: unknown): boolean => {
      const spec = P[q];
      if (spec.kind === 'integer') return Number.isInteger(v) && (v as number) >= (spec.min ?? 0) && (v as number) <= (spec.max ?? 0);
      const values = spec.values ?? [];
      if (spec.kind !== 'multi') return typeof v === 'string' && values.includes(v);
      if (!Array.isArray(v) || v.length === 0) return false;
      if (!v.every((x) => typeof x === 'string' && values.includes(x))) return false;
      if (new Set(v).size !== v.length) return false;
      return !v.includes('none') || v.length === 1;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...O.QUESTION_ORDER).chain((q) => fc.tuple(fc.constant(q), nearMiss(q))),
        ([q, v]) => {
          const result = checkAnswer(p, q, v);
          expect(result.ok, `${q} = ${JSON.stringify(v)}`).toBe(protocolAccepts(q, v));
          if (!result.ok) expect(result.message.trim().length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('answers out of turn', () => {
  const answered = pathTo('pain_severity');

  it('rejects an answer to a question other than the one being asked, and names the current one', () => {
    const current = replay(p, answered).question;
    expect(current).toBe('pain_severity');
    const wrong: [string, unknown][] = [
      ['age_years', 40], // already answered
      ['consent', 'agree'], // the first question, again
      ['pregnancy', 'no'], // a later question
      ['floor_ok', 'yes'], // the last question
      ['pain_severity_', 'mild'], // not a question
      ['', 'mild'],
    ];
    for (const [questionId, value] of wrong) {
      const result = answerNext(p, answered, questionId, value);
      expect(result.ok, questionId).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('not_current_question');
      expect(result.error.message).toContain('pain_severity');
      expect(replay(p, answered).question).toBe('pain_severity');
    }
  });

  it('reports a wrong question before looking at the value', () => {
    const result = answerNext(p, answered, 'pregnancy', { nonsense: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not_current_question');
  });

  it('does not accept an answer to a question whose condition does not hold', () => {
    // No upper back pain: movement_related is skipped; short pain: previously_assessed is skipped; age 60: no pregnancy.
    const path: RecordedAnswer[] = [
      { questionId: 'consent', value: 'agree' },
      { questionId: 'age_years', value: 60 },
      { questionId: 'pain_region', value: ['lower_back'] },
      { questionId: 'emergency_signs', value: ['none'] },
      { questionId: 'nerve_emergency_signs', value: ['none'] },
      { questionId: 'general_signs', value: ['none'] },
      { questionId: 'medical_history', value: ['none'] },
      { questionId: 'blood_thinners', value: 'none' },
      { questionId: 'onset', value: 'gradual' },
      { questionId: 'sensations', value: ['tightness'] },
    ];
    const skipped = answerNext(p, path, 'movement_related', 'yes');
    expect(skipped.ok).toBe(false);
    if (!skipped.ok) expect(skipped.error.code).toBe('not_current_question');
    path.push({ questionId: 'pain_duration', value: 'under_2_weeks' }, { questionId: 'pain_trend', value: 'same' });
    for (const [q, v] of [['previously_assessed', 'no'], ['pregnancy', 'yes']] as const) {
      const result = answerNext(p, path, q, v);
      expect(result.ok, q).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('not_current_question');
    }
  });

  it('does not ask for equipment when the outcome is not self-care', () => {
    const path = pathTo('massage_reaction');
    const result = answerNext(p, path, 'massage_reaction', 'bruising_or_worse');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.status).toBe('complete');
    const equipment = answerNext(p, [...path, result.accepted], 'equipment', ['tennis_ball']);
    expect(equipment.ok).toBe(false);
    if (!equipment.ok) expect(equipment.error.code).toBe('interview_finished');
  });
});

describe('answers after the interview has finished', () => {
  const finished: [string, RecordedAnswer[]][] = [
    ['declined consent', [{ questionId: 'consent', value: 'decline' }]],
    [
      'emergency early exit',
      [
        { questionId: 'consent', value: 'agree' },
        { questionId: 'age_years', value: 50 },
        { questionId: 'pain_region', value: ['upper_back'] },
        { questionId: 'emergency_signs', value: ['chest_pain'] },
      ],
    ],
    [
      'self-care outcome',
      oracle.simulate(REACHES_EVERYTHING).asked.map((id) => ({ questionId: id, value: REACHES_EVERYTHING[id] as O.Value })),
    ],
  ];

  it.each(finished)('after %s, every answer is refused as interview_finished, with a way forward', (_name, path) => {
    const state = replay(p, path);
    expect(state.status).not.toBe('asking');
    for (const [questionId, value] of [
      ['consent', 'agree'],
      ['nerve_emergency_signs', ['none']],
      ['floor_ok', 'yes'],
      ['not_a_question', 1],
      [path[path.length - 1]?.questionId ?? 'consent', path[path.length - 1]?.value],
    ] as [string, unknown][]) {
      const result = answerNext(p, path, questionId, value);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('interview_finished');
      // The patient is told how to go on: change an answer.
      expect(result.error.message).toMatch(/revise|change/i);
    }
    expect(replay(p, path)).toEqual(state);
  });
});
