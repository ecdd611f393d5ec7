import { NextResponse } from 'next/server';
import { limitedResponse, presentedToken, serviceError, unauthorized } from '@/lib/api/interview-http';
import { apiJson } from '@/lib/api/respond';
import { cookieOptions, interviewCookieName } from '@/lib/interview/cookie';
import { env } from '@/lib/env';
import { deleteInterview } from '@/lib/interview/delete';
import { loadInterview } from '@/lib/interview/service';
import { otherMethods } from '@/lib/api/methods';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const limited = limitedResponse(request, 'interview');
  if (limited) return limited;
  const token = presentedToken(request, id, false);
  if (!token) return unauthorized();
  const result = await loadInterview(id, token);
  if (!result.ok) return serviceError(result.error);
  const { session, turn, transcript } = result;
  return apiJson({ session, turn, transcript });
}

/** The patient deletes their interview (transcript and reviews included). 204, and the interview cookie is cleared. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const limited = limitedResponse(request, 'interview');
  if (limited) return limited;
  const token = presentedToken(request, id, true);
  if (!token) return unauthorized();
  const result = await deleteInterview(id, token);
  if (!result.ok) return serviceError(result.error);
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  const { COOKIE_SECURE } = env();
  response.cookies.set(interviewCookieName(COOKIE_SECURE), '', cookieOptions(COOKIE_SECURE, 0));
  return response;
}

export const { POST, PUT, PATCH } = otherMethods('GET', 'DELETE');
