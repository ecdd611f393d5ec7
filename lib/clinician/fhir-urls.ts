import { env } from '../env';

/**
 * Canonical URLs: they identify the protocol and its code systems; FHIR_BASE_URL says under which base. The
 * Questionnaire's url is the same for every version and its `version` tells them apart (a response points at
 * `url|version`, and each version's resource has an id of its own); the code systems are per version, because a
 * version may change what a value means.
 */
export function fhirUrls(protocolVersion: string) {
  const base = env().FHIR_BASE_URL;
  const questionnaireId = `knotwise-${protocolVersion}`;
  return {
    questionnaire: `${base}/Questionnaire/knotwise-back-pain`,
    questionnaireId,
    questionnaireFullUrl: `${base}/Questionnaire/${questionnaireId}`,
    /** One code system per question: a value like `none` or `yes` means something different in each. */
    answers: (questionId: string) => `${base}/CodeSystem/${protocolVersion}-${questionId}`,
    interviewCode: `${base}/interview-code`,
    protocol: `${base}/CodeSystem/protocol`,
    assessment: `${base}/CodeSystem/assessment`,
    disposition: `${base}/CodeSystem/${protocolVersion}-disposition`,
  };
}
