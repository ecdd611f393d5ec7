/**
 * A second, independent reading of PROTOCOL.md (bp-1), sections 2-4, and of CHANGES-bp-2.md (bp-2), for the safety
 * tests: one oracle per protocol version.
 *
 * Written straight from the protocol text. It deliberately imports nothing from lib/protocol (no rules, no
 * evaluation, no question catalogue, no answer domains) and nothing from machines/: the engine is checked against
 * this file, so a mistake copied from the engine must not be able to hide here. Keep it boring and literal.
 */

/** PROTOCOL.md section 2, the "#" column. */
export const QUESTION_ORDER = [
  'consent',
  'age_years',
  'pain_region',
  'emergency_signs',
  'nerve_emergency_signs',
  'general_signs',
  'medical_history',
  'blood_thinners',
  'onset',
  'sensations',
  'movement_related',
  'pain_duration',
  'pain_trend',
  'previously_assessed',
  'pain_severity',
  'pregnancy',
  'massage_cautions',
  'massage_reaction',
  'equipment',
  'floor_ok',
] as const;

export type Qid = (typeof QUESTION_ORDER)[number];
export type Kind = 'consent' | 'single' | 'multi' | 'integer';
export type Value = string | number | string[];
/** Answers given so far; a question not (yet) asked is absent. Loose on purpose: the engine's type is not trusted. */
export type OracleAnswers = { readonly [K in Qid]?: unknown };

export interface ProtocolQuestion {
  kind: Kind;
  /** Allowed values, in protocol order (consent, single, multi). */
  values?: readonly string[];
  min?: number;
  max?: number;
}

/** PROTOCOL.md section 2, the "kind" and "values" columns. */
export const PROTOCOL_QUESTIONS: Record<Qid, ProtocolQuestion> = {
  consent: { kind: 'consent', values: ['agree', 'decline'] },
  age_years: { kind: 'integer', min: 0, max: 120 },
  pain_region: { kind: 'multi', values: ['neck', 'shoulders', 'upper_back', 'lower_back', 'hips_glutes'] },
  emergency_signs: {
    kind: 'multi',
    values: ['chest_pain', 'tearing_pain', 'stroke_signs', 'serious_accident', 'none'],
  },
  nerve_emergency_signs: {
    kind: 'multi',
    values: ['saddle_numbness', 'bladder_bowel', 'sexual_function', 'both_legs', 'cord_signs', 'none'],
  },
  general_signs: {
    kind: 'multi',
    values: ['fever', 'weight_loss', 'night_pain', 'lump_or_deformity', 'cough_sneeze_pain', 'limb_weakness', 'none'],
  },
  medical_history: {
    kind: 'multi',
    values: ['cancer', 'immune_risk', 'recent_spine_procedure', 'osteoporosis', 'none'],
  },
  blood_thinners: { kind: 'single', values: ['anticoagulant', 'antiplatelet', 'none', 'unsure'] },
  onset: { kind: 'single', values: ['gradual', 'after_activity', 'minor_fall', 'sudden_severe'] },
  sensations: {
    kind: 'multi',
    values: ['dull_ache', 'tightness', 'tender_spots', 'sharp_pinch', 'tingling', 'numbness', 'burning', 'shooting'],
  },
  movement_related: { kind: 'single', values: ['yes', 'no', 'unsure'] },
  pain_duration: { kind: 'single', values: ['under_2_weeks', '2_to_6_weeks', '6_to_12_weeks', 'over_12_weeks'] },
  pain_trend: { kind: 'single', values: ['improving', 'same', 'worse'] },
  previously_assessed: { kind: 'single', values: ['yes', 'no'] },
  pain_severity: { kind: 'single', values: ['mild', 'moderate', 'severe'] },
  pregnancy: { kind: 'single', values: ['yes', 'no', 'unsure', 'not_applicable'] },
  massage_cautions: {
    kind: 'multi',
    values: ['clot', 'bleeding_disorder', 'recent_surgery', 'skin_problem', 'none'],
  },
  massage_reaction: { kind: 'single', values: ['never_tried', 'fine', 'bruising_or_worse'] },
  equipment: {
    kind: 'multi',
    values: ['massage_ball', 'double_ball', 'foam_roller', 'back_massager', 'tennis_ball', 'none'],
  },
  floor_ok: { kind: 'single', values: ['yes', 'no'] },
};

/** PROTOCOL.md 1.1, most urgent first. */
export const URGENCY_ORDER = ['emergency_ambulance', 'emergency', 'consultation_24', 'consultation', 'self_care'] as const;
export type OracleDisposition = (typeof URGENCY_ORDER)[number];
export type OracleGate = 'none' | 'gentle' | 'standard';

export const isEmergency = (d: OracleDisposition): boolean => d === 'emergency_ambulance' || d === 'emergency';

/** Whether the answer to `q` is a list holding any of `values`. Unanswered never fires. */
function has(a: OracleAnswers, q: Qid, ...values: string[]): boolean {
  const v = a[q];
  return Array.isArray(v) && v.some((x) => values.includes(x as string));
}

/** Whether the answer to `q` is one of `values`. Unanswered never fires. */
function is(a: OracleAnswers, q: Qid, ...values: string[]): boolean {
  const v = a[q];
  return typeof v === 'string' && values.includes(v);
}

function age(a: OracleAnswers): number | undefined {
  return typeof a.age_years === 'number' ? a.age_years : undefined;
}

export interface OracleRule {
  id: string;
  disposition: OracleDisposition;
  when: (a: OracleAnswers) => boolean;
}

/** PROTOCOL.md section 3, R01-R29, one line per table row. */
const BP1_RULES: readonly OracleRule[] = [
  { id: 'R01_chest_pain', disposition: 'emergency_ambulance', when: (a) => has(a, 'emergency_signs', 'chest_pain') },
  { id: 'R02_tearing_pain', disposition: 'emergency_ambulance', when: (a) => has(a, 'emergency_signs', 'tearing_pain') },
  { id: 'R03_stroke_signs', disposition: 'emergency_ambulance', when: (a) => has(a, 'emergency_signs', 'stroke_signs') },
  {
    id: 'R04_serious_accident',
    disposition: 'emergency_ambulance',
    when: (a) => has(a, 'emergency_signs', 'serious_accident'),
  },
  {
    id: 'R05_cauda_equina',
    disposition: 'emergency',
    when: (a) => has(a, 'nerve_emergency_signs', 'saddle_numbness', 'bladder_bowel', 'sexual_function'),
  },
  { id: 'R06_both_legs', disposition: 'emergency', when: (a) => has(a, 'nerve_emergency_signs', 'both_legs') },
  { id: 'R07_cord_signs', disposition: 'emergency', when: (a) => has(a, 'nerve_emergency_signs', 'cord_signs') },
  {
    id: 'R08_infection_with_neuro',
    disposition: 'emergency',
    when: (a) =>
      has(a, 'general_signs', 'fever') &&
      (has(a, 'general_signs', 'limb_weakness') || has(a, 'medical_history', 'immune_risk', 'recent_spine_procedure')),
  },
  {
    id: 'R09_bleed_on_anticoagulant',
    disposition: 'emergency',
    when: (a) => is(a, 'blood_thinners', 'anticoagulant', 'unsure') && is(a, 'onset', 'sudden_severe'),
  },
  {
    id: 'R10_cancer_with_neuro',
    disposition: 'emergency',
    when: (a) =>
      has(a, 'medical_history', 'cancer') &&
      (has(a, 'general_signs', 'limb_weakness') || has(a, 'sensations', 'tingling', 'numbness', 'shooting')),
  },
  { id: 'R11_fever', disposition: 'consultation_24', when: (a) => has(a, 'general_signs', 'fever') },
  {
    id: 'R12_systemic',
    disposition: 'consultation_24',
    when: (a) => has(a, 'general_signs', 'weight_loss', 'night_pain', 'lump_or_deformity', 'cough_sneeze_pain'),
  },
  { id: 'R13_limb_weakness', disposition: 'consultation_24', when: (a) => has(a, 'general_signs', 'limb_weakness') },
  { id: 'R14_cancer_history', disposition: 'consultation_24', when: (a) => has(a, 'medical_history', 'cancer') },
  {
    id: 'R15_infection_risk',
    disposition: 'consultation_24',
    when: (a) => has(a, 'medical_history', 'immune_risk', 'recent_spine_procedure'),
  },
  {
    id: 'R16_fragility_fracture',
    disposition: 'consultation_24',
    when: (a) =>
      is(a, 'onset', 'minor_fall') &&
      (has(a, 'medical_history', 'osteoporosis', 'immune_risk') || (age(a) ?? -1) >= 70),
  },
  {
    id: 'R17_thoracic_nonmechanical',
    disposition: 'consultation_24',
    when: (a) => has(a, 'pain_region', 'upper_back') && is(a, 'movement_related', 'no', 'unsure'),
  },
  { id: 'R18_severe_pain', disposition: 'consultation_24', when: (a) => is(a, 'pain_severity', 'severe') },
  { id: 'R19_clot', disposition: 'consultation_24', when: (a) => has(a, 'massage_cautions', 'clot') },
  { id: 'R20_under_16', disposition: 'consultation', when: (a) => age(a) !== undefined && (age(a) as number) < 16 },
  {
    id: 'R21_nerve_symptoms',
    disposition: 'consultation',
    when: (a) => has(a, 'sensations', 'sharp_pinch', 'tingling', 'numbness', 'burning', 'shooting'),
  },
  { id: 'R22_minor_injury', disposition: 'consultation', when: (a) => is(a, 'onset', 'minor_fall') },
  { id: 'R23_worsening', disposition: 'consultation', when: (a) => is(a, 'pain_trend', 'worse') },
  {
    id: 'R24_persistent_unassessed',
    disposition: 'consultation',
    when: (a) =>
      is(a, 'pain_duration', '6_to_12_weeks', 'over_12_weeks') &&
      is(a, 'pain_trend', 'same', 'worse') &&
      is(a, 'previously_assessed', 'no'),
  },
  { id: 'R25_anticoagulant', disposition: 'consultation', when: (a) => is(a, 'blood_thinners', 'anticoagulant', 'unsure') },
  { id: 'R26_pregnancy', disposition: 'consultation', when: (a) => is(a, 'pregnancy', 'yes', 'unsure') },
  { id: 'R27_bleeding_disorder', disposition: 'consultation', when: (a) => has(a, 'massage_cautions', 'bleeding_disorder') },
  {
    id: 'R28_recent_surgery_or_skin',
    disposition: 'consultation',
    when: (a) => has(a, 'massage_cautions', 'recent_surgery', 'skin_problem'),
  },
  { id: 'R29_bad_reaction', disposition: 'consultation', when: (a) => is(a, 'massage_reaction', 'bruising_or_worse') },
];

/**
 * CHANGES-bp-2.md: bp-1's table with R10 also reading `burning` (change 2) and the new R31 (change 1, a
 * consultation_24 rule, listed with the other consultation_24 rules). Changes 3-5 do not touch sections 2-4.
 */
const BP2_RULES: readonly OracleRule[] = BP1_RULES.flatMap((r): OracleRule[] => {
  if (r.id === 'R10_cancer_with_neuro') {
    return [
      {
        ...r,
        when: (a) =>
          has(a, 'medical_history', 'cancer') &&
          (has(a, 'general_signs', 'limb_weakness') || has(a, 'sensations', 'tingling', 'numbness', 'shooting', 'burning')),
      },
    ];
  }
  if (r.id === 'R19_clot') {
    return [r, { id: 'R31_sudden_severe_onset', disposition: 'consultation_24', when: (a) => is(a, 'onset', 'sudden_severe') }];
  }
  return [r];
});

export const NO_FLAGS = 'R30_no_flags';

export type AfterAnswer =
  | { kind: 'ask'; next: Qid }
  | { kind: 'declined' }
  | { kind: 'complete'; disposition: OracleDisposition; early: boolean };

export interface Simulation {
  status: 'complete' | 'declined';
  /** The questions asked, in order. */
  asked: Qid[];
  /** The answers actually given (only to questions asked). */
  given: Record<string, unknown>;
  disposition?: OracleDisposition;
  rules?: string[];
  gate?: OracleGate;
  gateRules?: string[];
}

/** PROTOCOL.md 1.2 and section 4 (unchanged in bp-2). */
export function oracleGate(a: OracleAnswers, disposition: OracleDisposition): { gate: OracleGate; gateRules: string[] } {
  if (disposition !== 'self_care') return { gate: 'none', gateRules: [] };
  const fired: string[] = [];
  if ((age(a) ?? -1) >= 65) fired.push('G1_older_adult');
  if (has(a, 'medical_history', 'osteoporosis')) fired.push('G2_bone_health');
  if (is(a, 'blood_thinners', 'antiplatelet')) fired.push('G3_antiplatelet');
  return fired.length > 0 ? { gate: 'gentle', gateRules: fired } : { gate: 'standard', gateRules: ['G4_standard'] };
}

/** One version's reading of the protocol: its rule table and the interview flow that follows from it. */
function oracleOf(version: string, table: readonly OracleRule[]) {
  const ruleDisposition = new Map(table.map((r) => [r.id, r.disposition]));

  /** The disposition a rule id leads to (R30 included), or undefined for an id the protocol does not have. */
  const dispositionOfRule = (id: string): OracleDisposition | undefined =>
    id === NO_FLAGS ? 'self_care' : ruleDisposition.get(id);

  /** Every disposition rule that fires, in table order; exactly [R30_no_flags] when none does. */
  const rules = (a: OracleAnswers): string[] => {
    const fired = table.filter((r) => r.when(a)).map((r) => r.id);
    return fired.length > 0 ? fired : [NO_FLAGS];
  };

  /** The most urgent disposition of a set of rule ids. */
  const mostUrgentOf = (ruleIds: readonly string[]): OracleDisposition => {
    const ds = ruleIds.map((id) => dispositionOfRule(id));
    for (const d of URGENCY_ORDER) if (ds.includes(d)) return d;
    return 'self_care';
  };

  const disposition = (a: OracleAnswers): OracleDisposition => mostUrgentOf(rules(a));

  /** PROTOCOL.md section 2, "asked when", given the answers so far (all earlier questions answered). */
  const isAsked = (q: Qid, a: OracleAnswers): boolean => {
    switch (q) {
      case 'movement_related':
        return has(a, 'pain_region', 'upper_back');
      case 'previously_assessed':
        return is(a, 'pain_duration', '6_to_12_weeks', 'over_12_weeks');
      case 'pregnancy': {
        const y = age(a);
        return y !== undefined && y >= 12 && y <= 55;
      }
      case 'equipment':
      case 'floor_ok':
        return disposition(a) === 'self_care';
      default:
        return true;
    }
  };

  /**
   * What the interview must do right after `q` was answered (its answer is in `a`): ask the next question, or end.
   * Only consent `decline`, an emergency disposition (early exit), or running out of questions end it.
   */
  const afterAnswer = (q: Qid, a: OracleAnswers): AfterAnswer => {
    if (q === 'consent' && a.consent === 'decline') return { kind: 'declined' };
    const d = disposition(a);
    const index = QUESTION_ORDER.indexOf(q);
    const next = QUESTION_ORDER.slice(index + 1).find((n) => isAsked(n, a));
    if (isEmergency(d)) return { kind: 'complete', disposition: d, early: next !== undefined };
    if (next === undefined) return { kind: 'complete', disposition: d, early: false };
    return { kind: 'ask', next };
  };

  /** Plays a patient who would answer every question with `intended[q]` through the protocol flow. */
  const simulate = (intended: OracleAnswers): Simulation => {
    const given: Record<string, unknown> = {};
    const asked: Qid[] = [];
    let q: Qid = 'consent';
    for (;;) {
      asked.push(q);
      given[q] = intended[q];
      const after = afterAnswer(q, given);
      if (after.kind === 'declined') return { status: 'declined', asked, given };
      if (after.kind === 'complete') {
        const { gate, gateRules } = oracleGate(given, after.disposition);
        return { status: 'complete', asked, given, disposition: after.disposition, rules: rules(given), gate, gateRules };
      }
      q = after.next;
    }
  };

  return { version, table, dispositionOfRule, rules, mostUrgentOf, disposition, isAsked, afterAnswer, simulate };
}

export type Oracle = ReturnType<typeof oracleOf>;

/** One oracle per protocol version the engine supports; a version without one fails the safety tests. */
export const ORACLES: Readonly<Record<string, Oracle>> = {
  'bp-1': oracleOf('bp-1', BP1_RULES),
  'bp-2': oracleOf('bp-2', BP2_RULES),
};

/** A small deterministic hash (FNV-1a), for reproducible "pick one of these" choices in generated paths. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
