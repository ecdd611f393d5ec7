import { exportInterviewFhir } from '@/lib/clinician/fhir';
import { FHIR_JSON, fhirGet, fhirJson, fhirOtherMethods } from '@/lib/clinician/fhir-http';
import { readInterview } from '@/lib/clinician/detail';
import { guard, headAnswer, isHead, notFoundResponse } from '@/lib/clinician/http';

/** One interview as a FHIR R4 Bundle (QuestionnaireResponse, RiskAssessment, Questionnaire); errors as OperationOutcome. */
export const GET = fhirGet(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const g = await guard(request);
  if (!g.ok) return g.response;
  const { id } = await params;
  if (isHead(request)) return headAnswer(Boolean(await readInterview(id)), FHIR_JSON);
  const bundle = await exportInterviewFhir(id, g.actor);
  if (!bundle) return notFoundResponse('interview');
  return fhirJson(bundle);
});

export const { POST, PUT, PATCH, DELETE } = fhirOtherMethods();
