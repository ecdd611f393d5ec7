import { derive } from '../../derive';
import { bp1 } from '../bp-1';

/**
 * Protocol bp-2 (../shared/protocol/CHANGES-bp-2.md): bp-1 and these changes, nothing else. Questions, ids and values
 * are bp-1's, so every bp-1 interview can be replayed under bp-2 with its own answers.
 *
 * Two items of CHANGES-bp-2.md need no change here, because bp-1 was already implemented that way (and its plan
 * checker enforces both for every version): the neck dose (section 4: every `neck` step holds at most 30 s, 1 round,
 * pressure at most 3, whatever the gate) and block A meaning questions 3 and 4 (section 3), apart from the stop
 * rules and safety-net lines below that named only some of their signs.
 */
export const bp2 = derive(bp1, { id: 'bp-2', title: 'Back-pain screening protocol, version 2', released: '2026-12-03' }, [
  {
    op: 'addSource',
    source: { id: 'cks_back_pain', title: 'Back pain - low (without radiculopathy): red flags', publisher: 'NICE Clinical Knowledge Summaries' },
    why: 'Source of R31 (sudden severe pain without trauma as a red flag).',
  },
  {
    op: 'addRule',
    after: 'R19_clot',
    rule: {
      id: 'R31_sudden_severe_onset',
      disposition: 'consultation_24',
      when: { is: 'onset', anyOf: ['sudden_severe'] },
      reason: 'Pain that starts suddenly and badly, with no clear cause, should be checked by a doctor soon. It can come from a blood vessel or a broken bone.',
      sources: ['acp_aps_2007', 'chou_2011', 'cks_back_pain'],
    },
    why: 'In bp-1 a sudden severe onset fired no rule on its own, so a patient on an antiplatelet with mild pain could get a self-massage plan. Sudden severe pain without trauma can have a vascular or fracture cause.',
  },
  {
    op: 'addSource',
    source: { id: 'nice_ng234', title: 'Spinal metastases and metastatic spinal cord compression (NG234)', publisher: 'NICE' },
    why: 'Source of the changed R10 (radicular pain in a person with cancer).',
  },
  {
    op: 'changeRule',
    rule: 'R10_cancer_with_neuro',
    when: {
      all: [
        { has: 'medical_history', anyOf: ['cancer'] },
        {
          any: [
            { has: 'general_signs', anyOf: ['limb_weakness'] },
            { has: 'sensations', anyOf: ['tingling', 'numbness', 'shooting', 'burning'] },
          ],
        },
      ],
    },
    sources: ['chou_2011', 'acp_aps_2007', 'nice_ng234'],
    why: 'Burning (neuropathic, radicular) pain in a person with cancer can mean metastatic spinal cord compression, as tingling, numbness and shooting pain can; bp-1 left it out.',
  },
  {
    op: 'changeStopRule',
    id: 'block_a_call',
    text: 'Call your emergency number at once if you get chest pain or pressure, pain spreading to your arm or jaw, sudden severe tearing pain in your chest, upper back or belly, signs of a stroke (a sudden severe headache, double vision, slurred speech, trouble swallowing, a numb face or sudden falls), or if you are hurt in a serious accident.',
    why: 'Block A is questions 3 and 4: every sign of question 3 means "call the emergency number now". bp-1 listed only some of them here, and mixed in signs of question 4.',
  },
  {
    op: 'changeStopRule',
    id: 'block_a_nerves',
    text: 'Go to an emergency department at once if you get new numbness around your bottom, genitals or inner thighs, new trouble peeing or controlling your bowels, new loss of feeling in your genitals or new problems with erection or ejaculation, pain, tingling, numbness or weakness in both legs, or new clumsy hands, unsteady walking or electric shocks down your spine when you bend your neck.',
    why: 'Block A is questions 3 and 4: every sign of question 4 means "go to an emergency department now". bp-1 told the patient to call the emergency number and left out some of these signs.',
  },
  {
    op: 'addSafetyNet',
    after: 'stroke_signs',
    line: {
      id: 'serious_accident',
      text: 'Call your emergency number at once if you are hurt in a serious accident, like a car crash, a fall from a height or down stairs, or a dive.',
    },
    why: 'Block A is questions 3 and 4: the safety net named every sign but the serious accident.',
  },
  {
    op: 'setPlanCoverage',
    coverage: {
      kind: 'everyRegion',
      works: {
        neck: ['neck', 'shoulders'],
        shoulders: ['shoulders', 'chest', 'upper_back'],
        upper_back: ['upper_back'],
        lower_back: ['lower_back', 'hips_glutes'],
        hips_glutes: ['hips_glutes', 'lower_back'],
      },
      fallbackNote:
        'The tools you have cannot be used safely on your {regions}, so the plan uses a tennis ball there. A tennis ball or any firm ball of that size works.',
    },
    why: 'With pain in two or three areas, a bp-1 plan could work only one of them, or none of the one that hurts most, when the patient\u2019s tools did not suit it. Every painful region now gets a step, with a tennis ball where the tools cannot work it.',
  },
]);
