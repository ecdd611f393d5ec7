'use client';

import { useActionState } from 'react';
import { describedBy, FieldError } from '../_components/field-error';
import { SubmitButton } from '../_components/submit-button';
import { loginAction } from './actions';
import type { LoginState } from './state';

const INITIAL: LoginState = {};

export function LoginForm() {
  const [state, formAction] = useActionState(loginAction, INITIAL);
  const emailErrors = state.fieldErrors?.email;
  const passwordErrors = state.fieldErrors?.password;
  const formErrorId = state.formError ? 'login-error' : undefined;

  return (
    <form action={formAction} noValidate>
      <div id="login-error" className="cp-alert" role="alert">
        {state.formError ?? ''}
      </div>
      <div className="cp-field">
        <label htmlFor="login-email">Email</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email ?? ''}
          aria-invalid={emailErrors || formErrorId ? true : undefined}
          aria-describedby={describedBy(emailErrors && 'login-email-error', formErrorId)}
        />
        <FieldError id="login-email-error" messages={emailErrors} />
      </div>
      <div className="cp-field">
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordErrors || formErrorId ? true : undefined}
          aria-describedby={describedBy(passwordErrors && 'login-password-error', formErrorId)}
        />
        <FieldError id="login-password-error" messages={passwordErrors} />
      </div>
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
