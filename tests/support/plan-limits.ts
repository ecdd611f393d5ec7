/**
 * The hard limits of a self-massage plan, written from PROTOCOL.md sections 4 and 5 (and, for bp-2, CHANGES-bp-2.md
 * changes 3-5) for the safety tests.
 *
 * Independent of lib/protocol/plan/limits.ts on purpose (the builder's constants are not imported): if a limit is
 * mistyped there, this checker still holds the protocol's number.
 */

/** The plan as the engine returns it; typed loosely so a missing or mistyped field is reported, not assumed. */
export interface PlanLike {
  gate?: unknown;
  frequency?: unknown;
  sessionMinutes?: unknown;
  stopRules?: unknown;
  keepActive?: unknown;
  steps?: unknown;
  toolNote?: unknown;
}

export interface PlanContext {
  /** The gate the outcome must have (section 4). */
  gate: 'gentle' | 'standard';
  /** The patient's `equipment` answer. */
  equipment: readonly string[];
  floorOk: boolean;
  /** The patient's `pain_region` answer. */
  regions: readonly string[];
  /** The protocol version: bp-2 adds its own limits. */
  version: string;
}

/** CHANGES-bp-2.md change 5: the areas whose steps work each painful region, and the regions in question order. */
const WORKS: Record<string, readonly string[]> = {
  neck: ['neck', 'shoulders'],
  shoulders: ['shoulders', 'chest', 'upper_back'],
  upper_back: ['upper_back'],
  lower_back: ['lower_back', 'hips_glutes'],
  hips_glutes: ['hips_glutes', 'lower_back'],
};
const REGION_ORDER = ['neck', 'shoulders', 'upper_back', 'lower_back', 'hips_glutes'];

/** bp-2's plan rules (changes 3 and 5): every painful region worked, those steps first, block A split by question. */
function bp2Violations(plan: PlanLike, steps: Record<string, unknown>[], ctx: PlanContext): string[] {
  const out: string[] = [];
  const painful = REGION_ORDER.filter((r) => ctx.regions.includes(r));
  const areas = steps.map((s) => String(s.area));
  for (const r of painful) if (!areas.some((a) => WORKS[r]!.includes(a))) out.push(`no step works the painful region ${r}`);
  // The steps that work the painful regions come first; any other step only brings the plan up to 2.
  const firstFor = painful.map((r) => areas.findIndex((a) => WORKS[r]!.includes(a))).filter((i) => i >= 0);
  if (firstFor.some((v, i) => i > 0 && v < firstFor[i - 1]!)) out.push(`steps ${areas.join(', ')} do not work the regions in question order`);
  const workingSome = areas.filter((a) => painful.some((r) => WORKS[r]!.includes(a))).length;
  if (steps.length > Math.max(2, workingSome)) out.push(`${steps.length} steps, but only ${workingSome} work a painful region`);
  const usesFallback = steps.some((s) => s.tool === 'tennis_ball') && !ctx.equipment.includes('tennis_ball');
  if (usesFallback && !usesToolFallback(plan)) out.push('a tennis ball is used instead of the patient\u2019s tools without a tool note');
  const stop = Array.isArray(plan.stopRules) ? (plan.stopRules as string[]) : [];
  const lineWith = (re: RegExp) => stop.find((l) => re.test(l)) ?? '';
  // Question 3's signs: call the emergency number now; question 4's: go to an emergency department now.
  for (const [what, re] of [['chest pain', /chest pain/i], ['tearing pain', /tearing/i], ['stroke signs', /stroke/i], ['a serious accident', /serious accident/i]] as const) {
    if (!/call your emergency number/i.test(lineWith(re))) out.push(`stop rules: ${what} (question 3) does not say call the emergency number`);
  }
  for (const [what, re] of [['saddle numbness', /bottom/i], ['bladder or bowels', /peeing/i], ['sexual function', /erection/i], ['both legs', /both legs/i], ['cord signs', /clumsy hands/i], ['electric shocks', /electric shocks/i]] as const) {
    if (!/emergency department/i.test(lineWith(re))) out.push(`stop rules: ${what} (question 4) does not say go to an emergency department`);
  }
  return out;
}

const AREAS = ['neck', 'shoulders', 'upper_back', 'lower_back', 'hips_glutes', 'chest'];
const TOOLS = ['massage_ball', 'double_ball', 'foam_roller', 'back_massager', 'tennis_ball'];
const POSITIONS = ['floor', 'wall', 'chair', 'standing'];
/** "Never a foam roller on lower_back or neck." */
const NO_FOAM_ROLLER = ['lower_back', 'neck'];
/** "No foam roller on any part of the back" (gentle): the plan areas that are the back. */
const BACK = ['neck', 'shoulders', 'upper_back', 'lower_back'];

const STANDARD = { minHold: 30, maxHold: 90, minRounds: 1, maxRounds: 3, maxPressure: 5, maxSession: 15 };
const GENTLE = { maxHold: 30, rounds: 1, maxPressure: 3, positions: ['wall', 'chair'] };
/** "First session 1-2 minutes per point" (standard gate). */
const FIRST_SESSION_SECONDS_PER_POINT = { min: 60, max: 120 };

const nonEmptyText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Whether the plan replaced the patient's own tools by a tennis ball and said so (`toolNote`). */
export function usesToolFallback(plan: PlanLike): boolean {
  return nonEmptyText(plan.toolNote);
}

/**
 * Every way `plan` breaks a hard limit of PROTOCOL.md sections 4-5 for this patient; empty when it keeps them all.
 *
 * Known, accepted gap: when the patient's own tools cannot make 2 safe steps (e.g. only a foam roller for lower back
 * pain), the builder uses a tennis ball instead. That is accepted only when the plan says so in `toolNote`.
 */
export function planViolations(plan: PlanLike | undefined, ctx: PlanContext): string[] {
  const out: string[] = [];
  if (!plan) return ['self_care outcome without a plan'];
  if (plan.gate !== ctx.gate) out.push(`plan gate ${String(plan.gate)} is not the outcome gate ${ctx.gate}`);

  const steps = Array.isArray(plan.steps) ? (plan.steps as Record<string, unknown>[]) : [];
  if (steps.length < 2 || steps.length > 5) out.push(`${steps.length} steps; a plan has 2 to 5`);

  const own = ctx.equipment.filter((e) => e !== 'none');
  const noTools = own.length === 0;
  const fallback = usesToolFallback(plan);
  if (noTools && !fallback) out.push('equipment "none" but the plan does not say it uses a tennis ball');

  let sessionSeconds = 0;
  steps.forEach((s, i) => {
    const at = `step ${i + 1} (${String(s.area)}/${String(s.tool)}/${String(s.position)})`;
    const area = s.area as string;
    const tool = s.tool as string;
    const position = s.position as string;
    if (!AREAS.includes(area)) out.push(`${at}: area is not a plan area`);
    if (!TOOLS.includes(tool)) out.push(`${at}: tool is not an equipment value (never "none")`);
    if (!POSITIONS.includes(position)) out.push(`${at}: position is not floor, wall, chair or standing`);
    if (!nonEmptyText(s.muscle)) out.push(`${at}: no muscle named`);
    if (!nonEmptyText(s.instructions)) out.push(`${at}: no instructions`);
    if (!nonEmptyText(s.source)) out.push(`${at}: no source`);

    // Only tools the patient has; a tennis ball when they have none, or (known gap) when theirs cannot be used.
    if (noTools) {
      if (tool !== 'tennis_ball') out.push(`${at}: equipment "none" but the step does not use a tennis ball`);
    } else if (!own.includes(tool)) {
      if (!(fallback && tool === 'tennis_ball')) out.push(`${at}: uses a tool the patient does not have`);
    }

    if (tool === 'foam_roller' && NO_FOAM_ROLLER.includes(area)) out.push(`${at}: foam roller on ${area}`);
    if (!ctx.floorOk && position === 'floor') out.push(`${at}: floor position but floor_ok is no`);

    const hold = s.holdSeconds;
    const rounds = s.rounds;
    const pressure = s.pressure;
    if (!isInt(hold) || hold <= 0) out.push(`${at}: holdSeconds is not a positive whole number`);
    if (!isInt(rounds) || rounds < 1) out.push(`${at}: rounds is not a whole number from 1`);
    if (typeof pressure !== 'number' || pressure < 0 || pressure > 10) out.push(`${at}: pressure is not on the 0-10 scale`);
    const h = Number(hold);
    const r = Number(rounds);
    const p = Number(pressure);

    // "Steps on the neck are always gentle, whatever the gate" (section 4): the gentle dose.
    const gentleDose = ctx.gate === 'gentle' || area === 'neck';
    if (gentleDose) {
      if (h > GENTLE.maxHold) out.push(`${at}: hold ${h} s; gentle allows at most ${GENTLE.maxHold} s`);
      if (r !== GENTLE.rounds) out.push(`${at}: ${r} rounds; gentle allows 1`);
      if (p > GENTLE.maxPressure) out.push(`${at}: pressure ${p}; gentle allows at most ${GENTLE.maxPressure}`);
    } else {
      if (h < STANDARD.minHold || h > STANDARD.maxHold) out.push(`${at}: hold ${h} s; standard is 30-90 s`);
      if (r < STANDARD.minRounds || r > STANDARD.maxRounds) out.push(`${at}: ${r} rounds; standard is 1-3`);
      if (p > STANDARD.maxPressure) out.push(`${at}: pressure ${p}; standard allows at most 5`);
      const perPoint = h * r;
      if (perPoint < FIRST_SESSION_SECONDS_PER_POINT.min || perPoint > FIRST_SESSION_SECONDS_PER_POINT.max) {
        out.push(`${at}: ${perPoint} s on the point; the first session is 1-2 minutes per point`);
      }
    }
    if (ctx.gate === 'gentle') {
      if (!GENTLE.positions.includes(position)) out.push(`${at}: ${position} position; gentle allows wall or chair only`);
      if (tool === 'foam_roller' && BACK.includes(area)) out.push(`${at}: foam roller on the back in the gentle gate`);
    }
    // Time actually spent: every hold of every round, on each side when the step is done per side.
    sessionSeconds += h * r * (s.perSide === false ? 1 : 2);
  });

  const minutes = plan.sessionMinutes;
  if (typeof minutes !== 'number' || minutes <= 0) out.push('sessionMinutes missing');
  else {
    if (minutes > STANDARD.maxSession) out.push(`session of ${minutes} min; at most 15 minutes`);
    if (minutes * 60 < sessionSeconds) out.push(`session says ${minutes} min but the steps take ${sessionSeconds} s`);
  }
  if (sessionSeconds > STANDARD.maxSession * 60) out.push(`the steps take ${sessionSeconds} s; at most 15 minutes`);

  const frequency = typeof plan.frequency === 'string' ? plan.frequency : '';
  if (ctx.gate === 'gentle') {
    if (!/every other day/i.test(frequency) || /\bdaily\b/i.test(frequency)) {
      out.push(`gentle frequency "${frequency}" is not every other day`);
    }
  } else if (!/1 to 2 minutes|1-2 minutes/i.test(frequency) || !/daily or every other day/i.test(frequency)) {
    out.push(`standard frequency "${frequency}" does not say 1-2 minutes per point, then daily or every other day`);
  }

  // Stop rules on every plan (section 5).
  const stop = Array.isArray(plan.stopRules) ? (plan.stopRules as unknown[]).filter(nonEmptyText).join(' ') : '';
  const mustStop: [string, RegExp][] = [
    ['sharp pinch', /sharp pinch/i],
    ['tingling', /tingling/i],
    ['numbness', /numbness/i],
    ['bruising', /bruis/i],
    ['pain that spreads', /spread/i],
    ['pain that worsens', /worse/i],
    ['soreness over 48 hours', /48 hours/i],
    ['book an appointment', /appointment/i],
    ['call the emergency number', /emergency number/i],
    ['chest pain (block A)', /chest pain/i],
    ['tearing pain (block A)', /tearing/i],
    ['stroke signs (block A)', /stroke/i],
    ['saddle numbness (block A)', /bottom/i],
    ['bladder or bowel trouble (block A)', /peeing/i],
    ['symptoms in both legs (block A)', /both legs/i],
    ['cord signs (block A)', /clumsy hands|unsteady walking/i],
  ];
  for (const [what, re] of mustStop) if (!re.test(stop)) out.push(`stop rules do not cover: ${what}`);

  // "Keep active" advice on every plan.
  const active = Array.isArray(plan.keepActive) ? (plan.keepActive as unknown[]).filter(nonEmptyText) : [];
  if (active.length === 0 || !/keep (moving|active)|walk/i.test(active.join(' '))) out.push('no keep-active advice');
  if (ctx.version !== 'bp-1') out.push(...bp2Violations(plan, steps, ctx));
  return out;
}
