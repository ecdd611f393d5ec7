'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { storableText } from '@/lib/text';
import { INVALID_CREDENTIALS, signIn } from '@/lib/clinician/auth';
import type { LoginState } from './state';

const LoginForm = z.object({
  email: storableText('Your email address', 'Enter your email address.')
    .trim()
    .min(1, { error: 'Enter your email address.' })
    .max(320, { error: 'That email address is too long.' })
    .pipe(z.email({ error: 'Enter an email address like name@example.org.' })),
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, { error: 'Enter your password.' }),
});

export async function loginAction(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const raw = { email: formData.get('email') ?? undefined, password: formData.get('password') ?? undefined };
  const email = typeof raw.email === 'string' ? raw.email : '';
  const parsed = LoginForm.safeParse(raw);
  if (!parsed.success) {
    return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  }

  const result = await signIn(parsed.data.email, parsed.data.password);
  if (!result.ok) {
    // Throttling gets its own words (it says when to try again); every credential failure gets the same words.
    return { formError: result.code === 'too_many_attempts' ? result.message : INVALID_CREDENTIALS, email };
  }
  redirect('/clinician');
}
