/**
 * The answer domains of protocol bp-1 (PROTOCOL.md section 2). These ids and values are a public contract:
 * the API, stored transcripts, exports and clinical cases all use them.
 */
export const REGIONS = ['neck', 'shoulders', 'upper_back', 'lower_back', 'hips_glutes'] as const;
export const EMERGENCY_SIGNS = ['chest_pain', 'tearing_pain', 'stroke_signs', 'serious_accident', 'none'] as const;
export const NERVE_EMERGENCY_SIGNS = [
  'saddle_numbness',
  'bladder_bowel',
  'sexual_function',
  'both_legs',
  'cord_signs',
  'none',
] as const;
export const GENERAL_SIGNS = [
  'fever',
  'weight_loss',
  'night_pain',
  'lump_or_deformity',
  'cough_sneeze_pain',
  'limb_weakness',
  'none',
] as const;
export const MEDICAL_HISTORY = ['cancer', 'immune_risk', 'recent_spine_procedure', 'osteoporosis', 'none'] as const;
export const BLOOD_THINNERS = ['anticoagulant', 'antiplatelet', 'none', 'unsure'] as const;
export const ONSETS = ['gradual', 'after_activity', 'minor_fall', 'sudden_severe'] as const;
export const SENSATIONS = [
  'dull_ache',
  'tightness',
  'tender_spots',
  'sharp_pinch',
  'tingling',
  'numbness',
  'burning',
  'shooting',
] as const;
export const YES_NO_UNSURE = ['yes', 'no', 'unsure'] as const;
export const YES_NO = ['yes', 'no'] as const;
export const DURATIONS = ['under_2_weeks', '2_to_6_weeks', '6_to_12_weeks', 'over_12_weeks'] as const;
export const TRENDS = ['improving', 'same', 'worse'] as const;
export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export const PREGNANCY = ['yes', 'no', 'unsure', 'not_applicable'] as const;
export const MASSAGE_CAUTIONS = ['clot', 'bleeding_disorder', 'recent_surgery', 'skin_problem', 'none'] as const;
export const MASSAGE_REACTIONS = ['never_tried', 'fine', 'bruising_or_worse'] as const;
export const EQUIPMENT = ['massage_ball', 'double_ball', 'foam_roller', 'back_massager', 'tennis_ball', 'none'] as const;
export const CONSENT = ['agree', 'decline'] as const;

export type Region = (typeof REGIONS)[number];
export type Equipment = (typeof EQUIPMENT)[number];
export type Tool = Exclude<Equipment, 'none'>;

/** Everything a patient can have answered. A question not (yet) asked is absent. */
export interface Answers {
  consent?: (typeof CONSENT)[number];
  age_years?: number;
  pain_region?: Region[];
  emergency_signs?: (typeof EMERGENCY_SIGNS)[number][];
  nerve_emergency_signs?: (typeof NERVE_EMERGENCY_SIGNS)[number][];
  general_signs?: (typeof GENERAL_SIGNS)[number][];
  medical_history?: (typeof MEDICAL_HISTORY)[number][];
  blood_thinners?: (typeof BLOOD_THINNERS)[number];
  onset?: (typeof ONSETS)[number];
  sensations?: (typeof SENSATIONS)[number][];
  movement_related?: (typeof YES_NO_UNSURE)[number];
  pain_duration?: (typeof DURATIONS)[number];
  pain_trend?: (typeof TRENDS)[number];
  previously_assessed?: (typeof YES_NO)[number];
  pain_severity?: (typeof SEVERITIES)[number];
  pregnancy?: (typeof PREGNANCY)[number];
  massage_cautions?: (typeof MASSAGE_CAUTIONS)[number][];
  massage_reaction?: (typeof MASSAGE_REACTIONS)[number];
  equipment?: Equipment[];
  floor_ok?: (typeof YES_NO)[number];
}

export type QuestionId = keyof Answers;
export type AnswerValue = string | number | string[];

/** Dispositions, most urgent first (PROTOCOL.md 1.1). */
export const DISPOSITIONS = ['emergency_ambulance', 'emergency', 'consultation_24', 'consultation', 'self_care'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const GATES = ['none', 'gentle', 'standard'] as const;
export type Gate = (typeof GATES)[number];

export const PLAN_AREAS = ['neck', 'shoulders', 'upper_back', 'lower_back', 'hips_glutes', 'chest'] as const;
export type PlanArea = (typeof PLAN_AREAS)[number];
export const POSITIONS = ['floor', 'wall', 'chair', 'standing'] as const;
export type Position = (typeof POSITIONS)[number];
