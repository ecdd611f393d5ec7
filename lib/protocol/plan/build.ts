import { cite } from '../sources';
import { REGIONS, type Answers, type PlanArea, type Position, type Region, type Tool } from '../types';
import { NEIGHBOUR_REGIONS, TECHNIQUES, type Technique, type Variant } from './catalogue';
import {
  ALWAYS_GENTLE_AREAS,
  BACK_AREAS,
  FALLBACK_TOOL,
  GATE_DOSE,
  GATE_LIMITS,
  MAX_STEPS,
  MIN_STEPS,
  NO_FOAM_ROLLER_AREAS,
  type PlanGate,
} from './limits';

export interface PlanStep {
  area: PlanArea;
  muscle: string;
  tool: Tool;
  position: Position;
  holdSeconds: number;
  rounds: number;
  pressure: number;
  instructions: string;
  source: string;
  /** Done on each side in turn; the session length counts both sides. */
  perSide: boolean;
}

export interface Plan {
  gate: PlanGate;
  frequency: string;
  sessionMinutes: number;
  stopRules: string[];
  keepActive: string[];
  steps: PlanStep[];
  /** Set when the plan had to use a tennis ball instead of what the patient has. */
  toolNote?: string;
}

export const STOP_RULES: readonly string[] = [
  'Stop and book an appointment with your doctor or physiotherapist if you feel a sharp pinch, tingling or numbness.',
  'Stop and book an appointment if you get a bruise, or if the pain spreads or gets worse.',
  'Stop and book an appointment if you are still sore more than 48 hours (2 days) after a session.',
  'Call your emergency number at once if you get chest pain, sudden tearing pain, stroke signs (a drooping face, slurred speech, sudden severe headache), or new numbness around your bottom or genitals, or trouble peeing.',
  'Call your emergency number at once if you get pain, tingling or weakness in both legs, trouble controlling your bowels, or new clumsy hands or unsteady walking.',
];

export const KEEP_ACTIVE: readonly string[] = [
  'Massage alone is not enough. Keep moving: gentle activity helps back pain get better faster than rest.',
  'Walk every day. Start with a few minutes and add a little more each day.',
  'Keep doing your normal daily activities as much as you can, even if you go a bit slower.',
  'Get up and move for a few minutes every 30 minutes when you sit for a long time.',
  'Gentle stretching, swimming, yoga or pilates can help. Exercise that suits you is the best kind.',
];

interface PlanContext {
  gate: PlanGate;
  floorOk: boolean;
  tools: readonly Tool[];
}

/** Every hard limit of PROTOCOL.md section 5 that depends on the step itself. */
function variantAllowed(technique: Technique, variant: Variant, ctx: PlanContext): boolean {
  const limits = GATE_LIMITS[ctx.gate];
  if (!ctx.tools.includes(variant.tool)) return false;
  if (technique.standardOnly && ctx.gate !== 'standard') return false;
  if (!(limits.positions as readonly Position[]).includes(variant.position)) return false;
  if (variant.position === 'floor' && !ctx.floorOk) return false;
  if (variant.tool === 'foam_roller') {
    if (NO_FOAM_ROLLER_AREAS.includes(technique.area)) return false;
    if (!limits.foamRollerOnBack && BACK_AREAS.includes(technique.area)) return false;
  }
  return true;
}

function toStep(technique: Technique, variant: Variant, gate: PlanGate): PlanStep {
  const dose = ALWAYS_GENTLE_AREAS.includes(technique.area) ? GATE_DOSE.gentle : GATE_DOSE[gate];
  return {
    area: technique.area,
    muscle: technique.muscle,
    tool: variant.tool,
    position: variant.position,
    ...dose,
    instructions: variant.instructions,
    source: cite(technique.sources),
    perSide: variant.perSide,
  };
}

/** Techniques for the regions, taking one from each region in turn so every painful region gets a step early. */
function interleave(regions: readonly Region[]): Technique[] {
  const queues = regions.map((r) => TECHNIQUES.filter((t) => t.regions.includes(r)));
  const out: Technique[] = [];
  for (let i = 0; queues.some((q) => i < q.length); i++) {
    for (const q of queues) {
      const t = q[i];
      if (t && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

function addSteps(regions: readonly Region[], ctx: PlanContext, steps: PlanStep[]): void {
  for (const technique of interleave(regions)) {
    if (steps.length >= MAX_STEPS) return;
    if (steps.some((s) => s.muscle === technique.muscle)) continue;
    const variant = technique.variants.find((v) => variantAllowed(technique, v, ctx));
    if (variant) steps.push(toStep(technique, variant, ctx.gate));
  }
}

function chooseSteps(painRegions: readonly Region[], ctx: PlanContext): PlanStep[] {
  const own = REGIONS.filter((r) => painRegions.includes(r));
  const steps: PlanStep[] = [];
  addSteps(own, ctx, steps);
  // Neighbouring muscles only complete a plan that already works on the painful area; a plan of neighbours alone
  // would leave the pain untreated, so that case falls back to a tennis ball instead.
  if (steps.length > 0 && steps.length < MIN_STEPS) {
    addSteps(REGIONS.filter((r) => !own.includes(r) && own.some((o) => NEIGHBOUR_REGIONS[o].includes(r))), ctx, steps);
  }
  return steps;
}

/** Minutes for one session: every hold, every round, each side. */
export function sessionMinutes(steps: readonly PlanStep[]): number {
  const seconds = steps.reduce((sum, s) => sum + s.holdSeconds * s.rounds * (s.perSide ? 2 : 1), 0);
  return Math.ceil(seconds / 60);
}

function patientTools(answers: Answers): Tool[] {
  return (answers.equipment ?? []).filter((e): e is Tool => e !== 'none');
}

/**
 * The self-massage plan for a self-care outcome (PROTOCOL.md section 5): only the patient's own tools, within every
 * hard limit of the gate and floor access. With no tools, or none that can be used safely for this pain, it uses a
 * tennis ball and says so.
 */
export function buildPlan(answers: Answers, gate: PlanGate): Plan {
  const floorOk = answers.floor_ok === 'yes';
  const regions = answers.pain_region ?? [];
  const own = patientTools(answers);
  let steps = chooseSteps(regions, { gate, floorOk, tools: own });
  let toolNote: string | undefined;
  if (steps.length < MIN_STEPS) {
    steps = chooseSteps(regions, { gate, floorOk, tools: [FALLBACK_TOOL] });
    toolNote =
      own.length === 0
        ? 'You said you have no massage tools, so this plan uses a tennis ball. Any firm ball of a similar size works.'
        : 'The tools you have cannot be used safely on the areas that hurt, so this plan uses a tennis ball instead. Any firm ball of a similar size works.';
  }
  return {
    gate,
    frequency: GATE_LIMITS[gate].frequency,
    sessionMinutes: sessionMinutes(steps),
    stopRules: [...STOP_RULES],
    keepActive: [...KEEP_ACTIVE],
    steps,
    ...(toolNote ? { toolNote } : {}),
  };
}
