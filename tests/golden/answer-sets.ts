/**
 * Seeded random answer maps for the golden outcome files: answers for every question (an interview asks only some),
 * half of them "quiet" (few flags, so many reach self-care and a plan), half unbiased (red flags, early exits).
 * A small seeded PRNG of our own, so the sets do not depend on a test library's version.
 */
import { seeded } from '../support/random';

const VALUES = {
  pain_region: ['neck', 'shoulders', 'upper_back', 'lower_back', 'hips_glutes'],
  emergency_signs: ['chest_pain', 'tearing_pain', 'stroke_signs', 'serious_accident'],
  nerve_emergency_signs: ['saddle_numbness', 'bladder_bowel', 'sexual_function', 'both_legs', 'cord_signs'],
  general_signs: ['fever', 'weight_loss', 'night_pain', 'lump_or_deformity', 'cough_sneeze_pain', 'limb_weakness'],
  medical_history: ['cancer', 'immune_risk', 'recent_spine_procedure', 'osteoporosis'],
  blood_thinners: ['anticoagulant', 'antiplatelet', 'none', 'unsure'],
  onset: ['gradual', 'after_activity', 'minor_fall', 'sudden_severe'],
  sensations: ['dull_ache', 'tightness', 'tender_spots', 'sharp_pinch', 'tingling', 'numbness', 'burning', 'shooting'],
  movement_related: ['yes', 'no', 'unsure'],
  pain_duration: ['under_2_weeks', '2_to_6_weeks', '6_to_12_weeks', 'over_12_weeks'],
  pain_trend: ['improving', 'same', 'worse'],
  previously_assessed: ['yes', 'no'],
  pain_severity: ['mild', 'moderate', 'severe'],
  pregnancy: ['yes', 'no', 'unsure', 'not_applicable'],
  massage_cautions: ['clot', 'bleeding_disorder', 'recent_surgery', 'skin_problem'],
  massage_reaction: ['never_tried', 'fine', 'bruising_or_worse'],
  equipment: ['massage_ball', 'double_ball', 'foam_roller', 'back_massager', 'tennis_ball'],
  floor_ok: ['yes', 'no'],
} as const;

const AGES = [0, 11, 12, 15, 16, 30, 45, 55, 56, 64, 65, 69, 70, 90, 120];

export function answerSets(seed: number, count: number): Record<string, unknown>[] {
  const next = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const subset = (list: readonly string[]) => {
    const chosen = list.filter(() => next() < 0.35);
    return chosen.length > 0 ? chosen : [pick(list)];
  };
  /** `none` with probability `pNone`, else a non-empty subset. */
  const flags = (list: readonly string[], pNone: number) => (next() < pNone ? ['none'] : subset(list));
  const single = (list: readonly string[], quiet: readonly string[], pQuiet: number) =>
    next() < pQuiet ? pick(quiet) : pick(list);

  const sets: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const quiet = i % 2 === 0;
    const q = quiet ? 0.9 : 0.4;
    sets.push({
      consent: next() < 0.02 ? 'decline' : 'agree',
      age_years: next() < 0.7 ? pick(AGES) : Math.floor(next() * 121),
      pain_region: subset(VALUES.pain_region),
      emergency_signs: flags(VALUES.emergency_signs, quiet ? 0.98 : 0.8),
      nerve_emergency_signs: flags(VALUES.nerve_emergency_signs, quiet ? 0.98 : 0.8),
      general_signs: flags(VALUES.general_signs, q),
      medical_history: flags(VALUES.medical_history, q),
      blood_thinners: single(VALUES.blood_thinners, ['none', 'antiplatelet'], q),
      onset: single(VALUES.onset, ['gradual', 'after_activity'], q),
      sensations: next() < q ? subset(VALUES.sensations.slice(0, 3)) : subset(VALUES.sensations),
      movement_related: single(VALUES.movement_related, ['yes'], q),
      pain_duration: pick(VALUES.pain_duration),
      pain_trend: single(VALUES.pain_trend, ['improving', 'same'], q),
      previously_assessed: single(VALUES.previously_assessed, ['yes'], q),
      pain_severity: single(VALUES.pain_severity, ['mild', 'moderate'], q),
      pregnancy: single(VALUES.pregnancy, ['no', 'not_applicable'], q),
      massage_cautions: flags(VALUES.massage_cautions, q),
      massage_reaction: single(VALUES.massage_reaction, ['never_tried', 'fine'], q),
      equipment: next() < 0.1 ? ['none'] : subset(VALUES.equipment),
      floor_ok: pick(VALUES.floor_ok),
    });
  }
  return sets;
}
