import { describe, expect, it } from 'vitest';
import { VERSIONS } from '../lib/protocol/versions';
import { guardNames, machineFor } from './triage';

/**
 * Guard names come from the protocol data, so TypeScript cannot check them, and XState would only throw once a
 * transition that names a missing one runs: every guard the generated machine names must be implemented.
 */
describe.each(VERSIONS.map((p) => [p.id, p] as const))('the generated %s machine', (_, p) => {
  const machine = machineFor(p);
  const implemented = Object.keys(machine.implementations.guards);

  it('implements every guard it names, including those inside and()', () => {
    const named = guardNames(machine);
    expect(named.length).toBeGreaterThan(p.content.rules.length);
    expect(named.filter((g) => !implemented.includes(g))).toEqual([]);
  });

  it('has one guard per rule, named by its id, and one per conditional question', () => {
    for (const r of [...p.content.rules, ...p.content.gateRules]) expect(implemented).toContain(r.id);
    for (const q of p.content.questions.filter((x) => x.askedWhen)) expect(implemented).toContain(`asks_${q.id}`);
    // Every disposition rule is consulted by the decision; the emergency ones by the early exit as well.
    const named = guardNames(machine);
    for (const r of p.content.rules) expect(named).toContain(r.id);
  });

  it('has one state per question, in the version\u2019s order', () => {
    const states = Object.keys(machine.root.states.interview!.states).filter((s) => s !== 'emergencyExit' && s !== 'decide');
    expect(states).toEqual([...p.questionIds]);
  });
});
