import { describe, expect, it } from 'vitest';
import type { Cond } from './conditions';
import { defineProtocol } from './define';
import { derive, ruleDifferences } from './derive';
import type { DispositionRule, ProtocolContent } from './model';
import { protocolFor } from './versions';

const bp1 = protocolFor('bp-1');
const bp2 = protocolFor('bp-2');
const content = (): ProtocolContent => structuredClone(bp1.content) as ProtocolContent;
const load = (c: ProtocolContent) => () => defineProtocol({ id: 'test', title: 'test', released: '2026-01-01', content: c });
const withRule = (c: ProtocolContent, index: number, rule: Partial<DispositionRule>) => {
  const rules = [...c.rules];
  rules[index] = { ...rules[index]!, ...rule };
  return { ...c, rules };
};

describe('loading a version refuses what would fail quietly later', () => {
  it.each<[string, (c: ProtocolContent) => ProtocolContent, RegExp]>([
    ['an unknown question in a condition', (c) => withRule(c, 0, { when: { has: 'emergency_sign' as never, anyOf: ['chest_pain'] } }), /unknown question emergency_sign/],
    ['a value the question does not have', (c) => withRule(c, 0, { when: { has: 'emergency_signs', anyOf: ['chest_pains'] } }), /emergency_signs has no answer chest_pains/],
    ['a condition of the wrong kind', (c) => withRule(c, 0, { when: { is: 'emergency_signs', anyOf: ['chest_pain'] } }), /emergency_signs is a multi question/],
    ['a malformed condition', (c) => withRule(c, 0, { when: { all: [{ has: 'emergency_signs', anyOf: ['chest_pain'] }] } as Cond }), /not a condition/],
    ['a rule id used twice', (c) => withRule(c, 1, { id: 'R01_chest_pain' }), /R01_chest_pain is defined twice/],
    ['a rule id of the wrong form', (c) => withRule(c, 1, { id: 'chest' }), /rule id chest/],
    ['a table out of urgency order', (c) => withRule(c, 10, { disposition: 'emergency_ambulance' }), /more urgent than/],
    ['an unknown source', (c) => withRule(c, 0, { sources: ['nice_ng999'] }), /unknown source nice_ng999/],
    [
      'a question asked before what it depends on',
      (c) => ({ ...c, questions: c.questions.map((q) => (q.id === 'movement_related' ? { ...q, askedWhen: { is: 'pain_trend', anyOf: ['worse'] } as Cond } : q)) }),
      /movement_related reads pain_trend, which is not asked before it/,
    ],
    ['a rule that reads a self-care-only question', (c) => withRule(c, 0, { when: { has: 'equipment', anyOf: ['foam_roller'] } }), /asked only after the outcome is known/],
  ])('%s', (_, change, message) => {
    expect(load(change(content()))).toThrow(message);
  });

  it('loads the released versions, frozen', () => {
    expect(Object.isFrozen(bp1.content.rules[0])).toBe(true);
    expect(() => {
      (bp1.content.rules as DispositionRule[]).push(bp1.content.rules[0]!);
    }).toThrow();
  });
});

describe('deriving a version', () => {
  const r31 = bp2.content.rules.find((r) => r.id === 'R31_sudden_severe_onset')!;
  const next = { id: 'bp-x', title: 'x', released: '2026-01-01' };

  it('never touches its base', () => {
    expect(bp1.rule('R31_sudden_severe_onset')).toBeUndefined();
    expect(bp1.rule('R10_cancer_with_neuro')?.condition).not.toContain('burning');
    expect(bp2.basedOn).toBe('bp-1');
  });

  it.each<[string, Parameters<typeof derive>[2], RegExp]>([
    ['no change at all', [], /changes nothing/],
    ['a change without a reason', [{ op: 'addRule', after: 'R19_clot', rule: r31, why: ' ' }], /gives no reason/],
    ['an unknown target', [{ op: 'changeRule', rule: 'R99_nothing', when: { is: 'onset', anyOf: ['gradual'] }, why: 'x' }], /no disposition rule R99_nothing/],
    ['a rule that exists already', [{ op: 'addRule', after: 'R19_clot', rule: { ...r31, id: 'R18_severe_pain' }, why: 'x' }], /exists already/],
    ['a change that changes nothing', [{ op: 'changeRule', rule: 'R18_severe_pain', when: { is: 'pain_severity', anyOf: ['severe'] }, why: 'x' }], /changes nothing/],
    ['a line that already says that', [{ op: 'changeStopRule', id: 'nerve', text: bp1.content.plan.stopRules[0]!.text, why: 'x' }], /already says that/],
    ['an unknown line', [{ op: 'changeSafetyNet', id: 'nothing', text: 'x', why: 'x' }], /no line nothing/],
  ])('throws on %s', (_, changes, message) => {
    expect(() => derive(bp1, next, changes)).toThrow(message);
  });

  it('tells what changed between two versions, rule by rule', () => {
    const d = ruleDifferences(bp1, bp2);
    expect(d.added.map((r) => r.id)).toEqual(['R31_sudden_severe_onset']);
    expect(d.removed).toEqual([]);
    expect(d.changed.map((c) => c.after.id)).toEqual(['R10_cancer_with_neuro', 'R30_no_flags']);
  });
});
