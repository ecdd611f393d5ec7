import type { PlanArea, Position, Tool } from '../types';

/** The dose a step may use (PROTOCOL.md section 5, hard limits). */
export interface Dose {
  holdSeconds: number;
  rounds: number;
  pressure: number;
}

/** The hard limits of each massage gate, as data, so the builder and the safety tests read the same numbers. */
export const GATE_LIMITS = {
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
} as const satisfies Record<
  'standard' | 'gentle',
  {
    minHoldSeconds: number;
    maxHoldSeconds: number;
    minRounds: number;
    maxRounds: number;
    maxPressure: number;
    maxSessionMinutes: number;
    positions: readonly Position[];
    foamRollerOnBack: boolean;
    frequency: string;
  }
>;

export type PlanGate = keyof typeof GATE_LIMITS;

/** The dose each gate prescribes: inside its limits, and 1-2 minutes a point in the standard gate. */
export const GATE_DOSE: Record<PlanGate, Dose> = {
  standard: { holdSeconds: 45, rounds: 2, pressure: 5 },
  gentle: { holdSeconds: 30, rounds: 1, pressure: 3 },
};

/** Steps on the neck are always gentle, whatever the gate (PROTOCOL.md section 4). */
export const ALWAYS_GENTLE_AREAS: readonly PlanArea[] = ['neck'];

/** Where a foam roller never goes, in any gate. */
export const NO_FOAM_ROLLER_AREAS: readonly PlanArea[] = ['lower_back', 'neck'];

/** The areas that are "the back", where the gentle gate allows no foam roller. */
export const BACK_AREAS: readonly PlanArea[] = ['neck', 'shoulders', 'upper_back', 'lower_back'];

export const MIN_STEPS = 2;
export const MAX_STEPS = 5;

/** The tool used when the patient has none the plan can use safely. */
export const FALLBACK_TOOL: Tool = 'tennis_ball';
