import { and, assign, setup, type SnapshotFrom } from 'xstate';
import { askedWhen } from '../lib/protocol/questions';
import { DISPOSITION_RULES, type DispositionRule, type DispositionRuleId } from '../lib/protocol/rules';
import type { Answers, AnswerValue, Disposition, QuestionId } from '../lib/protocol/types';

/**
 * The statechart of protocol bp-1 (PROTOCOL.md). One state per question, in protocol order; one guard per rule,
 * named after its id, reading the rule's condition from lib/protocol/rules.ts. Pure: no I/O.
 *
 * Answers are validated before they reach the machine (lib/protocol/answer-schema.ts); the machine only accepts an
 * answer to the question it is asking.
 */

export interface TriageContext {
  answers: Answers;
}

export type TriageEvent = { type: 'ANSWER'; questionId: QuestionId; value: AnswerValue };

type GuardArgs = { context: TriageContext; event: TriageEvent };
const ruleGuard = (rule: DispositionRule) => ({ context }: GuardArgs) => rule.when(context.answers);
const ruleGuards = Object.fromEntries(DISPOSITION_RULES.map((r) => [r.id, ruleGuard(r)])) as Record<
  DispositionRuleId,
  ReturnType<typeof ruleGuard>
>;

/** A question state: accept an answer to this question only, record it, go on to `next`. */
const ask = (questionId: QuestionId, next: string) => ({
  on: {
    ANSWER: {
      guard: { type: 'isAnswerTo' as const, params: { questionId } },
      actions: 'recordAnswer' as const,
      target: next,
    },
  },
});

type AskCondition = 'asksMovementRelated' | 'asksPreviouslyAssessed' | 'asksPregnancy';

/**
 * A question state followed by a conditional question: go to `conditional` when its condition holds, else to
 * `otherwise`. Conditions read only earlier answers (PROTOCOL.md section 2), so they can be checked on this transition.
 */
const askBefore = (questionId: QuestionId, condition: AskCondition, conditional: QuestionId, otherwise: string) => ({
  on: {
    ANSWER: [
      {
        guard: and([{ type: 'isAnswerTo' as const, params: { questionId } }, condition]),
        actions: 'recordAnswer' as const,
        target: conditional,
      },
      {
        guard: { type: 'isAnswerTo' as const, params: { questionId } },
        actions: 'recordAnswer' as const,
        target: otherwise,
      },
    ],
  },
});

/** Transitions to the final state of each rule's disposition, in table order (most urgent first). */
const toDisposition = (rules: readonly (DispositionRule & { id: DispositionRuleId })[]) =>
  rules.map((r) => ({ guard: r.id, target: `#triage.${r.disposition}` }));

const EARLY_EXIT_RULES = DISPOSITION_RULES.filter(
  (r) => r.disposition === 'emergency_ambulance' || r.disposition === 'emergency',
);

export const triageMachine = setup({
  types: {
    context: {} as TriageContext,
    events: {} as TriageEvent,
  },
  guards: {
    ...ruleGuards,
    isAnswerTo: ({ event }, params: { questionId: QuestionId }) => event.questionId === params.questionId,
    declinesConsent: ({ event }) => event.value === 'decline',
    // One check per answer for the early exit; the named rule guards then pick the disposition in emergencyExit.
    anyEmergencyRuleFires: ({ context }) => EARLY_EXIT_RULES.some((r) => r.when(context.answers)),
    asksMovementRelated: ({ context }) => askedWhen.movement_related(context.answers),
    asksPreviouslyAssessed: ({ context }) => askedWhen.previously_assessed(context.answers),
    asksPregnancy: ({ context }) => askedWhen.pregnancy(context.answers),
  },
  actions: {
    recordAnswer: assign({
      answers: ({ context, event }) => ({ ...context.answers, [event.questionId]: event.value }),
    }),
  },
}).createMachine({
  id: 'triage',
  context: { answers: {} },
  initial: 'interview',
  states: {
    interview: {
      // Early exit: any answer that makes the outcome an emergency ends the interview at once.
      always: { guard: 'anyEmergencyRuleFires', target: '.emergencyExit' },
      initial: 'consent',
      states: {
        consent: {
          on: {
            ANSWER: [
              {
                guard: and([{ type: 'isAnswerTo', params: { questionId: 'consent' as const } }, 'declinesConsent']),
                actions: 'recordAnswer',
                target: '#triage.declined',
              },
              {
                guard: { type: 'isAnswerTo', params: { questionId: 'consent' } },
                actions: 'recordAnswer',
                target: 'age_years',
              },
            ],
          },
        },
        age_years: ask('age_years', 'pain_region'),
        pain_region: ask('pain_region', 'emergency_signs'),
        emergency_signs: ask('emergency_signs', 'nerve_emergency_signs'),
        nerve_emergency_signs: ask('nerve_emergency_signs', 'general_signs'),
        general_signs: ask('general_signs', 'medical_history'),
        medical_history: ask('medical_history', 'blood_thinners'),
        blood_thinners: ask('blood_thinners', 'onset'),
        onset: ask('onset', 'sensations'),
        sensations: askBefore('sensations', 'asksMovementRelated', 'movement_related', 'pain_duration'),
        movement_related: ask('movement_related', 'pain_duration'),
        pain_duration: ask('pain_duration', 'pain_trend'),
        pain_trend: askBefore('pain_trend', 'asksPreviouslyAssessed', 'previously_assessed', 'pain_severity'),
        previously_assessed: ask('previously_assessed', 'pain_severity'),
        pain_severity: askBefore('pain_severity', 'asksPregnancy', 'pregnancy', 'massage_cautions'),
        pregnancy: ask('pregnancy', 'massage_cautions'),
        massage_cautions: ask('massage_cautions', 'massage_reaction'),
        massage_reaction: ask('massage_reaction', 'decide'),
        emergencyExit: {
          always: toDisposition(EARLY_EXIT_RULES),
        },
        // After question 17 every rule has been asked about: apply the whole table, most urgent first.
        decide: {
          always: [...toDisposition(DISPOSITION_RULES), { target: 'equipment' }],
        },
        equipment: ask('equipment', 'floor_ok'),
        floor_ok: ask('floor_ok', '#triage.self_care'),
      },
    },
    declined: { type: 'final' },
    emergency_ambulance: { type: 'final' },
    emergency: { type: 'final' },
    consultation_24: { type: 'final' },
    consultation: { type: 'final' },
    self_care: { type: 'final' },
  },
});

export type TriageSnapshot = SnapshotFrom<typeof triageMachine>;

/** The question the machine is asking, or undefined once it has finished. */
export function currentQuestion(snapshot: TriageSnapshot): QuestionId | undefined {
  const value = snapshot.value;
  if (typeof value === 'object' && 'interview' in value) return value.interview as QuestionId;
  return undefined;
}

/** The disposition a finished machine reached, or undefined (still asking, or declined). */
export function finalDisposition(snapshot: TriageSnapshot): Disposition | undefined {
  if (snapshot.status !== 'done' || snapshot.value === 'declined') return undefined;
  return snapshot.value as Disposition;
}
