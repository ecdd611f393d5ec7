'use client';

import { useActionState } from 'react';
import { describedBy, FieldError } from '../../_components/field-error';
import { SubmitButton } from '../../_components/submit-button';
import { addAccountAction } from './actions';
import type { AccountField, AddAccountState } from './state';

const INITIAL: AddAccountState = {};

function errorProps(state: AddAccountState, field: AccountField, hintId?: string) {
  const errors = state.fieldErrors?.[field];
  return {
    'aria-invalid': errors ? true : undefined,
    'aria-describedby': describedBy(hintId, errors && `account-${field}-error`),
  } as const;
}

export function AddAccountForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [state, formAction] = useActionState(addAccountAction, INITIAL);
  const values = state.values ?? {};
  const role = values.role === 'admin' ? 'admin' : 'clinician';
  return (
    <form action={formAction} noValidate>
      <div className="cp-notice" role="status">
        {state.created ? `Account added for ${state.created}. Give them the password in person or by phone.` : ''}
      </div>
      <div className="cp-field">
        <label htmlFor="account-name">Full name</label>
        <input id="account-name" name="name" type="text" autoComplete="off" required defaultValue={values.name ?? ''} {...errorProps(state, 'name')} />
        <FieldError id="account-name-error" messages={state.fieldErrors?.name} />
      </div>
      <div className="cp-field">
        <label htmlFor="account-email">Email</label>
        <input id="account-email" name="email" type="email" autoComplete="off" required defaultValue={values.email ?? ''} {...errorProps(state, 'email')} />
        <FieldError id="account-email-error" messages={state.fieldErrors?.email} />
      </div>
      <div className="cp-field">
        <label htmlFor="account-password">
          First password
          <span id="account-password-hint" className="cp-hint">
            At least {minPasswordLength} characters and hard to guess: four or more unrelated words are strong and easy to
            pass on. Common passwords and ones built from the person's own name or address are refused.
          </span>
        </label>
        <input id="account-password" name="password" type="password" autoComplete="new-password" required {...errorProps(state, 'password', 'account-password-hint')} />
        <FieldError id="account-password-error" messages={state.fieldErrors?.password} />
      </div>
      <fieldset aria-describedby={state.fieldErrors?.role ? 'account-role-error' : undefined}>
        <legend>Role</legend>
        <label className="cp-choice">
          <input type="radio" name="role" value="clinician" defaultChecked={role === 'clinician'} />
          <span>
            <strong>Clinician</strong>
            <span className="cp-hint">Reads interviews, records reviews, exports.</span>
          </span>
        </label>
        <label className="cp-choice">
          <input type="radio" name="role" value="admin" defaultChecked={role === 'admin'} />
          <span>
            <strong>Administrator</strong>
            <span className="cp-hint">Also manages accounts and reads the audit log.</span>
          </span>
        </label>
        <FieldError id="account-role-error" messages={state.fieldErrors?.role} />
      </fieldset>
      <SubmitButton pendingLabel="Adding…">Add account</SubmitButton>
    </form>
  );
}
