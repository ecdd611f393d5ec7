import { z } from 'zod';
import { readBody } from '@/lib/api/body';
import { limitedResponse, presentedToken, serviceError, unauthorized } from '@/lib/api/interview-http';
import { apiJson } from '@/lib/api/respond';
import { submitAnswer } from '@/lib/interview/service';
import { otherMethods } from '@/lib/api/methods';

const AnswerBody = z.strictObject({
  questionId: z.string({ error: 'questionId must be the id of the question being asked, as a string.' }).max(64),
  value: z.union([z.string().max(64), z.number(), z.array(z.string().max(64)).max(16)], {
    error: 'value must be a string, a number, or a list of strings, depending on the question.',
  }),
  step: z
    .number({ error: 'step must be the turn step you were shown, as a whole number.' })
    .int({ error: 'step must be a whole number.' })
    .min(0, { error: 'step cannot be negative.' })
    .optional(),
});

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const limited = limitedResponse(request, 'interview');
  if (limited) return limited;
  const token = presentedToken(request, id, true);
  if (!token) return unauthorized();
  const body = await readBody(request, AnswerBody);
  if (!body.ok) return body.response;
  const result = await submitAnswer(id, token, body.data);
  return result.ok ? apiJson({ turn: result.turn }) : serviceError(result.error);
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
