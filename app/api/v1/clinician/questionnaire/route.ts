import { apiError } from '@/lib/api/respond';
import { fhirProtocol, protocolQuestionnaire } from '@/lib/clinician/fhir';
import { fhirGet, fhirJson, fhirOtherMethods } from '@/lib/clinician/fhir-http';
import { guard } from '@/lib/clinician/http';
import { env } from '@/lib/env';
import { isVersionId, VERSION_IDS } from '@/lib/protocol/versions';

/**
 * A protocol version as a FHIR R4 Questionnaire (what exported QuestionnaireResponses refer to): `?version=` names the
 * version, the active one by default. Errors as OperationOutcome.
 */
export const GET = fhirGet(async (request: Request, _context: unknown) => {
  const g = await guard(request);
  if (!g.ok) return g.response;
  const version = new URL(request.url).searchParams.get('version') ?? env().PROTOCOL_VERSION;
  if (!isVersionId(version)) {
    return apiError(400, 'invalid_query', `version must be one of ${VERSION_IDS.join(', ')}.`, { field: 'version' });
  }
  return fhirJson(protocolQuestionnaire(fhirProtocol(version)));
});

export const { POST, PUT, PATCH, DELETE } = fhirOtherMethods();
