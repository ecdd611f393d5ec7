import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { startedByOtherSite } from '@/lib/api/client';
import { requireClinician, type Actor } from '@/lib/clinician/auth';
import { getInterviewDetail, type InterviewDetail } from '@/lib/clinician/detail';
import { PREFETCH_MARK } from '@/lib/prefetch';

/**
 * Why a page that would show an interview shows nothing of it:
 * - `prefetch`: the request prepares the page (a hovered link, a browser's prerender) and nobody sees it yet;
 * - `cross-site`: another site sent the browser here, and its session cookie came along. Counting that as the
 *   clinician's own view would let any site write "viewed" rows in their name.
 */
export type NotShown = 'prefetch' | 'cross-site';

export type InterviewLoad = { shown: true; clinician: Actor; detail: InterviewDetail } | { shown: false; why: NotShown };

/**
 * One interview for the signed-in clinician, read and audited as viewed only when it is really shown: once per
 * request even though the page and its metadata both ask. The record is read only when the view is audited, so no
 * request can see it without leaving its row (decision 0021).
 */
export const loadInterview = cache(async (id: string): Promise<InterviewLoad> => {
  const clinician = await requireClinician();
  const request = await headers();
  if (request.get(PREFETCH_MARK) === '1') return { shown: false, why: 'prefetch' };
  if (startedByOtherSite(request)) return { shown: false, why: 'cross-site' };
  const detail = await getInterviewDetail(id, clinician);
  if (!detail) notFound();
  return { shown: true, clinician, detail };
});
