import { and, assign, setup, type SnapshotFrom } from 'xstate';
import { compile } from '../lib/protocol/conditions';
import type { Protocol } from '../lib/protocol/define';
import type { Answers, AnswerValue, Disposition, QuestionId } from '../lib/protocol/types';

/**
 * The statechart of a protocol version, generated from its data: one state per question in the version's order, one
 * named guard per rule (named by its id) and per conditional question (`asks_<id>`), one early exit, and a `decide`
 * state that applies the rule table most urgent first before the self-care-only questions. Pure: no I/O.
 *
 * Answers are validated before they reach the machine (lib/protocol/answer-schema.ts); the machine only accepts an
 * answer to the question it is asking.
 */

export interface TriageContext {
  answers: Answers;
}

export type TriageEvent = { type: 'ANSWER'; questionId: QuestionId; value: AnswerValue };

type GuardArgs = { context: TriageContext; event: TriageEvent };
type Guard = (args: GuardArgs) => boolean;

/** The guard name for "this conditional question is asked". */
export const asksGuard = (id: QuestionId) => `asks_${id}`;

function guardsFor(p: Protocol): Record<string, Guard> {
  const guards: Record<string, Guard> = {};
  for (const r of [...p.content.rules, ...p.content.gateRules]) {
    const fires = compile(r.when);
    guards[r.id] = ({ context }) => fires(context.answers);
  }
  for (const q of p.content.questions) {
    if (!q.askedWhen) continue;
    const asks = compile(q.askedWhen);
    guards[asksGuard(q.id)] = ({ context }) => asks(context.answers);
  }
  const exits = p.earlyExitRules.map((r) => compile(r.when));
  // One check per answer for the early exit; the named rule guards then pick the disposition in emergencyExit.
  guards.anyEmergencyRuleFires = ({ context }) => exits.some((fires) => fires(context.answers));
  return guards;
}

/**
 * The transition out of a question: to the next question whose "asked when" holds, tried in order; a conditional
 * question reads only earlier answers (checked when the version is loaded), so the choice is made on this answer.
 */
function answerTransition(questionId: QuestionId, following: readonly { id: string; askedWhen: boolean }[]) {
  const isAnswer = { type: 'isAnswerTo' as const, params: { questionId } };
  const branches: { guard: unknown; actions: 'recordAnswer'; target: string }[] = [];
  for (const next of following) {
    branches.push({ guard: next.askedWhen ? and([isAnswer, asksGuard(next.id as QuestionId)]) : isAnswer, actions: 'recordAnswer', target: next.id });
    if (!next.askedWhen) break;
  }
  return { on: { ANSWER: branches.length === 1 ? branches[0]! : branches } };
}

function configFor(p: Protocol) {
  const questions = p.content.questions;
  const interviewQuestions = questions.filter((q) => !q.selfCareOnly);
  const selfCareQuestions = questions.filter((q) => q.selfCareOnly);
  const toDisposition = (rules: readonly { id: string; disposition: Disposition }[]) =>
    rules.map((r) => ({ guard: r.id, target: `#triage.${r.disposition}` }));
  const afterLast = (list: typeof questions, i: number, end: string) =>
    [...list.slice(i + 1).map((q) => ({ id: q.id, askedWhen: Boolean(q.askedWhen) })), { id: end, askedWhen: false }];

  const states: Record<string, unknown> = {};
  interviewQuestions.forEach((q, i) => {
    const next = answerTransition(q.id, afterLast(interviewQuestions, i, 'decide'));
    states[q.id] =
      q.kind === 'consent'
        ? {
            on: {
              ANSWER: [
                {
                  guard: and([{ type: 'isAnswerTo', params: { questionId: q.id } }, 'declinesConsent']),
                  actions: 'recordAnswer',
                  target: '#triage.declined',
                },
                ...[next.on.ANSWER].flat(),
              ],
            },
          }
        : next;
  });
  states.emergencyExit = { always: toDisposition(p.earlyExitRules) };
  // After the last interview question every rule has been asked about: apply the whole table, most urgent first.
  states.decide = { always: [...toDisposition(p.content.rules), { target: selfCareQuestions[0]?.id ?? '#triage.self_care' }] };
  selfCareQuestions.forEach((q, i) => {
    states[q.id] = answerTransition(q.id, afterLast(selfCareQuestions, i, '#triage.self_care'));
  });

  return {
    id: 'triage',
    context: { answers: {} },
    initial: 'interview',
    states: {
      interview: {
        // Early exit: any answer that makes the outcome an emergency ends the interview at once.
        always: { guard: 'anyEmergencyRuleFires', target: '.emergencyExit' },
        initial: questions[0]!.id,
        states,
      },
      declined: { type: 'final' },
      emergency_ambulance: { type: 'final' },
      emergency: { type: 'final' },
      consultation_24: { type: 'final' },
      consultation: { type: 'final' },
      self_care: { type: 'final' },
    },
  };
}

/** The machine of a protocol version. Build it once per version (machineFor caches it). */
export function createTriageMachine(p: Protocol) {
  return setup({
    types: { context: {} as TriageContext, events: {} as TriageEvent },
    guards: {
      ...guardsFor(p),
      isAnswerTo: ({ event }: GuardArgs, params: { questionId: QuestionId }) => event.questionId === params.questionId,
      declinesConsent: ({ event }: GuardArgs) => event.value === 'decline',
    },
    actions: {
      recordAnswer: assign({
        answers: ({ context, event }: GuardArgs) => ({ ...context.answers, [event.questionId]: event.value }),
      }),
    },
  }).createMachine(configFor(p) as never);
}

export type TriageMachine = ReturnType<typeof createTriageMachine>;
export type TriageSnapshot = SnapshotFrom<TriageMachine>;

const machines = new WeakMap<Protocol, TriageMachine>();

export function machineFor(p: Protocol): TriageMachine {
  let machine = machines.get(p);
  if (!machine) {
    machine = createTriageMachine(p);
    machines.set(p, machine);
  }
  return machine;
}

/** Every guard name the machine's transitions use, including those inside `and()`: each must be implemented. */
export function guardNames(machine: TriageMachine): string[] {
  const names = new Set<string>();
  const visit = (guard: unknown): void => {
    if (!guard) return;
    if (typeof guard === 'string') names.add(guard);
    else if (typeof guard === 'object' && 'type' in (guard as object)) names.add((guard as { type: string }).type);
    else if (typeof guard === 'function' && 'guards' in guard) ((guard as { guards: unknown[] }).guards ?? []).forEach(visit);
  };
  const walk = (node: { transitions: Map<string, { guard?: unknown }[]>; always?: { guard?: unknown }[]; states: Record<string, unknown> }) => {
    for (const list of node.transitions.values()) list.forEach((t) => visit(t.guard));
    (node.always ?? []).forEach((t) => visit(t.guard));
    Object.values(node.states).forEach((s) => walk(s as typeof node));
  };
  walk(machine.root as never);
  return [...names];
}

/** The question the machine is asking, or undefined once it has finished. */
export function currentQuestion(snapshot: TriageSnapshot): QuestionId | undefined {
  const value = snapshot.value as unknown;
  if (typeof value === 'object' && value !== null && 'interview' in value) return (value as { interview: QuestionId }).interview;
  return undefined;
}

/** The disposition a finished machine reached, or undefined (still asking, or declined). */
export function finalDisposition(snapshot: TriageSnapshot): Disposition | undefined {
  if (snapshot.status !== 'done' || snapshot.value === 'declined') return undefined;
  return snapshot.value as Disposition;
}
