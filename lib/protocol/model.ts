import type { Cond } from './conditions';
import type { Disposition, Gate, PlanArea, Position, QuestionId, Region, Tool } from './types';

/**
 * The shape of a protocol version's content: everything clinical, as data. A version is one frozen value of this
 * shape (versions/<id>/); the engine, the machine, the docs and the exports read it and hold no clinical content of
 * their own.
 */

export type QuestionKind = 'consent' | 'single' | 'multi' | 'integer';

export interface Option {
  value: string;
  label: string;
}

export interface QuestionDef {
  id: QuestionId;
  kind: QuestionKind;
  /** What the patient reads. Plain words, one idea per sentence. */
  prompt: string;
  /** The "Why we ask" text. */
  help: string;
  options?: readonly Option[];
  min?: number;
  max?: number;
  /** Asked only when this holds on the earlier answers. */
  askedWhen?: Cond;
  /** Asked only while the outcome after every earlier question is still self-care (the plan's questions). */
  selfCareOnly?: true;
}

export interface DispositionRule {
  id: string;
  disposition: Disposition;
  when: Cond;
  /** Why this matters, in plain words for the patient. */
  reason: string;
  sources: readonly string[];
}

export interface GateRule {
  id: string;
  gate: 'gentle';
  when: Cond;
  reason: string;
  sources: readonly string[];
}

/** A rule that fires when no rule of its table does (R30, G4). */
export interface FallbackRule<T extends string> {
  id: string;
  outcome: T;
  reason: string;
  sources: readonly string[];
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
}

/** A line of patient text with an id, so a later version can change that line alone. */
export interface Line {
  id: string;
  text: string;
}

/** One way to work a muscle: a tool, a position and what to do. */
export interface Variant {
  tool: Tool;
  position: Position;
  /** Whether the step is done on each side in turn (a single ball), or once down the middle. */
  perSide: boolean;
  instructions: string;
}

export interface Technique {
  id: string;
  /** The pain regions this muscle is worked for. */
  regions: readonly Region[];
  area: PlanArea;
  muscle: string;
  /** In order of preference; the builder takes the first one the patient can use. */
  variants: readonly Variant[];
  /** Only in the standard gate. */
  standardOnly?: boolean;
  sources: readonly string[];
}

export type PlanGate = Exclude<Gate, 'none'>;

export interface Dose {
  holdSeconds: number;
  rounds: number;
  pressure: number;
}

export interface GateLimits {
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

/**
 * How a plan chooses its steps for the painful regions.
 * - `neighbours` (bp-1): the regions' own muscles, one region at a time in turn, completed from neighbouring regions;
 *   when the patient's tools make fewer than the minimum, the whole plan uses the fallback tool.
 * - `everyRegion` (bp-2): every painful region gets a step that works one of its areas, in the question's order,
 *   with the fallback tool for a region the patient's tools cannot work; other steps only fill up to the minimum.
 */
export type PlanCoverage =
  | { kind: 'neighbours'; neighbours: Readonly<Record<Region, readonly Region[]>> }
  | {
      kind: 'everyRegion';
      /** The areas whose steps work each region. */
      works: Readonly<Record<Region, readonly PlanArea[]>>;
      /** The tool note when some regions had to use the fallback tool; `{regions}` names them. */
      fallbackNote: string;
    };

export interface PlanContent {
  techniques: readonly Technique[];
  limits: Readonly<Record<PlanGate, GateLimits>>;
  /** The dose each gate prescribes. */
  dose: Readonly<Record<PlanGate, Dose>>;
  /** Steps on these areas always take the gentle dose, whatever the gate. */
  alwaysGentleAreas: readonly PlanArea[];
  /** Where a foam roller never goes, in any gate. */
  noFoamRollerAreas: readonly PlanArea[];
  /** The areas that are "the back", where a gate without foamRollerOnBack allows no foam roller. */
  backAreas: readonly PlanArea[];
  minSteps: number;
  maxSteps: number;
  /** The tool used when the patient has none the plan can use safely. */
  fallbackTool: Tool;
  coverage: PlanCoverage;
  toolNotes: { noTools: string; unsuitable: string };
  stopRules: readonly Line[];
  keepActive: readonly string[];
}

/** Everything a version says. */
export interface ProtocolContent {
  questions: readonly QuestionDef[];
  /** In table order, most urgent first. */
  rules: readonly DispositionRule[];
  noFlagsRule: FallbackRule<'self_care'>;
  gateRules: readonly GateRule[];
  standardGateRule: FallbackRule<'standard'>;
  /** What the patient should do, by disposition; the first line is the call to action. */
  advice: Readonly<Record<Disposition, readonly string[]>>;
  safetyNet: readonly Line[];
  plan: PlanContent;
  sources: Readonly<Record<string, Source>>;
}
