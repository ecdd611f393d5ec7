import { NextResponse } from 'next/server';
import { exportInterviewFhir, FHIR_JSON } from '@/lib/clinician/fhir';
import { readInterview } from '@/lib/clinician/detail';
import { guard, headAnswer, isHead, notFoundResponse } from '@/lib/clinician/http';
import { otherMethods } from '@/lib/api/methods';

/** One interview as a FHIR R4 Bundle (QuestionnaireResponse, RiskAssessment, Questionnaire). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(request);
  if (!g.ok) return g.response;
  const { id } = await params;
  if (isHead(request)) return headAnswer(Boolean(await readInterview(id)), FHIR_JSON);
  const bundle = await exportInterviewFhir(id, g.actor);
  if (!bundle) return notFoundResponse('interview');
  return NextResponse.json(bundle, { headers: { 'Content-Type': FHIR_JSON, 'Cache-Control': 'no-store' } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
