import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireClinician } from '@/lib/clinician/auth';
import { getInterviewDetail } from '@/lib/clinician/detail';

/**
 * One interview for the signed-in clinician, read (and audited as viewed) once per request even though the page and
 * its metadata both ask for it.
 */
export const loadInterview = cache(async (id: string) => {
  const clinician = await requireClinician();
  const detail = await getInterviewDetail(id, clinician);
  if (!detail) notFound();
  return { clinician, detail };
});
