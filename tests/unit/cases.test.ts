import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCase, duplicateIds, parseCaseFile, type CaseResult, type ClinicalCase } from '@/lib/interview/play';
import { ALL_RULES } from '@/lib/protocol/rules';
import type { QuestionId } from '@/lib/protocol/types';

/**
 * The clinical case bank (tests/cases/*.json): every case must pass, and together the cases must exercise every rule,
 * every age boundary and every conditional question both ways, so a gap in the bank fails here rather than hiding.
 */

const CASES_DIR = fileURLToPath(new URL('../cases/', import.meta.url));
const files = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

const loaded = files.map((file) => ({ file, parsed: parseCaseFile(readFileSync(CASES_DIR + file, 'utf8'), file) }));
const allCases: ClinicalCase[] = loaded.flatMap(({ parsed }) => (parsed.ok ? parsed.value : []));

// Checked once and shared: the coverage assertions read the same results the per-case tests assert on.
const results = new Map<string, CaseResult>(allCases.map((c) => [c.id, checkCase(c)]));

describe('clinical case bank', () => {
  it('has case files', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const { file, parsed } of loaded) {
    describe(file, () => {
      it('is a valid case file', () => {
        expect(parsed.ok ? '' : parsed.error).toBe('');
      });
      for (const c of parsed.ok ? parsed.value : []) {
        it(c.id, () => {
          const r = results.get(c.id)!;
          expect(r.problems, `${c.id}: expected ${r.expected}, got ${r.actual}`).toEqual([]);
          expect(r.pass).toBe(true);
        });
      }
    });
  }

  it('uses each case id once across all files', () => {
    expect(duplicateIds(allCases)).toEqual([]);
  });
});

describe('case bank coverage', () => {
  const outcomes = [...results.values()].flatMap((r) => ('outcome' in r.result ? [r.result.outcome] : []));
  const asked = (c: ClinicalCase) => {
    const r = results.get(c.id)!.result;
    return 'error' in r ? [] : r.asked;
  };

  it('fires every disposition rule and every gate rule somewhere', () => {
    const fired = new Set(outcomes.flatMap((o) => [...o.rules, ...o.gateRules]));
    const missing = ALL_RULES.map((r) => r.id).filter((id) => !fired.has(id));
    expect(missing).toEqual([]);
    // The protocol has R01-R30 and G1-G4; a rule list that shrank would make the check above vacuous.
    expect(ALL_RULES).toHaveLength(34);
  });

  it('reaches every disposition, every gate and a declined consent', () => {
    expect(new Set(outcomes.map((o) => o.disposition))).toEqual(
      new Set(['emergency_ambulance', 'emergency', 'consultation_24', 'consultation', 'self_care']),
    );
    expect(new Set(outcomes.map((o) => o.gate))).toEqual(new Set(['none', 'gentle', 'standard']));
    expect([...results.values()].some((r) => 'status' in r.result && r.result.status === 'declined')).toBe(true);
  });

  it('covers each age boundary on both sides', () => {
    const ages = new Set(allCases.map((c) => c.answers.age_years));
    for (const age of [15, 16, 11, 12, 55, 56, 64, 65, 69, 70]) expect(ages, `age ${age}`).toContain(age);
  });

  it('has each conditional question both asked and skipped', () => {
    const conditional: QuestionId[] = ['movement_related', 'previously_assessed', 'pregnancy', 'equipment', 'floor_ok'];
    for (const q of conditional) {
      // Skipped while the map answers it: proof that the answer really is ignored, not merely absent.
      const skippedWithAnswer = allCases.some((c) => c.answers[q] !== undefined && !asked(c).includes(q));
      const askedSomewhere = allCases.some((c) => asked(c).includes(q));
      expect({ q, skippedWithAnswer, askedSomewhere }).toEqual({ q, skippedWithAnswer: true, askedSomewhere: true });
    }
  });
});

describe('checkCase', () => {
  const base = allCases.find((c) => c.id === 'self-care-baseline')!;

  it('fails a case whose expectation is wrong, and says why', () => {
    const wrong: ClinicalCase = { ...base, id: 'wrong', expect: { ...base.expect, disposition: 'consultation', gate: 'none' } };
    const r = checkCase(wrong);
    expect(r.pass).toBe(false);
    expect(r.actual).toBe('self_care / standard');
    expect(r.problems.join('\n')).toMatch(/disposition: expected consultation, got self_care/);
  });

  it('fails on an unexpected or missing rule even when the disposition matches', () => {
    const r = checkCase({ ...base, id: 'rules', expect: { ...base.expect, rules: ['R30_no_flags', 'R23_worsening'] } });
    expect(r.pass).toBe(false);
    expect(r.problems.join('\n')).toMatch(/missing R23_worsening/);
  });

  it('fails when a question expected to be skipped is asked', () => {
    const r = checkCase({ ...base, id: 'asked', expect: { ...base.expect, notAsked: ['pregnancy'] } });
    expect(r.pass).toBe(false);
  });

  it('fails, without throwing, when the answers lack a question that gets asked', () => {
    const { pain_trend: _dropped, ...answers } = base.answers;
    const r = checkCase({ ...base, id: 'short', answers });
    expect(r.pass).toBe(false);
    expect(r.actual).toBe('error');
    expect(r.problems.join('\n')).toMatch(/pain_trend/);
  });
});

describe('parseCaseFile', () => {
  it('accepts a single case object as well as an array', () => {
    const one = JSON.stringify({ id: 'one', answers: { consent: 'decline' }, expect: { status: 'declined' } });
    const parsed = parseCaseFile(one, 'one.json');
    expect(parsed.ok && parsed.value.map((c) => c.id)).toEqual(['one']);
  });

  it.each([
    ['not JSON', '[{', /not valid JSON/],
    ['an empty array', '[]', /holds no cases/],
    ['an unknown question id', '[{"id":"a","answers":{"agee":40},"expect":{"disposition":"self_care"}}]', /Unknown question id "agee"/],
    ['a value outside the question', '[{"id":"a","answers":{"age_years":200},"expect":{"disposition":"self_care"}}]', /age_years/],
    ['an unknown disposition', '[{"id":"a","answers":{},"expect":{"disposition":"urgent"}}]', /expect\.disposition/],
    ['a short rule id', '[{"id":"a","answers":{},"expect":{"disposition":"emergency","rules":["R05"]}}]', /Unknown disposition rule "R05"/],
    ['no disposition', '[{"id":"a","answers":{},"expect":{}}]', /Expect a "disposition"/],
    ['a missing id', '[{"answers":{},"expect":{"disposition":"emergency"}}]', /"id"/],
    ['a repeated id', '[{"id":"a","answers":{},"expect":{"disposition":"emergency"}},{"id":"a","answers":{},"expect":{"disposition":"emergency"}}]', /repeated: a/],
  ])('rejects %s with a readable message', (_what, text, message) => {
    const parsed = parseCaseFile(text, 'bad.json');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
    expect(parsed.ok ? '' : parsed.error).toMatch(/^bad\.json/);
  });
});
