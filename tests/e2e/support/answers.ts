import type { Answers } from '../../../lib/protocol/types';
import { SELF_CARE as BASE_SELF_CARE } from '../../support/answers';

/**
 * Whole interviews, as the answers a patient gives. The walk answers whatever the server asks from these, and fails
 * if it asks something not listed here or leaves a listed answer unused.
 */
export const SELF_CARE = BASE_SELF_CARE as Answers;

/** Self-care with no tools at home: the plan falls back to a tennis ball and says so. */
export const SELF_CARE_NO_TOOLS: Answers = {
  ...SELF_CARE,
  age_years: 68,
  pain_region: ['neck', 'shoulders'],
  equipment: ['none'],
  floor_ok: 'no',
};
// Pregnancy is asked from 12 to 55 only.
delete SELF_CARE_NO_TOOLS.pregnancy;

/** Chest pain ends the interview at question 3. */
export const CHEST_PAIN: Answers = {
  consent: 'agree',
  age_years: 58,
  pain_region: ['upper_back'],
  emergency_signs: ['chest_pain'],
};

/** Saddle numbness: emergency department, ends at question 4. */
export const CAUDA_EQUINA: Answers = {
  consent: 'agree',
  age_years: 45,
  pain_region: ['lower_back'],
  emergency_signs: ['none'],
  nerve_emergency_signs: ['saddle_numbness'],
};

/** Severe pain: see a doctor within 24 hours (R18). */
export const SEVERE_PAIN: Answers = { ...SELF_CARE, pain_severity: 'severe' };
delete SEVERE_PAIN.equipment;
delete SEVERE_PAIN.floor_ok;

/** Worse over the last week and tingling: book an appointment (R21 and R23). */
export const ROUTINE_REFERRAL: Answers = { ...SELF_CARE, sensations: ['dull_ache', 'tingling'], pain_trend: 'worse' };
delete ROUTINE_REFERRAL.equipment;
delete ROUTINE_REFERRAL.floor_ok;
