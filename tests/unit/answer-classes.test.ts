import { describe, expect, it } from 'vitest';
import { VERSIONS } from '@/lib/protocol/versions';
import { answerSets } from '../golden/answer-sets';
import { answerClasses } from '../support/answer-classes';
import { ORACLES } from '../support/protocol-oracle';

/**
 * The answer classes the exhaustive proof branches on are derived from the engine's own conditions, so they must be
 * shown sound against the independent reading of the protocol: within a class, every member must give exactly the
 * same interview (questions asked, outcome, rules, gate) in every context, or the proof could skip a path that
 * behaves differently.
 */
const CONTEXTS = answerSets(7_001, 300);
/** What the plan builder reads is not a condition; phase C of the proof covers it answer by answer. */
const PLAN_INPUTS = new Set(['pain_region', 'equipment', 'floor_ok']);

describe.each(VERSIONS.map((p) => [p.id, p] as const))('the answer classes of %s', (id, protocol) => {
  const oracle = ORACLES[id]!;
  const classes = answerClasses(protocol);

  it('cover every answer of every question exactly once', () => {
    for (const q of protocol.content.questions) {
      const members = classes[q.id].flat().map((v) => JSON.stringify(v));
      expect(new Set(members).size, q.id).toBe(members.length);
      if (q.kind !== 'multi' && q.kind !== 'integer') expect(members.sort(), q.id).toEqual((q.options ?? []).map((o) => JSON.stringify(o.value)).sort());
      if (q.kind === 'integer') expect(members.length, q.id).toBe(q.max! - q.min! + 1);
    }
  });

  it.each(protocol.content.questions.filter((q) => !PLAN_INPUTS.has(q.id)).map((q) => [q.id] as const))(
    'are sound for %s: swapping members of a class never changes the interview',
    (q) => {
      let reached = 0;
      for (const members of classes[q]) {
        const tried = members.length > 8 ? [...members.slice(0, 4), ...members.slice(-4)] : members;
        for (const context of CONTEXTS) {
          const results = tried.map((value) => {
            const sim = oracle.simulate({ ...context, [q]: value });
            return JSON.stringify({ asked: sim.asked, status: sim.status, disposition: sim.disposition, rules: sim.rules, gate: sim.gate, gateRules: sim.gateRules });
          });
          if (results[0]!.includes(`"${q}"`)) reached++;
          expect(new Set(results).size, `${q}: ${JSON.stringify(tried)} in ${JSON.stringify(context)}`).toBe(1);
        }
      }
      // Not vacuous: the question was really reached in many contexts.
      expect(reached).toBeGreaterThan(20);
    },
  );

  it('tell apart what the protocol tells apart (a class is never merged across a rule)', () => {
    // bp-2 reads burning with cancer (R10); bp-1 does not: the derivation must follow each version's own rules.
    const burning = classes.sensations.findIndex((c) => c.some((v) => JSON.stringify(v) === '["burning"]'));
    const tingling = classes.sensations.findIndex((c) => c.some((v) => JSON.stringify(v) === '["tingling"]'));
    expect(burning === tingling).toBe(id !== 'bp-1');
    expect(classes.age_years.map((c) => c[0])).toEqual([0, 12, 16, 56, 65, 70]);
  });
});
