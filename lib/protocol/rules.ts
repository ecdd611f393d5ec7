import type { SourceId } from './sources';
import type { Answers, Disposition, Gate } from './types';

export interface DispositionRule {
  id: string;
  disposition: Disposition;
  /** True when the rule fires. An unanswered question never makes a rule fire. */
  when: (a: Answers) => boolean;
  /** The condition in clinical words (clinician view, docs). */
  condition: string;
  /** Why this matters, in plain words for the patient. */
  reason: string;
  sources: readonly SourceId[];
}

export interface GateRule {
  id: string;
  gate: Exclude<Gate, 'none'>;
  when: (a: Answers) => boolean;
  condition: string;
  reason: string;
  sources: readonly SourceId[];
}

const has = <T extends string>(list: readonly T[] | undefined, ...values: T[]): boolean =>
  list !== undefined && values.some((v) => list.includes(v));

const is = <T extends string>(value: T | undefined, ...values: T[]): boolean =>
  value !== undefined && values.includes(value);

/** PROTOCOL.md section 3, in table order. R30 is implicit: it fires when nothing here does. */
export const DISPOSITION_RULES = [
  {
    id: 'R01_chest_pain',
    disposition: 'emergency_ambulance',
    when: (a) => has(a.emergency_signs, 'chest_pain'),
    condition: 'emergency_signs has chest_pain',
    reason: 'Chest pain, or pain spreading to the arm or jaw, can be a heart attack.',
    sources: ['nhs_back_pain', 'acp_aps_2007'],
  },
  {
    id: 'R02_tearing_pain',
    disposition: 'emergency_ambulance',
    when: (a) => has(a.emergency_signs, 'tearing_pain'),
    condition: 'emergency_signs has tearing_pain',
    reason: 'Sudden tearing pain can mean a torn main blood vessel.',
    sources: ['acp_aps_2007', 'chou_2011'],
  },
  {
    id: 'R03_stroke_signs',
    disposition: 'emergency_ambulance',
    when: (a) => has(a.emergency_signs, 'stroke_signs'),
    condition: 'emergency_signs has stroke_signs',
    reason: 'These can be signs of a stroke or a damaged blood vessel in the neck.',
    sources: ['cks_neck', 'ifompt_cervical'],
  },
  {
    id: 'R04_serious_accident',
    disposition: 'emergency_ambulance',
    when: (a) => has(a.emergency_signs, 'serious_accident'),
    condition: 'emergency_signs has serious_accident',
    reason: 'Pain after a serious accident can mean a broken bone in the spine. Try not to move your neck or back.',
    sources: ['cks_neck', 'chou_2011'],
  },
  {
    id: 'R05_cauda_equina',
    disposition: 'emergency',
    when: (a) => has(a.nerve_emergency_signs, 'saddle_numbness', 'bladder_bowel', 'sexual_function'),
    condition: 'nerve_emergency_signs has saddle_numbness, bladder_bowel or sexual_function',
    reason: 'Numbness around the bottom or genitals, or new bladder, bowel or sexual problems, can mean the nerves at the base of the spine are squeezed (cauda equina syndrome).',
    sources: ['ces_card', 'nice_ng59', 'nhs_sciatica'],
  },
  {
    id: 'R06_both_legs',
    disposition: 'emergency',
    when: (a) => has(a.nerve_emergency_signs, 'both_legs'),
    condition: 'nerve_emergency_signs has both_legs',
    reason: 'Symptoms in both legs can mean the nerves at the base of the spine are squeezed.',
    sources: ['ces_card', 'nhs_sciatica'],
  },
  {
    id: 'R07_cord_signs',
    disposition: 'emergency',
    when: (a) => has(a.nerve_emergency_signs, 'cord_signs'),
    condition: 'nerve_emergency_signs has cord_signs',
    reason: 'Clumsy hands, unsteady walking or electric shocks down the spine can mean the spinal cord in the neck is squeezed.',
    sources: ['cks_neck', 'ifompt_cervical'],
  },
  {
    id: 'R08_infection_with_neuro',
    disposition: 'emergency',
    when: (a) =>
      has(a.general_signs, 'fever') &&
      (has(a.general_signs, 'limb_weakness') || has(a.medical_history, 'immune_risk', 'recent_spine_procedure')),
    condition:
      'general_signs has fever and (general_signs has limb_weakness or medical_history has immune_risk or recent_spine_procedure)',
    reason: 'A fever with weakness, a weak immune system or a recent spine procedure can mean an infection in the spine.',
    sources: ['chou_2011', 'acp_aps_2007', 'nhs_back_pain'],
  },
  {
    id: 'R09_bleed_on_anticoagulant',
    disposition: 'emergency',
    when: (a) => is(a.blood_thinners, 'anticoagulant', 'unsure') && is(a.onset, 'sudden_severe'),
    condition: 'blood_thinners is anticoagulant or unsure, and onset is sudden_severe',
    reason: 'Sudden severe pain while taking a blood thinner can mean bleeding near the spine.',
    sources: ['acp_aps_2007', 'chou_2011'],
  },
  {
    id: 'R10_cancer_with_neuro',
    disposition: 'emergency',
    when: (a) =>
      has(a.medical_history, 'cancer') &&
      (has(a.general_signs, 'limb_weakness') || has(a.sensations, 'tingling', 'numbness', 'shooting')),
    condition:
      'medical_history has cancer, and (general_signs has limb_weakness or sensations has tingling, numbness or shooting)',
    reason: 'Nerve symptoms in someone who has had cancer can mean the spinal cord is being pressed on.',
    sources: ['chou_2011', 'acp_aps_2007'],
  },
  {
    id: 'R11_fever',
    disposition: 'consultation_24',
    when: (a) => has(a.general_signs, 'fever'),
    condition: 'general_signs has fever',
    reason: 'Back pain with a fever can mean an infection.',
    sources: ['nhs_back_pain', 'chou_2011'],
  },
  {
    id: 'R12_systemic',
    disposition: 'consultation_24',
    when: (a) => has(a.general_signs, 'weight_loss', 'night_pain', 'lump_or_deformity', 'cough_sneeze_pain'),
    condition: 'general_signs has weight_loss, night_pain, lump_or_deformity or cough_sneeze_pain',
    reason: 'Weight loss, pain at night or at rest, a lump or a change in shape, or pain on coughing should be checked by a doctor.',
    sources: ['chou_2011', 'acp_aps_2007', 'nhs_back_pain', 'nice_ng65'],
  },
  {
    id: 'R13_limb_weakness',
    disposition: 'consultation_24',
    when: (a) => has(a.general_signs, 'limb_weakness'),
    condition: 'general_signs has limb_weakness',
    reason: 'New weakness in an arm or leg can mean a nerve is pressed on.',
    sources: ['nhs_sciatica', 'acp_aps_2007'],
  },
  {
    id: 'R14_cancer_history',
    disposition: 'consultation_24',
    when: (a) => has(a.medical_history, 'cancer'),
    condition: 'medical_history has cancer',
    reason: 'New back pain after cancer should be checked by a doctor soon.',
    sources: ['acp_aps_2007', 'chou_2011'],
  },
  {
    id: 'R15_infection_risk',
    disposition: 'consultation_24',
    when: (a) => has(a.medical_history, 'immune_risk', 'recent_spine_procedure'),
    condition: 'medical_history has immune_risk or recent_spine_procedure',
    reason: 'A weak immune system or a recent spine procedure makes a spine infection more likely.',
    sources: ['acp_aps_2007', 'chou_2011'],
  },
  {
    id: 'R16_fragility_fracture',
    disposition: 'consultation_24',
    when: (a) =>
      is(a.onset, 'minor_fall') &&
      (has(a.medical_history, 'osteoporosis', 'immune_risk') || (a.age_years !== undefined && a.age_years >= 70)),
    condition: 'onset is minor_fall, and (medical_history has osteoporosis or immune_risk, or age_years >= 70)',
    reason: 'A small fall can break a bone in the spine when bones are thin or with older age.',
    sources: ['chou_2011', 'acp_aps_2007'],
  },
  {
    id: 'R17_thoracic_nonmechanical',
    disposition: 'consultation_24',
    when: (a) => has(a.pain_region, 'upper_back') && is(a.movement_related, 'no', 'unsure'),
    condition: 'pain_region has upper_back and movement_related is no or unsure',
    reason: 'Upper back pain that does not change with movement can come from the heart, lungs or other organs.',
    sources: ['acp_aps_2007', 'chou_2011'],
  },
  {
    id: 'R18_severe_pain',
    disposition: 'consultation_24',
    when: (a) => is(a.pain_severity, 'severe'),
    condition: 'pain_severity is severe',
    reason: 'Severe pain needs a doctor to find the cause and help you manage it.',
    sources: ['nhs_back_pain'],
  },
  {
    id: 'R19_clot',
    disposition: 'consultation_24',
    when: (a) => has(a.massage_cautions, 'clot'),
    condition: 'massage_cautions has clot',
    reason: 'A blood clot or a swollen, painful calf needs checking soon, and massage could move a clot.',
    sources: ['nccih_massage', 'mayo_massage'],
  },
  {
    id: 'R20_under_16',
    disposition: 'consultation',
    when: (a) => a.age_years !== undefined && a.age_years < 16,
    condition: 'age_years < 16',
    reason: 'Back pain in children and young teenagers should be checked by a doctor.',
    sources: ['nice_ng59'],
  },
  {
    id: 'R21_nerve_symptoms',
    disposition: 'consultation',
    when: (a) => has(a.sensations, 'sharp_pinch', 'tingling', 'numbness', 'burning', 'shooting'),
    condition: 'sensations has sharp_pinch, tingling, numbness, burning or shooting',
    reason: 'A sharp pinch, tingling, numbness, burning or shooting pain can come from a nerve, not a muscle.',
    sources: ['nhs_sciatica', 'seed_back_massager'],
  },
  {
    id: 'R22_minor_injury',
    disposition: 'consultation',
    when: (a) => is(a.onset, 'minor_fall'),
    condition: 'onset is minor_fall',
    reason: 'Pain after a fall or bump should be checked before you massage it.',
    sources: ['nhs_back_pain'],
  },
  {
    id: 'R23_worsening',
    disposition: 'consultation',
    when: (a) => is(a.pain_trend, 'worse'),
    condition: 'pain_trend is worse',
    reason: 'Pain that keeps getting worse should be checked.',
    sources: ['nhs_back_pain'],
  },
  {
    id: 'R24_persistent_unassessed',
    disposition: 'consultation',
    when: (a) =>
      is(a.pain_duration, '6_to_12_weeks', 'over_12_weeks') &&
      a.pain_trend !== undefined &&
      a.pain_trend !== 'improving' &&
      is(a.previously_assessed, 'no'),
    condition:
      'pain_duration is 6_to_12_weeks or over_12_weeks, pain_trend is not improving, and previously_assessed is no',
    reason: 'Pain that has lasted more than 6 weeks without getting better should be checked at least once.',
    sources: ['nice_ng59', 'nhs_back_pain'],
  },
  {
    id: 'R25_anticoagulant',
    disposition: 'consultation',
    when: (a) => is(a.blood_thinners, 'anticoagulant', 'unsure'),
    condition: 'blood_thinners is anticoagulant or unsure',
    reason: 'Blood thinners make bruising and bleeding from massage more likely.',
    sources: ['nccih_massage', 'mayo_massage', 'seed_back_massager'],
  },
  {
    id: 'R26_pregnancy',
    disposition: 'consultation',
    when: (a) => is(a.pregnancy, 'yes', 'unsure'),
    condition: 'pregnancy is yes or unsure',
    reason: 'Back pain in pregnancy should be checked, and some massage is not safe in pregnancy.',
    sources: ['nccih_massage', 'mayo_massage'],
  },
  {
    id: 'R27_bleeding_disorder',
    disposition: 'consultation',
    when: (a) => has(a.massage_cautions, 'bleeding_disorder'),
    condition: 'massage_cautions has bleeding_disorder',
    reason: 'A bleeding disorder makes bruising and bleeding from massage more likely.',
    sources: ['nccih_massage', 'mayo_massage'],
  },
  {
    id: 'R28_recent_surgery_or_skin',
    disposition: 'consultation',
    when: (a) => has(a.massage_cautions, 'recent_surgery', 'skin_problem'),
    condition: 'massage_cautions has recent_surgery or skin_problem',
    reason: 'Massage is not safe over healing surgery, wounds, burns, rashes or skin infections.',
    sources: ['nccih_massage', 'mayo_massage'],
  },
  {
    id: 'R29_bad_reaction',
    disposition: 'consultation',
    when: (a) => is(a.massage_reaction, 'bruising_or_worse'),
    condition: 'massage_reaction is bruising_or_worse',
    reason: 'Massage hurt you before, so a professional should show you what is safe for you.',
    sources: ['bartsch_2021', 'mayo_massage'],
  },
] as const satisfies readonly DispositionRule[];

export type DispositionRuleId = (typeof DISPOSITION_RULES)[number]['id'];

export const NO_FLAGS_RULE = {
  id: 'R30_no_flags',
  disposition: 'self_care',
  condition: 'none of R01-R29 fired',
  reason: 'Nothing you told us needs a doctor first, so you can start with safe self-care.',
  sources: ['nice_ng59'],
} as const satisfies Omit<DispositionRule, 'when'>;

/** PROTOCOL.md section 4. G4 is implicit: it fires when none of G1-G3 does. */
export const GATE_RULES: readonly GateRule[] = [
  {
    id: 'G1_older_adult',
    gate: 'gentle',
    when: (a) => a.age_years !== undefined && a.age_years >= 65,
    condition: 'age_years >= 65',
    reason: 'Over 65, muscles and skin bruise more easily, so use light pressure.',
    sources: ['seed_back_massager', 'mayo_massage'],
  },
  {
    id: 'G2_bone_health',
    gate: 'gentle',
    when: (a) => has(a.medical_history, 'osteoporosis'),
    condition: 'medical_history has osteoporosis',
    reason: 'Thin bones need light pressure.',
    sources: ['mayo_massage', 'bartsch_2021'],
  },
  {
    id: 'G3_antiplatelet',
    gate: 'gentle',
    when: (a) => is(a.blood_thinners, 'antiplatelet'),
    condition: 'blood_thinners is antiplatelet',
    reason: 'Blood-thinning medicine makes bruising more likely, so use light pressure.',
    sources: ['seed_back_massager', 'nccih_massage'],
  },
];

export const STANDARD_GATE_RULE = {
  id: 'G4_standard',
  gate: 'standard',
  condition: 'none of G1-G3 fired',
  reason: 'Nothing you told us needs extra care, so you can use normal, comfortable pressure.',
  sources: ['bartsch_2021', 'seed_double_ball'],
} as const satisfies Omit<GateRule, 'when' | 'gate'> & { gate: Gate };

/** Every rule id with its description, for clinician views and exports. */
export const ALL_RULES = [...DISPOSITION_RULES, NO_FLAGS_RULE, ...GATE_RULES, STANDARD_GATE_RULE] as const;

export function ruleById(id: string) {
  return ALL_RULES.find((r) => r.id === id);
}
