import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentClinician } from '@/lib/clinician/auth';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (await currentClinician()) redirect('/clinician');
  return (
    <main id="main" className="cp-login">
      <h1>Knotwise clinician portal</h1>
      <p className="cp-lede">Sign in to review patients&apos; triage interviews.</p>
      <div className="cp-panel">
        <LoginForm />
      </div>
      <p className="cp-hint">Accounts are created by an administrator. Sessions end after 12 hours.</p>
    </main>
  );
}
