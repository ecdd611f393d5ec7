import type { GateLimits, PlanContent, PlanGate } from '../../model';
import { NEIGHBOUR_REGIONS, TECHNIQUES } from './plan-catalogue';

/** The hard limits of each massage gate, as data, so the builder and the safety tests read the same numbers. */
const GATE_LIMITS: Record<PlanGate, GateLimits> = {
  standard: {
    minHoldSeconds: 30,
    maxHoldSeconds: 90,
    minRounds: 1,
    maxRounds: 3,
    maxPressure: 5,
    maxSessionMinutes: 15,
    positions: ['floor', 'wall', 'chair', 'standing'],
    foamRollerOnBack: true,
    frequency: 'First session: 1 to 2 minutes on each point. After that, daily or every other day.',
  },
  gentle: {
    minHoldSeconds: 1,
    maxHoldSeconds: 30,
    minRounds: 1,
    maxRounds: 1,
    maxPressure: 3,
    maxSessionMinutes: 15,
    positions: ['wall', 'chair'],
    foamRollerOnBack: false,
    frequency: 'Every other day. Use light pressure only.',
  },
};

const STOP_RULES = [
  {
    id: 'nerve',
    text: 'Stop and book an appointment with your doctor or physiotherapist if you feel a sharp pinch, tingling or numbness.',
  },
  { id: 'bruise_or_spread', text: 'Stop and book an appointment if you get a bruise, or if the pain spreads or gets worse.' },
  {
    id: 'soreness',
    text: 'Stop and book an appointment if you are still sore more than 48 hours (2 days) after a session.',
  },
  {
    id: 'block_a_call',
    text: 'Call your emergency number at once if you get chest pain, sudden tearing pain, stroke signs (a drooping face, slurred speech, sudden severe headache), or new numbness around your bottom or genitals, or trouble peeing.',
  },
  {
    id: 'block_a_nerves',
    text: 'Call your emergency number at once if you get pain, tingling or weakness in both legs, trouble controlling your bowels, or new clumsy hands or unsteady walking.',
  },
];

const KEEP_ACTIVE = [
  'Massage alone is not enough. Keep moving: gentle activity helps back pain get better faster than rest.',
  'Walk every day. Start with a few minutes and add a little more each day.',
  'Keep doing your normal daily activities as much as you can, even if you go a bit slower.',
  'Get up and move for a few minutes every 30 minutes when you sit for a long time.',
  'Gentle stretching, swimming, yoga or pilates can help. Exercise that suits you is the best kind.',
];

/** PROTOCOL.md section 5: the step catalogue, the hard limits of each gate, and what every plan carries. */
export const PLAN: PlanContent = {
  techniques: TECHNIQUES,
  limits: GATE_LIMITS,
  // Inside each gate's limits, and 1-2 minutes a point in the standard gate.
  dose: {
    standard: { holdSeconds: 45, rounds: 2, pressure: 5 },
    gentle: { holdSeconds: 30, rounds: 1, pressure: 3 },
  },
  // "Steps on the neck are always gentle, whatever the gate" (section 4), read as the gentle dose.
  alwaysGentleAreas: ['neck'],
  noFoamRollerAreas: ['lower_back', 'neck'],
  backAreas: ['neck', 'shoulders', 'upper_back', 'lower_back'],
  minSteps: 2,
  maxSteps: 5,
  fallbackTool: 'tennis_ball',
  coverage: { kind: 'neighbours', neighbours: NEIGHBOUR_REGIONS },
  toolNotes: {
    noTools: 'You said you have no massage tools, so this plan uses a tennis ball. Any firm ball of a similar size works.',
    unsuitable:
      'The tools you have cannot be used safely on the areas that hurt, so this plan uses a tennis ball instead. Any firm ball of a similar size works.',
  },
  stopRules: STOP_RULES,
  keepActive: KEEP_ACTIVE,
};
