import { apiJson } from '@/lib/api/respond';
import { getInterviewDetail, readInterview } from '@/lib/clinician/detail';
import { guard, headAnswer, isHead, notFoundResponse } from '@/lib/clinician/http';
import { otherMethods } from '@/lib/api/methods';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(request);
  if (!g.ok) return g.response;
  const { id } = await params;
  if (isHead(request)) return headAnswer(Boolean(await readInterview(id)), 'application/json');
  const detail = await getInterviewDetail(id, g.actor);
  return detail ? apiJson(detail) : notFoundResponse('interview');
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
