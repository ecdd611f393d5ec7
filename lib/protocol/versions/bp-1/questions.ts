import type { Option, QuestionDef } from '../../model';
import * as T from '../../types';

function options<const V extends readonly string[]>(values: V, labels: { [K in V[number]]: string }): Option[] {
  return values.map((value) => ({ value, label: labels[value as V[number]] }));
}

/** Protocol bp-1 questions in the order they are asked (PROTOCOL.md section 2). */
export const QUESTIONS: readonly QuestionDef[] = [
  {
    id: 'consent',
    kind: 'consent',
    prompt:
      'Knotwise helps you decide what to do about neck, back or hip pain. It is not a diagnosis. It is not for emergencies. If you are in danger, call your emergency number now. Do you want to go on?',
    help: 'We need you to know what this tool can and cannot do before we start. You can stop at any time.',
    options: options(T.CONSENT, { agree: 'Yes, I understand. Start.', decline: 'No, not now' }),
  },
  {
    id: 'age_years',
    kind: 'integer',
    prompt: 'How old are you, in whole years?',
    help: 'Some causes of back pain are more likely at some ages. Children and older adults need different advice.',
    min: 0,
    max: 120,
  },
  {
    id: 'pain_region',
    kind: 'multi',
    prompt: 'Where is your pain? Choose all that apply.',
    help: 'Where it hurts tells us which questions matter and which muscles a plan should work on.',
    options: options(T.REGIONS, {
      neck: 'Neck',
      shoulders: 'Top of the shoulders',
      upper_back: 'Upper back (between or below the shoulder blades)',
      lower_back: 'Lower back',
      hips_glutes: 'Hips or buttocks',
    }),
  },
  {
    id: 'emergency_signs',
    kind: 'multi',
    prompt: 'Do you have any of these right now? Choose all that apply.',
    help: 'These can be signs of a heart attack, a torn blood vessel, a stroke or a serious injury. They need an ambulance, not a chat.',
    options: options(T.EMERGENCY_SIGNS, {
      chest_pain:
        'Chest pain or pressure, or pain spreading to your arm or jaw, or feeling breathless, sweaty or faint',
      tearing_pain: 'Sudden, severe, tearing pain in your chest, upper back or belly',
      stroke_signs:
        'Sudden severe headache, double vision, slurred speech, trouble swallowing, a numb face, or sudden falls',
      serious_accident:
        'The pain started after a serious accident, like a car crash, a fall from a height or down stairs, diving, or a collision',
      none: 'None of these',
    }),
  },
  {
    id: 'nerve_emergency_signs',
    kind: 'multi',
    prompt: 'Do you have any of these new problems? Choose all that apply.',
    help: 'These can mean nerves in your spine are being squeezed. That needs hospital care the same day to protect them.',
    options: options(T.NERVE_EMERGENCY_SIGNS, {
      saddle_numbness:
        'New numbness or a strange feeling around your genitals, bottom or inner thighs, including when you wipe',
      bladder_bowel:
        'New trouble peeing (you cannot go, it is hard to start or stop, you leak, or you cannot feel a full bladder), or trouble controlling your bowels',
      sexual_function: 'New loss of feeling in your genitals, or new problems getting an erection or ejaculating',
      both_legs: 'Pain, tingling, numbness or weakness in both legs',
      cord_signs:
        'New clumsy hands, unsteady walking, or electric shocks down your spine when you bend your neck',
      none: 'None of these',
    }),
  },
  {
    id: 'general_signs',
    kind: 'multi',
    prompt: 'Do you have any of these? Choose all that apply.',
    help: 'These can be signs of an infection, a broken bone or another illness. A doctor should check them soon.',
    options: options(T.GENERAL_SIGNS, {
      fever: 'A high temperature, chills, or feeling very unwell',
      weight_loss: 'Losing weight without trying',
      night_pain: 'Pain that does not ease when you rest, or is worse at night',
      lump_or_deformity: 'A lump or swelling on your back, or your back has changed shape',
      cough_sneeze_pain: 'Pain that gets worse when you cough, sneeze or strain on the toilet',
      limb_weakness: 'New weakness in one arm or leg, like a dragging foot, a leg that gives way, or a weak grip',
      none: 'None of these',
    }),
  },
  {
    id: 'medical_history',
    kind: 'multi',
    prompt: 'Does any of this apply to you? Choose all that apply.',
    help: 'Some health problems make serious causes of back pain more likely, or make massage less safe.',
    options: options(T.MEDICAL_HISTORY, {
      cancer: 'I have cancer now, or had it in the past',
      immune_risk:
        'My immune system is weak (long-term steroids, chemotherapy, medicine that lowers immunity, HIV, a transplant), or I inject drugs',
      recent_spine_procedure: 'I had spine surgery or a spine injection in the last 3 months',
      osteoporosis: 'I have thin bones (osteoporosis), or I broke a bone in a minor fall',
      none: 'None of these',
    }),
  },
  {
    id: 'blood_thinners',
    kind: 'single',
    prompt: 'Do you take medicine that thins your blood?',
    help: 'Blood thinners make bleeding and bruising more likely. That changes how safe massage is, and what sudden pain can mean.',
    options: options(T.BLOOD_THINNERS, {
      anticoagulant:
        'Yes, an anticoagulant: warfarin, apixaban, rivaroxaban, edoxaban, dabigatran, or heparin injections',
      antiplatelet: 'Yes, an antiplatelet: daily aspirin, clopidogrel, ticagrelor or prasugrel',
      none: 'No',
      unsure: 'I am not sure',
    }),
  },
  {
    id: 'onset',
    kind: 'single',
    prompt: 'How did this pain start?',
    help: 'How pain starts helps us tell a strained muscle from an injury or something that needs a doctor.',
    options: options(T.ONSETS, {
      gradual: 'Slowly, over time',
      after_activity: 'After activity, like exercise, lifting, gardening or sitting a long time',
      minor_fall: 'After a small fall, slip or bump',
      sudden_severe: 'Suddenly and very badly, with no clear cause',
    }),
  },
  {
    id: 'sensations',
    kind: 'multi',
    prompt: 'What does the pain feel like? Choose all that apply.',
    help: 'Muscle pain often feels achy or tight. Tingling, numbness, burning or shooting pain can come from a nerve, and a nerve should be checked before you massage.',
    options: options(T.SENSATIONS, {
      dull_ache: 'A dull ache',
      tightness: 'Tight or stiff',
      tender_spots: 'Sore spots or knots when I press',
      sharp_pinch: 'A sharp pinch',
      tingling: 'Tingling or pins and needles',
      numbness: 'Numbness',
      burning: 'Burning',
      shooting: 'Shooting pain down a leg or arm',
    }),
  },
  {
    id: 'movement_related',
    kind: 'single',
    prompt: 'Does your upper back pain change when you move or change position?',
    help: 'Muscle pain in the upper back usually changes with movement. It may get worse after sitting hunched and ease when you stretch. Pain that does not change can come from somewhere else, like the heart or lungs.',
    options: options(T.YES_NO_UNSURE, {
      yes: 'Yes, it changes when I move or change position',
      no: 'No, it stays the same',
      unsure: 'I am not sure',
    }),
    askedWhen: { has: 'pain_region', anyOf: ['upper_back'] },
  },
  {
    id: 'pain_duration',
    kind: 'single',
    prompt: 'How long have you had this pain, this time?',
    help: 'Most back pain gets better within a few weeks. Pain that lasts longer should be checked by a doctor or physiotherapist.',
    options: options(T.DURATIONS, {
      under_2_weeks: 'Less than 2 weeks',
      '2_to_6_weeks': '2 to 6 weeks',
      '6_to_12_weeks': '6 to 12 weeks',
      over_12_weeks: 'More than 12 weeks',
    }),
  },
  {
    id: 'pain_trend',
    kind: 'single',
    prompt: 'Over the last week, has your pain been getting better, staying the same, or getting worse?',
    help: 'Pain that keeps getting worse should be checked.',
    options: options(T.TRENDS, { improving: 'Getting better', same: 'Staying the same', worse: 'Getting worse' }),
  },
  {
    id: 'previously_assessed',
    kind: 'single',
    prompt: 'Has a doctor or physiotherapist already checked this pain?',
    help: 'Pain that lasts more than 6 weeks and is not getting better should be checked at least once.',
    options: options(T.YES_NO, { yes: 'Yes', no: 'No' }),
    askedWhen: { is: 'pain_duration', anyOf: ['6_to_12_weeks', 'over_12_weeks'] },
  },
  {
    id: 'pain_severity',
    kind: 'single',
    prompt: 'How bad is the pain?',
    help: 'Very bad pain needs a doctor soon, both to find the cause and to help you with the pain.',
    options: options(T.SEVERITIES, {
      mild: 'Mild: it comes and goes, and I can get on with my day',
      moderate: 'Moderate: it is always there and makes it hard to focus or sleep, but I can manage',
      severe: 'Severe: it is hard to think or talk, I cannot sleep, and it is very hard to move',
    }),
  },
  {
    id: 'pregnancy',
    kind: 'single',
    prompt: 'Are you pregnant, or could you be?',
    help: 'Back pain in pregnancy should be checked by your midwife or doctor, and some massage is not safe in pregnancy.',
    options: options(T.PREGNANCY, {
      yes: 'Yes',
      no: 'No',
      unsure: 'I am not sure',
      not_applicable: 'This does not apply to me',
    }),
    askedWhen: { num: 'age_years', atLeast: 12, below: 56 },
  },
  {
    id: 'massage_cautions',
    kind: 'multi',
    prompt: 'Does any of this apply to you? Choose all that apply.',
    help: 'Pressing on the body is not safe with some conditions. A blood clot can move, and bleeding problems cause bruising.',
    options: options(T.MASSAGE_CAUTIONS, {
      clot: 'A blood clot now or recently (DVT or PE), or a swollen, painful calf',
      bleeding_disorder: 'A bleeding disorder or low platelets',
      recent_surgery: 'Any surgery in the last 3 months',
      skin_problem: 'A wound, burn, rash or skin infection where I would massage',
      none: 'None of these',
    }),
  },
  {
    id: 'massage_reaction',
    kind: 'single',
    prompt: 'Has self-massage or foam rolling ever left you bruised or made your pain worse?',
    help: 'A bad reaction before means a professional should show you what is safe for you.',
    options: options(T.MASSAGE_REACTIONS, {
      never_tried: 'I have never tried it',
      fine: 'No, it was fine',
      bruising_or_worse: 'Yes, it left bruises or made the pain worse',
    }),
  },
  {
    id: 'equipment',
    kind: 'multi',
    prompt: 'Which of these do you have at home? Choose all that apply.',
    help: 'Your plan will only use things you already have.',
    options: options(T.EQUIPMENT, {
      massage_ball: 'A massage ball',
      double_ball: 'A double (peanut) massage ball',
      foam_roller: 'A foam roller',
      back_massager: 'A back massager hook or a back trigger-point massager',
      tennis_ball: 'A tennis ball',
      none: 'None of these',
    }),
    selfCareOnly: true,
  },
  {
    id: 'floor_ok',
    kind: 'single',
    prompt: 'Can you get down onto the floor and back up comfortably?',
    help: 'Some exercises are done lying on the floor. If getting down is hard, your plan will use a wall or a chair.',
    options: options(T.YES_NO, { yes: 'Yes', no: 'No' }),
    selfCareOnly: true,
  },
];
