import type { AnswerValue, QuestionId } from '@/lib/protocol/types';

/** A plain self-care interview: no flags, standard gate. */
export const SELF_CARE: Partial<Record<QuestionId, AnswerValue>> = {
  consent: 'agree',
  age_years: 40,
  pain_region: ['lower_back'],
  emergency_signs: ['none'],
  nerve_emergency_signs: ['none'],
  general_signs: ['none'],
  medical_history: ['none'],
  blood_thinners: 'none',
  onset: 'after_activity',
  sensations: ['tightness', 'tender_spots'],
  pain_duration: 'under_2_weeks',
  pain_trend: 'improving',
  pain_severity: 'moderate',
  pregnancy: 'no',
  massage_cautions: ['none'],
  massage_reaction: 'fine',
  equipment: ['massage_ball'],
  floor_ok: 'yes',
};
