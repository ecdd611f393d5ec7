import { BP1_FHIR, protocolQuestionnaire } from '@/lib/clinician/fhir';
import { fhirGet, fhirJson, fhirOtherMethods } from '@/lib/clinician/fhir-http';
import { guard } from '@/lib/clinician/http';

/** The protocol as a FHIR R4 Questionnaire (what exported QuestionnaireResponses refer to); errors as OperationOutcome. */
export const GET = fhirGet(async (request: Request, _context: unknown) => {
  const g = await guard(request);
  if (!g.ok) return g.response;
  return fhirJson(protocolQuestionnaire(BP1_FHIR));
});

export const { POST, PUT, PATCH, DELETE } = fhirOtherMethods();
