import { NextResponse } from 'next/server';
import { FHIR_JSON, protocolQuestionnaire } from '@/lib/clinician/fhir';
import { guard } from '@/lib/clinician/http';
import { otherMethods } from '@/lib/api/methods';

/** The protocol as a FHIR R4 Questionnaire (what exported QuestionnaireResponses refer to). */
export async function GET(request: Request) {
  const g = await guard(request);
  if (!g.ok) return g.response;
  return NextResponse.json(protocolQuestionnaire(), { headers: { 'Content-Type': FHIR_JSON, 'Cache-Control': 'no-store' } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
