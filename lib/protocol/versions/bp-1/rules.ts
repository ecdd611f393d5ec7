import type { DispositionRule, FallbackRule, GateRule } from '../../model';

/** PROTOCOL.md section 3, in table order (most urgent first). R30 is the fallback: it fires when nothing here does. */
export const RULES: readonly DispositionRule[] = [
  {
    id: 'R01_chest_pain',
    disposition: 'emergency_ambulance',
    when: { has: 'emergency_signs', anyOf: ['chest_pain'] },
    reason: 'Chest pain, or pain spreading to the arm or jaw, can be a heart attack.',
    sources: ['nhs_back_pain', 'acp_aps_2007'],
  },
  {
    id: 'R02_tearing_pain',
    disposition: 'emergency_ambulance',
    when: { has: 'emergency_signs', anyOf: ['tearing_pain'] },
    reason: 'Sudden tearing pain can mean a torn main blood vessel.',
    sources: ['acp_aps_2007', 'chou_2011'],
  },
  {
    id: 'R03_stroke_signs',
    disposition: 'emergency_ambulance',
    when: { has: 'emergency_signs', anyOf: ['stroke_signs'] },
    reason: 'These can be signs of a stroke or a damaged blood vessel in the neck.',
    sources: ['cks_neck', 'ifompt_cervical'],
  },
  {
    id: 'R04_serious_accident',
    disposition: 'emergency_ambulance',
    when: { has: 'emergency_signs', anyOf: ['serious_accident'] },
    reason: 'Pain after a serious accident can mean a broken bone in the spine. Try not to move your neck or back.',
    sources: ['cks_neck', 'chou_2011'],
  },
  {
    id: 'R05_cauda_equina',
    disposition: 'emergency',
    when: { has: 'nerve_emergency_signs', anyOf: ['saddle_numbness', 'bladder_bowel', 'sexual_function'] },
    reason: 'Numbness around the bottom or genitals, or new bladder, bowel or sexual problems, can mean the nerves at the base of the spine are squeezed (cauda equina syndrome).',
    sources: ['ces_card', 'nice_ng59', 'nhs_sciatica'],
  },
  {
    id: 'R06_both_legs',
    disposition: 'emergency',
    when: { has: 'nerve_emergency_signs', anyOf: ['both_legs'] },
    reason: 'Symptoms in both legs can mean the nerves at the base of the spine are squeezed.',
    sources: ['ces_card', 'nhs_sciatica'],
  },
  {
    id: 'R07_cord_signs',
    disposition: 'emergency',
    when: { has: 'nerve_emergency_signs', anyOf: ['cord_signs'] },
    reason: 'Clumsy hands, unsteady walking or electric shocks down the spine can mean the spinal cord in the neck is squeezed.',
    sources: ['cks_neck', 'ifompt_cervical'],
  },
  {
    id: 'R08_infection_with_neuro',
    disposition: 'emergency',
    when: {
      all: [
        { has: 'general_signs', anyOf: ['fever'] },
        {
          any: [
            { has: 'general_signs', anyOf: ['limb_weakness'] },
            { has: 'medical_history', anyOf: ['immune_risk', 'recent_spine_procedure'] },
          ],
        },
      ],
    },
    reason: 'A fever with weakness, a weak immune system or a recent spine procedure can mean an infection in the spine.',
    sources: ['chou_2011', 'acp_aps_2007', 'nhs_back_pain'],
  },
  {
    id: 'R09_bleed_on_anticoagulant',
    disposition: 'emergency',
    when: {
      all: [
        { is: 'blood_thinners', anyOf: ['anticoagulant', 'unsure'] },
        { is: 'onset', anyOf: ['sudden_severe'] },
      ],
    },
    reason: 'Sudden severe pain while taking a blood thinner can mean bleeding near the spine.',
    sources: ['acp_aps_2007', 'chou_2011'],
  },
  {
    id: 'R10_cancer_with_neuro',
    disposition: 'emergency',
    when: {
      all: [
        { has: 'medical_history', anyOf: ['cancer'] },
        {
          any: [
            { has: 'general_signs', anyOf: ['limb_weakness'] },
            { has: 'sensations', anyOf: ['tingling', 'numbness', 'shooting'] },
          ],
        },
      ],
    },
    reason: 'Nerve symptoms in someone who has had cancer can mean the spinal cord is being pressed on.',
    sources: ['chou_2011', 'acp_aps_2007'],
  },
  {
    id: 'R11_fever',
    disposition: 'consultation_24',
    when: { has: 'general_signs', anyOf: ['fever'] },
    reason: 'Back pain with a fever can mean an infection.',
    sources: ['nhs_back_pain', 'chou_2011'],
  },
  {
    id: 'R12_systemic',
    disposition: 'consultation_24',
    when: { has: 'general_signs', anyOf: ['weight_loss', 'night_pain', 'lump_or_deformity', 'cough_sneeze_pain'] },
    reason: 'Weight loss, pain at night or at rest, a lump or a change in shape, or pain on coughing should be checked by a doctor.',
    sources: ['chou_2011', 'acp_aps_2007', 'nhs_back_pain', 'nice_ng65'],
  },
  {
    id: 'R13_limb_weakness',
    disposition: 'consultation_24',
    when: { has: 'general_signs', anyOf: ['limb_weakness'] },
    reason: 'New weakness in an arm or leg can mean a nerve is pressed on.',
    sources: ['nhs_sciatica', 'acp_aps_2007'],
  },
  {
    id: 'R14_cancer_history',
    disposition: 'consultation_24',
    when: { has: 'medical_history', anyOf: ['cancer'] },
    reason: 'New back pain after cancer should be checked by a doctor soon.',
    sources: ['acp_aps_2007', 'chou_2011'],
  },
  {
    id: 'R15_infection_risk',
    disposition: 'consultation_24',
    when: { has: 'medical_history', anyOf: ['immune_risk', 'recent_spine_procedure'] },
    reason: 'A weak immune system or a recent spine procedure makes a spine infection more likely.',
    sources: ['acp_aps_2007', 'chou_2011'],
  },
  {
    id: 'R16_fragility_fracture',
    disposition: 'consultation_24',
    when: {
      all: [
        { is: 'onset', anyOf: ['minor_fall'] },
        { any: [{ has: 'medical_history', anyOf: ['osteoporosis', 'immune_risk'] }, { num: 'age_years', atLeast: 70 }] },
      ],
    },
    reason: 'A small fall can break a bone in the spine when bones are thin or with older age.',
    sources: ['chou_2011', 'acp_aps_2007'],
  },
  {
    id: 'R17_thoracic_nonmechanical',
    disposition: 'consultation_24',
    when: {
      all: [
        { has: 'pain_region', anyOf: ['upper_back'] },
        { is: 'movement_related', anyOf: ['no', 'unsure'] },
      ],
    },
    reason: 'Upper back pain that does not change with movement can come from the heart, lungs or other organs.',
    sources: ['acp_aps_2007', 'chou_2011'],
  },
  {
    id: 'R18_severe_pain',
    disposition: 'consultation_24',
    when: { is: 'pain_severity', anyOf: ['severe'] },
    reason: 'Severe pain needs a doctor to find the cause and help you manage it.',
    sources: ['nhs_back_pain'],
  },
  {
    id: 'R19_clot',
    disposition: 'consultation_24',
    when: { has: 'massage_cautions', anyOf: ['clot'] },
    reason: 'A blood clot or a swollen, painful calf needs checking soon, and massage could move a clot.',
    sources: ['nccih_massage', 'mayo_massage'],
  },
  {
    id: 'R20_under_16',
    disposition: 'consultation',
    when: { num: 'age_years', below: 16 },
    reason: 'Back pain in children and young teenagers should be checked by a doctor.',
    sources: ['nice_ng59'],
  },
  {
    id: 'R21_nerve_symptoms',
    disposition: 'consultation',
    when: { has: 'sensations', anyOf: ['sharp_pinch', 'tingling', 'numbness', 'burning', 'shooting'] },
    reason: 'A sharp pinch, tingling, numbness, burning or shooting pain can come from a nerve, not a muscle.',
    sources: ['nhs_sciatica', 'seed_back_massager'],
  },
  {
    id: 'R22_minor_injury',
    disposition: 'consultation',
    when: { is: 'onset', anyOf: ['minor_fall'] },
    reason: 'Pain after a fall or bump should be checked before you massage it.',
    sources: ['nhs_back_pain'],
  },
  {
    id: 'R23_worsening',
    disposition: 'consultation',
    when: { is: 'pain_trend', anyOf: ['worse'] },
    reason: 'Pain that keeps getting worse should be checked.',
    sources: ['nhs_back_pain'],
  },
  {
    id: 'R24_persistent_unassessed',
    disposition: 'consultation',
    when: {
      all: [
        { is: 'pain_duration', anyOf: ['6_to_12_weeks', 'over_12_weeks'] },
        { not: { is: 'pain_trend', anyOf: ['improving'] } },
        { is: 'previously_assessed', anyOf: ['no'] },
      ],
    },
    reason: 'Pain that has lasted more than 6 weeks without getting better should be checked at least once.',
    sources: ['nice_ng59', 'nhs_back_pain'],
  },
  {
    id: 'R25_anticoagulant',
    disposition: 'consultation',
    when: { is: 'blood_thinners', anyOf: ['anticoagulant', 'unsure'] },
    reason: 'Blood thinners make bruising and bleeding from massage more likely.',
    sources: ['nccih_massage', 'mayo_massage', 'seed_back_massager'],
  },
  {
    id: 'R26_pregnancy',
    disposition: 'consultation',
    when: { is: 'pregnancy', anyOf: ['yes', 'unsure'] },
    reason: 'Back pain in pregnancy should be checked, and some massage is not safe in pregnancy.',
    sources: ['nccih_massage', 'mayo_massage'],
  },
  {
    id: 'R27_bleeding_disorder',
    disposition: 'consultation',
    when: { has: 'massage_cautions', anyOf: ['bleeding_disorder'] },
    reason: 'A bleeding disorder makes bruising and bleeding from massage more likely.',
    sources: ['nccih_massage', 'mayo_massage'],
  },
  {
    id: 'R28_recent_surgery_or_skin',
    disposition: 'consultation',
    when: { has: 'massage_cautions', anyOf: ['recent_surgery', 'skin_problem'] },
    reason: 'Massage is not safe over healing surgery, wounds, burns, rashes or skin infections.',
    sources: ['nccih_massage', 'mayo_massage'],
  },
  {
    id: 'R29_bad_reaction',
    disposition: 'consultation',
    when: { is: 'massage_reaction', anyOf: ['bruising_or_worse'] },
    reason: 'Massage hurt you before, so a professional should show you what is safe for you.',
    sources: ['bartsch_2021', 'mayo_massage'],
  },
];

export const NO_FLAGS_RULE: FallbackRule<'self_care'> = {
  id: 'R30_no_flags',
  outcome: 'self_care',
  reason: 'Nothing you told us needs a doctor first, so you can start with safe self-care.',
  sources: ['nice_ng59'],
};

/** PROTOCOL.md section 4. G4 is the fallback: it fires when none of G1-G3 does. */
export const GATE_RULES: readonly GateRule[] = [
  {
    id: 'G1_older_adult',
    gate: 'gentle',
    when: { num: 'age_years', atLeast: 65 },
    reason: 'Over 65, muscles and skin bruise more easily, so use light pressure.',
    sources: ['seed_back_massager', 'mayo_massage'],
  },
  {
    id: 'G2_bone_health',
    gate: 'gentle',
    when: { has: 'medical_history', anyOf: ['osteoporosis'] },
    reason: 'Thin bones need light pressure.',
    sources: ['mayo_massage', 'bartsch_2021'],
  },
  {
    id: 'G3_antiplatelet',
    gate: 'gentle',
    when: { is: 'blood_thinners', anyOf: ['antiplatelet'] },
    reason: 'Blood-thinning medicine makes bruising more likely, so use light pressure.',
    sources: ['seed_back_massager', 'nccih_massage'],
  },
];

export const STANDARD_GATE_RULE: FallbackRule<'standard'> = {
  id: 'G4_standard',
  outcome: 'standard',
  reason: 'Nothing you told us needs extra care, so you can use normal, comfortable pressure.',
  sources: ['bartsch_2021', 'seed_double_ball'],
};
