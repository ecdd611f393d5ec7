import { env } from '../env';

/** Canonical URLs: they identify the protocol version and its code systems; FHIR_BASE_URL says under which base. */
export function fhirUrls(protocolVersion: string) {
  const base = env().FHIR_BASE_URL;
  return {
    questionnaire: `${base}/Questionnaire/knotwise-${protocolVersion}`,
    /** One code system per question: a value like `none` or `yes` means something different in each. */
    answers: (questionId: string) => `${base}/CodeSystem/${protocolVersion}-${questionId}`,
    interviewCode: `${base}/interview-code`,
    protocol: `${base}/CodeSystem/protocol`,
    assessment: `${base}/CodeSystem/assessment`,
    disposition: `${base}/CodeSystem/${protocolVersion}-disposition`,
  };
}
