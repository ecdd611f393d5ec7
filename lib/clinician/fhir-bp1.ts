import { QUESTIONS } from '../protocol/questions';
import { DISPOSITION_RULES, type DispositionRuleId } from '../protocol/rules';
import { PROTOCOL_VERSION } from '../protocol/version';
import { all, answerIn, any, not, numberIs, type Condition } from './fhir-conditions';
import type { FhirProtocol } from './fhir-questionnaire';

/**
 * Protocol bp-1's rules and "asked when" conditions in the condition forms a Questionnaire can carry. The protocol
 * holds them as TypeScript predicates (lib/protocol), which no form engine can read; tests/db/clinician-fhir.test.ts
 * checks, on thousands of generated answer sets, that each condition here agrees with the predicate it translates.
 * Keyed by rule id, so a rule added to the protocol without a translation fails the type check.
 */
const RULE_CONDITIONS = {
  R01_chest_pain: answerIn('emergency_signs', 'chest_pain'),
  R02_tearing_pain: answerIn('emergency_signs', 'tearing_pain'),
  R03_stroke_signs: answerIn('emergency_signs', 'stroke_signs'),
  R04_serious_accident: answerIn('emergency_signs', 'serious_accident'),
  R05_cauda_equina: answerIn('nerve_emergency_signs', 'saddle_numbness', 'bladder_bowel', 'sexual_function'),
  R06_both_legs: answerIn('nerve_emergency_signs', 'both_legs'),
  R07_cord_signs: answerIn('nerve_emergency_signs', 'cord_signs'),
  R08_infection_with_neuro: all(
    answerIn('general_signs', 'fever'),
    any(answerIn('general_signs', 'limb_weakness'), answerIn('medical_history', 'immune_risk', 'recent_spine_procedure')),
  ),
  R09_bleed_on_anticoagulant: all(answerIn('blood_thinners', 'anticoagulant', 'unsure'), answerIn('onset', 'sudden_severe')),
  R10_cancer_with_neuro: all(
    answerIn('medical_history', 'cancer'),
    any(answerIn('general_signs', 'limb_weakness'), answerIn('sensations', 'tingling', 'numbness', 'shooting')),
  ),
  R11_fever: answerIn('general_signs', 'fever'),
  R12_systemic: answerIn('general_signs', 'weight_loss', 'night_pain', 'lump_or_deformity', 'cough_sneeze_pain'),
  R13_limb_weakness: answerIn('general_signs', 'limb_weakness'),
  R14_cancer_history: answerIn('medical_history', 'cancer'),
  R15_infection_risk: answerIn('medical_history', 'immune_risk', 'recent_spine_procedure'),
  R16_fragility_fracture: all(
    answerIn('onset', 'minor_fall'),
    any(answerIn('medical_history', 'osteoporosis', 'immune_risk'), numberIs('age_years', '>=', 70)),
  ),
  R17_thoracic_nonmechanical: all(answerIn('pain_region', 'upper_back'), answerIn('movement_related', 'no', 'unsure')),
  R18_severe_pain: answerIn('pain_severity', 'severe'),
  R19_clot: answerIn('massage_cautions', 'clot'),
  R20_under_16: numberIs('age_years', '<', 16),
  R21_nerve_symptoms: answerIn('sensations', 'sharp_pinch', 'tingling', 'numbness', 'burning', 'shooting'),
  R22_minor_injury: answerIn('onset', 'minor_fall'),
  R23_worsening: answerIn('pain_trend', 'worse'),
  // "pain_trend is answered and not improving": the other two trends.
  R24_persistent_unassessed: all(
    answerIn('pain_duration', '6_to_12_weeks', 'over_12_weeks'),
    answerIn('pain_trend', 'same', 'worse'),
    answerIn('previously_assessed', 'no'),
  ),
  R25_anticoagulant: answerIn('blood_thinners', 'anticoagulant', 'unsure'),
  R26_pregnancy: answerIn('pregnancy', 'yes', 'unsure'),
  R27_bleeding_disorder: answerIn('massage_cautions', 'bleeding_disorder'),
  R28_recent_surgery_or_skin: answerIn('massage_cautions', 'recent_surgery', 'skin_problem'),
  R29_bad_reaction: answerIn('massage_reaction', 'bruising_or_worse'),
} satisfies Record<DispositionRuleId, Condition>;

/** Self-care is still the outcome: no disposition rule fires (R30_no_flags). */
const SELF_CARE_STILL = not(any(...Object.values(RULE_CONDITIONS)));

export const BP1_FHIR: FhirProtocol = {
  version: PROTOCOL_VERSION,
  // The day protocol bp-1 was first published in this repository; a new version gets its own date.
  date: '2026-11-21',
  questions: QUESTIONS,
  rules: DISPOSITION_RULES.map((r) => ({ id: r.id, disposition: r.disposition, condition: RULE_CONDITIONS[r.id] })),
  earlyExit: ['emergency_ambulance', 'emergency'],
  askedWhen: {
    movement_related: answerIn('pain_region', 'upper_back'),
    previously_assessed: answerIn('pain_duration', '6_to_12_weeks', 'over_12_weeks'),
    pregnancy: all(numberIs('age_years', '>=', 12), numberIs('age_years', '<=', 55)),
    equipment: SELF_CARE_STILL,
    floor_ok: SELF_CARE_STILL,
  },
  consent: { question: 'consent', code: 'agree' },
  // Checked against published sources; docs/api.md says which, and why no others.
  questionCodes: {
    age_years: [{ system: 'http://loinc.org', code: '21612-7' }],
    pregnancy: [{ system: 'http://loinc.org', code: '82810-3', display: 'Pregnancy status' }],
  },
};
