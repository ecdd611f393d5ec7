'use server';

import { redirect } from 'next/navigation';
import { LOGIN_PATH, signOut } from '@/lib/clinician/auth';

export async function logoutAction(): Promise<void> {
  await signOut();
  redirect(LOGIN_PATH);
}
