import { NextResponse } from 'next/server';
import { apiError } from '@/lib/api/respond';
import { FHIR_JSON, protocolQuestionnaire } from '@/lib/clinician/fhir';
import { guard } from '@/lib/clinician/http';
import { otherMethods } from '@/lib/api/methods';
import { env } from '@/lib/env';
import { isVersionId, protocolFor, VERSION_IDS } from '@/lib/protocol/versions';

/**
 * A protocol version as a FHIR R4 Questionnaire (what exported QuestionnaireResponses refer to): `?version=` names
 * the version, the active one by default.
 */
export async function GET(request: Request) {
  const g = await guard(request);
  if (!g.ok) return g.response;
  const version = new URL(request.url).searchParams.get('version') ?? env().PROTOCOL_VERSION;
  if (!isVersionId(version)) {
    return apiError(400, 'invalid_query', `version must be one of ${VERSION_IDS.join(', ')}.`, { field: 'version' });
  }
  return NextResponse.json(protocolQuestionnaire(protocolFor(version)), {
    headers: { 'Content-Type': FHIR_JSON, 'Cache-Control': 'no-store' },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
