import type { Line } from '../../model';
import type { Disposition } from '../../types';

/** What the patient should do, by disposition (PROTOCOL.md 1.1). The first line is the call to action. */
export const DISPOSITION_ADVICE: Record<Disposition, readonly string[]> = {
  emergency_ambulance: [
    'Call your emergency number now.',
    'Do not drive yourself. Unlock your door and stay where someone can reach you.',
  ],
  emergency: [
    'Go to an emergency department now.',
    'If you cannot get there safely, call your emergency number.',
    'Do not drive yourself.',
  ],
  consultation_24: [
    'See a doctor today, or within 24 hours.',
    'You can go to urgent care, get a same-day appointment, or call a nurse line.',
    'Do not start self-massage until a doctor has checked you.',
  ],
  consultation: [
    'Book an appointment with your doctor or physiotherapist.',
    'Do not start the self-massage plan until they have checked you.',
  ],
  self_care: [
    'You can look after this at home with the self-massage plan below.',
    'Keep active. Movement helps back pain get better.',
  ],
};

/** Safety-netting on every outcome (PROTOCOL.md 1.1). */
export const SAFETY_NET: readonly Line[] = [
  {
    id: 'chest_pain',
    text: 'Call your emergency number at once if you get chest pain or pressure, pain spreading to your arm or jaw, or feel breathless, sweaty or faint.',
  },
  {
    id: 'tearing_pain',
    text: 'Call your emergency number at once if you get sudden, severe, tearing pain in your chest, upper back or belly.',
  },
  {
    id: 'stroke_signs',
    text: 'Call your emergency number at once if you get a sudden severe headache, double vision, slurred speech, trouble swallowing, a numb face, or sudden falls.',
  },
  {
    id: 'cauda_equina',
    text: 'Go to an emergency department at once if you get numbness around your bottom or genitals, trouble peeing or controlling your bowels, or pain, tingling or weakness in both legs.',
  },
  {
    id: 'cord_signs',
    text: 'Go to an emergency department at once if you get new clumsy hands, unsteady walking, electric shocks down your spine when you bend your neck, or new problems getting an erection or ejaculating.',
  },
  {
    id: 'sooner',
    text: 'See a doctor sooner if you get a fever, new weakness in an arm or leg, pain that is worse at night, or pain that keeps getting worse.',
  },
  {
    id: 'course',
    text: 'Most back pain gets much better within about 2 weeks. Pain from a nerve, like sciatica, often gets better within 4 to 6 weeks.',
  },
];
