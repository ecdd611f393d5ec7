import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCaseBank } from '@/lib/interview/case-bank';
import { checkCase, parseCaseFile, type CaseResult, type ClinicalCase } from '@/lib/interview/play';
import { protocolFor, VERSIONS } from '@/lib/protocol/versions';
import type { QuestionId } from '@/lib/protocol/types';
import { planViolations } from '../support/plan-limits';
import { ORACLES } from '../support/protocol-oracle';

/**
 * The clinical case banks (tests/cases/<version>/*.json), one per protocol version, each inheriting the cases of the
 * version it was derived from unless it replaces them: every case must pass under its version, agree with the
 * independent oracle of that version, and together the cases must exercise every rule, every age boundary and every
 * conditional question both ways, so a gap in a bank fails here rather than hiding.
 */

const bank = loadCaseBank(fileURLToPath(new URL('../cases/', import.meta.url)));

it('every case file is valid', () => {
  expect(bank.ok ? '' : bank.error).toBe('');
});

const banks = bank.ok ? bank.value : [];

it('has a case bank for every supported version', () => {
  expect(banks.map((b) => b.version)).toEqual(VERSIONS.map((v) => v.id));
});

describe.each(banks.map((b) => [b.version, b] as const))('the %s case bank', (version, { cases }) => {
  const protocol = protocolFor(version);
  const oracle = ORACLES[version]!;
  // Checked once and shared: the coverage assertions read the same results the per-case tests assert on.
  const results = new Map<string, CaseResult>(cases.map((c) => [c.id, checkCase(c)]));

  it.each(cases.map((c) => [`${c.file}: ${c.id}`, c] as const))('%s', (_, c) => {
    const r = results.get(c.id)!;
    expect(r.problems, `${c.id}: expected ${r.expected}, got ${r.actual}`).toEqual([]);
    expect(r.pass).toBe(true);
  });

  it('agrees, case by case, with the independent reading of the protocol, plans within the hard limits', () => {
    const disagreements: string[] = [];
    for (const c of cases) {
      const r = results.get(c.id)!.result;
      if ('error' in r) continue;
      const sim = oracle.simulate(c.answers);
      const engine = { asked: r.asked, status: r.status, ...(r.status === 'complete' ? { disposition: r.outcome.disposition, rules: r.outcome.rules, gate: r.outcome.gate, gateRules: r.outcome.gateRules } : {}) };
      const expected = { asked: sim.asked, status: sim.status, ...(sim.status === 'complete' ? { disposition: sim.disposition, rules: sim.rules, gate: sim.gate, gateRules: sim.gateRules } : {}) };
      if (JSON.stringify(engine) !== JSON.stringify(expected)) disagreements.push(`${c.id}: engine ${JSON.stringify(engine)}; oracle ${JSON.stringify(expected)}`);
      if (r.status === 'complete' && r.outcome.disposition === 'self_care') {
        const gate = r.outcome.gate === 'gentle' ? 'gentle' : 'standard';
        const equipment = (c.answers.equipment as string[] | undefined) ?? [];
        const regions = (c.answers.pain_region as string[] | undefined) ?? [];
        for (const v of planViolations(r.outcome.plan, { gate, equipment, floorOk: c.answers.floor_ok === 'yes', regions, version })) {
          disagreements.push(`${c.id}: ${v}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  describe('coverage', () => {
    const outcomes = [...results.values()].flatMap((r) => ('outcome' in r.result ? [r.result.outcome] : []));
    const asked = (c: ClinicalCase) => {
      const r = results.get(c.id)!.result;
      return 'error' in r ? [] : r.asked;
    };

    it('fires every disposition rule and every gate rule of the version somewhere', () => {
      const fired = new Set(outcomes.flatMap((o) => [...o.rules, ...o.gateRules]));
      const missing = protocol.rules.map((r) => r.id).filter((id) => !fired.has(id));
      expect(missing).toEqual([]);
      expect(protocol.rules.length).toBeGreaterThanOrEqual(34);
    });

    it('reaches every disposition, every gate and a declined consent', () => {
      expect(new Set(outcomes.map((o) => o.disposition))).toEqual(
        new Set(['emergency_ambulance', 'emergency', 'consultation_24', 'consultation', 'self_care']),
      );
      expect(new Set(outcomes.map((o) => o.gate))).toEqual(new Set(['none', 'gentle', 'standard']));
      expect([...results.values()].some((r) => 'status' in r.result && r.result.status === 'declined')).toBe(true);
    });

    it('covers each age boundary on both sides', () => {
      const ages = new Set(cases.map((c) => c.answers.age_years));
      for (const age of [15, 16, 11, 12, 55, 56, 64, 65, 69, 70]) expect(ages, `age ${age}`).toContain(age);
    });

    it('has each conditional question both asked and skipped', () => {
      const conditional: QuestionId[] = ['movement_related', 'previously_assessed', 'pregnancy', 'equipment', 'floor_ok'];
      for (const q of conditional) {
        // Skipped while the map answers it: proof that the answer really is ignored, not merely absent.
        const skippedWithAnswer = cases.some((c) => c.answers[q] !== undefined && !asked(c).includes(q));
        const askedSomewhere = cases.some((c) => asked(c).includes(q));
        expect({ q, skippedWithAnswer, askedSomewhere }).toEqual({ q, skippedWithAnswer: true, askedSomewhere: true });
      }
    });
  });
});

describe('checkCase', () => {
  const base = banks[0]!.cases.find((c) => c.id === 'self-care-baseline')!;

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
    const parsed = parseCaseFile(one, 'one.json', 'bp-1');
    expect(parsed.ok && parsed.value.map((c) => c.id)).toEqual(['one']);
  });

  it.each([
    ['not JSON', '[{', /not valid JSON/],
    ['an empty array', '[]', /holds no cases/],
    ['an unknown question id', '[{"id":"a","answers":{"agee":40},"expect":{"disposition":"self_care"}}]', /Unknown question id "agee"/],
    ['a value outside the question', '[{"id":"a","answers":{"age_years":200},"expect":{"disposition":"self_care"}}]', /age_years/],
    ['an unknown disposition', '[{"id":"a","answers":{},"expect":{"disposition":"urgent"}}]', /expect\.disposition/],
    ['a short rule id', '[{"id":"a","answers":{},"expect":{"disposition":"emergency","rules":["R05"]}}]', /no disposition rule "R05"/],
    ['a rule of a later version', '[{"id":"a","answers":{},"expect":{"disposition":"consultation_24","rules":["R31_sudden_severe_onset"]}}]', /bp-1 has no disposition rule "R31_sudden_severe_onset"/],
    ['an unknown version', '[{"id":"a","protocolVersion":"bp-9","answers":{},"expect":{"disposition":"emergency"}}]', /"protocolVersion" must be one of bp-1, bp-2/],
    ['no disposition', '[{"id":"a","answers":{},"expect":{}}]', /Expect a "disposition"/],
    ['a missing id', '[{"answers":{},"expect":{"disposition":"emergency"}}]', /"id"/],
    ['a repeated id', '[{"id":"a","answers":{},"expect":{"disposition":"emergency"}},{"id":"a","answers":{},"expect":{"disposition":"emergency"}}]', /repeated: a/],
  ])('rejects %s with a readable message', (_what, text, message) => {
    const parsed = parseCaseFile(text, 'bad.json', 'bp-1');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
    expect(parsed.ok ? '' : parsed.error).toMatch(/^bad\.json/);
  });
});
