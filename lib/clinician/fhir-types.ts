/**
 * The FHIR R4 (4.0.1) resources and data types Knotwise emits, with only the elements it uses. Names and
 * cardinalities follow the specification (hl7.org/fhir/R4); tests/db/clinician-fhir.test.ts validates exports against
 * schemas written from it.
 */

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  system: string;
  value: string;
}

export interface Reference {
  reference?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Extension {
  url: string;
  valueInteger?: number;
}

export interface QuestionnaireEnableWhen {
  question: string;
  operator: 'exists' | '=' | '!=' | '>' | '<' | '>=' | '<=';
  answerCoding?: Coding;
  answerInteger?: number;
}

export interface QuestionnaireItem {
  linkId: string;
  prefix?: string;
  text: string;
  type: 'choice' | 'integer';
  required?: boolean;
  repeats?: boolean;
  enableWhen?: QuestionnaireEnableWhen[];
  enableBehavior?: 'all' | 'any';
  answerOption?: { valueCoding: Coding }[];
  extension?: Extension[];
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  subjectType: string[];
  publisher: string;
  description: string;
  item: QuestionnaireItem[];
}

export interface QuestionnaireResponseAnswer {
  valueCoding?: Coding;
  valueInteger?: number;
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer: QuestionnaireResponseAnswer[];
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id: string;
  identifier: Identifier;
  questionnaire: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  subject: Reference;
  authored: string;
  item?: QuestionnaireResponseItem[];
}

export interface RiskAssessment {
  resourceType: 'RiskAssessment';
  id: string;
  identifier: Identifier[];
  status: 'registered' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled' | 'entered-in-error' | 'unknown';
  method: CodeableConcept;
  code: CodeableConcept;
  subject: Reference;
  occurrenceDateTime: string;
  basis: Reference[];
  prediction: { outcome: CodeableConcept; rationale?: string }[];
  mitigation?: string;
  note?: { text: string }[];
}

export type Resource = Questionnaire | QuestionnaireResponse | RiskAssessment;

export interface Bundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: Resource }[];
}
