import { z } from 'zod';
import { readBody } from '@/lib/api/body';
import { limitedResponse, presentedToken, serviceError, unauthorized } from '@/lib/api/interview-http';
import { apiJson } from '@/lib/api/respond';
import { reviseAnswer } from '@/lib/interview/service';
import { otherMethods } from '@/lib/api/methods';

const RevisionBody = z.strictObject({
  questionId: z.string({ error: 'questionId must be the id of an earlier question, as a string.' }).max(64),
});

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const limited = limitedResponse(request, 'interview');
  if (limited) return limited;
  const token = presentedToken(request, id, true);
  if (!token) return unauthorized();
  const body = await readBody(request, RevisionBody);
  if (!body.ok) return body.response;
  const result = await reviseAnswer(id, token, body.data.questionId);
  return result.ok ? apiJson({ turn: result.turn }) : serviceError(result.error);
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
