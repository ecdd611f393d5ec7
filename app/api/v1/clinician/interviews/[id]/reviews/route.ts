import { readBody } from '@/lib/api/body';
import { apiError, apiJson } from '@/lib/api/respond';
import { guard, notFoundResponse } from '@/lib/clinician/http';
import { addReview, reviewInputSchema } from '@/lib/clinician/reviews';
import { otherMethods } from '@/lib/api/methods';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(request);
  if (!g.ok) return g.response;
  const { id } = await params;
  const body = await readBody(request, reviewInputSchema);
  if (!body.ok) return body.response;
  const result = await addReview(id, g.actor, body.data);
  if (result.ok) return apiJson({ review: result.review }, 201);
  if (result.code === 'not_found') return notFoundResponse('interview');
  return apiError(result.code === 'not_finished' ? 409 : 400, result.code, result.message);
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
