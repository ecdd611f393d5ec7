import type { PlanGate } from './model';
import type { Disposition, PlanArea, Position, Tool } from './types';

/** Short headline for each disposition. */
export const DISPOSITION_TITLE: Record<Disposition, string> = {
  emergency_ambulance: 'Call your emergency number now',
  emergency: 'Go to an emergency department now',
  consultation_24: 'See a doctor within 24 hours',
  consultation: 'Book an appointment',
  self_care: 'Your self-massage plan',
};

/** Patient-facing names for the plan's ids (PROTOCOL.md section 5). */
export const AREA_LABEL: Record<PlanArea, string> = {
  neck: 'Neck',
  shoulders: 'Top of the shoulders',
  upper_back: 'Upper back',
  lower_back: 'Lower back',
  hips_glutes: 'Hips and buttocks',
  chest: 'Chest, near the shoulder',
};

export const TOOL_LABEL: Record<Tool, string> = {
  massage_ball: 'A massage ball',
  double_ball: 'A double (peanut) massage ball',
  foam_roller: 'A foam roller',
  back_massager: 'A back massager hook or trigger-point massager',
  tennis_ball: 'A tennis ball',
};

export const POSITION_LABEL: Record<Position, string> = {
  floor: 'Lying on the floor',
  wall: 'Against a wall',
  chair: 'Sitting in a chair',
  standing: 'Standing',
};

export const GATE_LABEL: Record<PlanGate, string> = {
  standard: 'Normal, comfortable pressure',
  gentle: 'Light pressure only',
};

/** The pressure scale a step's limit is read on. */
export const PRESSURE_SCALE = 'On a scale where 0 is no pressure and 10 is the most you could bear.';

export function pressureLimit(pressure: number): string {
  return `No more than ${pressure} out of 10`;
}

export function holdTime(seconds: number, perSide: boolean): string {
  return `${seconds} seconds${perSide ? ' on each side' : ''}`;
}

export function roundsLabel(rounds: number): string {
  return rounds === 1 ? '1 round' : `${rounds} rounds`;
}

/** How soon a referral should happen, said plainly beside the advice (PROTOCOL.md 1.1). */
export const REFERRAL_WHEN: Record<'consultation_24' | 'consultation', string> = {
  consultation_24: 'Today, or within 24 hours',
  consultation: 'Book a routine appointment now',
};
