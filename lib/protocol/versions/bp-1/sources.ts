import type { Source } from '../../model';

/** The published sources behind the rules and plan steps (PROTOCOL.md, "Sources behind the rules"). */
export const SOURCES = {
  nice_ng59: { id: 'nice_ng59', title: 'Low back pain and sciatica in over 16s: assessment and management (NG59)', publisher: 'NICE' },
  nice_ng65: { id: 'nice_ng65', title: 'Spondyloarthritis in over 16s: diagnosis and management (NG65)', publisher: 'NICE' },
  nhs_back_pain: { id: 'nhs_back_pain', title: 'Back pain', publisher: 'NHS' },
  nhs_sciatica: { id: 'nhs_sciatica', title: 'Sciatica', publisher: 'NHS' },
  ces_card: { id: 'ces_card', title: 'Cauda equina syndrome warning card', publisher: 'UK cauda equina warning card (GIRFT / CESUK)' },
  acp_aps_2007: { id: 'acp_aps_2007', title: 'Diagnosis and treatment of low back pain: a joint clinical practice guideline (Chou et al. 2007)', publisher: 'American College of Physicians / American Pain Society' },
  chou_2011: { id: 'chou_2011', title: 'Diagnostic imaging for low back pain: red flags (Chou et al. 2011)', publisher: 'Annals of Internal Medicine' },
  cks_neck: { id: 'cks_neck', title: 'Neck pain: red flags', publisher: 'NICE Clinical Knowledge Summaries' },
  ifompt_cervical: { id: 'ifompt_cervical', title: 'International framework for examination of the cervical region', publisher: 'IFOMPT' },
  nccih_massage: { id: 'nccih_massage', title: 'Massage therapy: what you need to know', publisher: 'NCCIH' },
  mayo_massage: { id: 'mayo_massage', title: 'Massage: get in touch with its many benefits', publisher: 'Mayo Clinic' },
  bartsch_2021: { id: 'bartsch_2021', title: 'Expert consensus on the contraindications and cautions of foam rolling (Delphi study, 2021)', publisher: 'Bartsch et al., Int J Sports Phys Ther' },
  seed_double_ball: { id: 'seed_double_ball', title: 'Trigger Point Double Massage Ball Therapy for back pain', publisher: 'Knotwise source article 000' },
  seed_back_massager: { id: 'seed_back_massager', title: 'Unlocking Relief: Exploring the Benefits of Back Trigger Point Massagers', publisher: 'Knotwise source article 001' },
  seed_foam_roller: { id: 'seed_foam_roller', title: 'Foam rollers for back pain', publisher: 'Knotwise source article 002' },
  seed_muscle_knots: { id: 'seed_muscle_knots', title: 'Trigger point therapy for back pain: muscle knots', publisher: 'Knotwise source article 003' },
  seed_trigger_points: { id: 'seed_trigger_points', title: 'Trigger Points To Relieve Back Pain', publisher: 'Knotwise source article 004' },
} satisfies Record<string, Source>;
