import { NextResponse } from 'next/server';
import { exportInterviewJson, readInterview } from '@/lib/clinician/detail';
import { guard, headAnswer, isHead, notFoundResponse } from '@/lib/clinician/http';
import { otherMethods } from '@/lib/api/methods';

/** One interview as a JSON download (the detail view's shape); audited as an export. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(request);
  if (!g.ok) return g.response;
  const { id } = await params;
  if (isHead(request)) return headAnswer(Boolean(await readInterview(id)), 'application/json');
  const detail = await exportInterviewJson(id, g.actor);
  if (!detail) return notFoundResponse('interview');
  return NextResponse.json(detail, {
    headers: {
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="knotwise-interview-${detail.session.code}.json"`,
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
