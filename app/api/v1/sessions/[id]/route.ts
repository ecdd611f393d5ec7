import { limitedResponse, presentedToken, serviceError, unauthorized } from '@/lib/api/interview-http';
import { apiJson } from '@/lib/api/respond';
import { loadInterview } from '@/lib/interview/service';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const limited = limitedResponse(request, `interview:${id}`);
  if (limited) return limited;
  const token = presentedToken(request, id, false);
  if (!token) return unauthorized();
  const result = await loadInterview(id, token);
  if (!result.ok) return serviceError(result.error);
  const { session, turn, transcript } = result;
  return apiJson({ session, turn, transcript });
}
