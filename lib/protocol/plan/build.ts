import type { Protocol } from '../define';
import { AREA_LABEL } from '../labels';
import type { PlanContent, PlanGate, Technique, Variant } from '../model';
import { REGIONS, type Answers, type PlanArea, type Position, type Region, type Tool } from '../types';

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

interface PlanContext {
  plan: PlanContent;
  cite: Protocol['cite'];
  gate: PlanGate;
  floorOk: boolean;
  tools: readonly Tool[];
}

/** Every hard limit of PROTOCOL.md section 5 that depends on the step itself. */
function variantAllowed(technique: Technique, variant: Variant, ctx: PlanContext): boolean {
  const limits = ctx.plan.limits[ctx.gate];
  if (!ctx.tools.includes(variant.tool)) return false;
  if (technique.standardOnly && ctx.gate !== 'standard') return false;
  if (!limits.positions.includes(variant.position)) return false;
  if (variant.position === 'floor' && !ctx.floorOk) return false;
  if (variant.tool === 'foam_roller') {
    if (ctx.plan.noFoamRollerAreas.includes(technique.area)) return false;
    if (!limits.foamRollerOnBack && ctx.plan.backAreas.includes(technique.area)) return false;
  }
  return true;
}

/** The technique as a step with the patient's tools, or undefined when none of them may be used for it. */
function stepFor(technique: Technique, ctx: PlanContext): PlanStep | undefined {
  const variant = technique.variants.find((v) => variantAllowed(technique, v, ctx));
  if (!variant) return undefined;
  const dose = ctx.plan.alwaysGentleAreas.includes(technique.area) ? ctx.plan.dose.gentle : ctx.plan.dose[ctx.gate];
  return {
    area: technique.area,
    muscle: technique.muscle,
    tool: variant.tool,
    position: variant.position,
    ...dose,
    instructions: variant.instructions,
    source: ctx.cite(technique.sources),
    perSide: variant.perSide,
  };
}

const techniquesFor = (plan: PlanContent, region: Region) => plan.techniques.filter((t) => t.regions.includes(region));

/** bp-1: techniques for the regions, taking one from each region in turn so every painful region gets a step early. */
function interleave(plan: PlanContent, regions: readonly Region[]): Technique[] {
  const queues = regions.map((r) => techniquesFor(plan, r));
  const out: Technique[] = [];
  for (let i = 0; queues.some((q) => i < q.length); i++) {
    for (const q of queues) {
      const t = q[i];
      if (t && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

function addSteps(techniques: readonly Technique[], ctx: PlanContext, steps: PlanStep[]): void {
  for (const technique of techniques) {
    if (steps.length >= ctx.plan.maxSteps) return;
    if (steps.some((s) => s.muscle === technique.muscle)) continue;
    const step = stepFor(technique, ctx);
    if (step) steps.push(step);
  }
}

/** bp-1's coverage: the painful regions in turn, completed from neighbouring regions. */
function neighbourSteps(regions: readonly Region[], neighbours: Readonly<Record<Region, readonly Region[]>>, ctx: PlanContext): PlanStep[] {
  const steps: PlanStep[] = [];
  addSteps(interleave(ctx.plan, regions), ctx, steps);
  // Neighbouring muscles only complete a plan that already works on the painful area; a plan of neighbours alone
  // would leave the pain untreated, so that case falls back to a tennis ball instead.
  if (steps.length > 0 && steps.length < ctx.plan.minSteps) {
    const near = REGIONS.filter((r) => !regions.includes(r) && regions.some((o) => neighbours[o].includes(r)));
    addSteps(interleave(ctx.plan, near), ctx, steps);
  }
  return steps;
}

function neighboursPlan(regions: readonly Region[], neighbours: Readonly<Record<Region, readonly Region[]>>, ctx: PlanContext) {
  const steps = neighbourSteps(regions, neighbours, ctx);
  if (steps.length >= ctx.plan.minSteps) return { steps };
  return {
    steps: neighbourSteps(regions, neighbours, { ...ctx, tools: [ctx.plan.fallbackTool] }),
    toolNote: ctx.tools.length === 0 ? ctx.plan.toolNotes.noTools : ctx.plan.toolNotes.unsuitable,
  };
}

const orderedByPlan = new WeakMap<PlanContent, Record<Region, Technique[]>>();

/** The techniques that work each region, its own area first ("works" lists them in order of preference), then the catalogue's order. */
function regionTechniques(plan: PlanContent, works: Readonly<Record<Region, readonly PlanArea[]>>): Record<Region, Technique[]> {
  let ordered = orderedByPlan.get(plan);
  if (!ordered) {
    ordered = Object.fromEntries(
      REGIONS.map((region) => [
        region,
        techniquesFor(plan, region)
          .filter((t) => works[region].includes(t.area))
          .sort((x, y) => works[region].indexOf(x.area) - works[region].indexOf(y.area)),
      ]),
    ) as Record<Region, Technique[]>;
    orderedByPlan.set(plan, ordered);
  }
  return ordered;
}

/**
 * bp-2's coverage: one step for every painful region, in the question's order, each working one of the region's own
 * areas, with the fallback tool for a region the patient's tools cannot work; other steps only fill up to the minimum.
 */
function everyRegionPlan(regions: readonly Region[], works: Readonly<Record<Region, readonly PlanArea[]>>, fallbackNote: string, ctx: PlanContext) {
  const fallback = { ...ctx, tools: [ctx.plan.fallbackTool] };
  const steps: PlanStep[] = [];
  const fellBack: Region[] = [];
  const ordered = regionTechniques(ctx.plan, works);
  const candidates = (region: Region) => ordered[region].filter((t) => !steps.some((s) => s.muscle === t.muscle));
  const firstStep = (region: Region, with_: PlanContext) => {
    for (const t of candidates(region)) {
      const step = stepFor(t, with_);
      if (step) return step;
    }
    return undefined;
  };
  for (const region of regions) {
    if (steps.some((s) => works[region].includes(s.area))) continue;
    const own = firstStep(region, ctx);
    const step = own ?? firstStep(region, fallback);
    if (!step) throw new Error(`No step can work the ${region} region within the limits of the ${ctx.gate} gate.`);
    if (!own) fellBack.push(region);
    steps.push(step);
  }
  for (const withTools of [ctx, fallback]) {
    for (const region of regions) {
      if (steps.length >= ctx.plan.minSteps) break;
      const step = firstStep(region, withTools);
      if (!step) continue;
      if (withTools === fallback && !fellBack.includes(region)) fellBack.push(region);
      steps.push(step);
    }
  }
  if (fellBack.length === 0 || ctx.tools.length === 0) {
    return { steps, ...(ctx.tools.length === 0 ? { toolNote: ctx.plan.toolNotes.noTools } : {}) };
  }
  const names = fellBack.map((r) => AREA_LABEL[r].toLowerCase());
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return { steps, toolNote: fallbackNote.replace('{regions}', list) };
}

/** Minutes for one session: every hold, every round, each side. */
export function sessionMinutes(steps: readonly PlanStep[]): number {
  const seconds = steps.reduce((sum, s) => sum + s.holdSeconds * s.rounds * (s.perSide ? 2 : 1), 0);
  return Math.ceil(seconds / 60);
}

/**
 * The self-massage plan for a self-care outcome (PROTOCOL.md section 5): only the patient's own tools, within every
 * hard limit of the gate and floor access; with no tools, or none that can be used safely for this pain, a tennis
 * ball, said so in the tool note. Which painful regions the steps work follows the version's coverage.
 */
export function buildPlan(p: Protocol, answers: Answers, gate: PlanGate): Plan {
  const plan = p.content.plan;
  const ctx: PlanContext = {
    plan,
    cite: p.cite,
    gate,
    floorOk: answers.floor_ok === 'yes',
    tools: (answers.equipment ?? []).filter((e): e is Tool => e !== 'none'),
  };
  const regions = REGIONS.filter((r) => (answers.pain_region ?? []).includes(r));
  const { steps, toolNote } =
    plan.coverage.kind === 'neighbours'
      ? neighboursPlan(regions, plan.coverage.neighbours, ctx)
      : everyRegionPlan(regions, plan.coverage.works, plan.coverage.fallbackNote, ctx);
  return {
    gate,
    frequency: plan.limits[gate].frequency,
    sessionMinutes: sessionMinutes(steps),
    stopRules: plan.stopRules.map((l) => l.text),
    keepActive: [...plan.keepActive],
    steps,
    ...(toolNote ? { toolNote } : {}),
  };
}
