'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireAdmin } from '@/lib/clinician/auth';
import { createAccount, newAccountSchema, setAccountDisabled } from '@/lib/clinician/accounts';
import type { AddAccountState } from './state';

const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : undefined;
};

export async function addAccountAction(_previous: AddAccountState, formData: FormData): Promise<AddAccountState> {
  const admin = await requireAdmin();
  const input = { name: text(formData, 'name'), email: text(formData, 'email'), password: text(formData, 'password'), role: text(formData, 'role') };
  const values = { name: input.name, email: input.email, role: input.role };

  // The account module's own schema, run here first only to tie each message to its field.
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  const result = await createAccount(parsed.data, admin);
  if (!result.ok) {
    const field = result.code === 'duplicate_email' ? 'email' : 'name';
    return { fieldErrors: { [field]: [result.message] }, values };
  }
  revalidatePath('/clinician/accounts');
  return { created: result.account.email };
}

const ToggleForm = z.object({
  id: z.uuid({ error: 'The form did not say which account.' }),
  disabled: z.enum(['true', 'false'], { error: 'The form did not say what to do.' }).transform((v) => v === 'true'),
});

/** Ends in a redirect, so a reload repeats a GET; the notice is a fixed code, never text from the request. */
export async function setDisabledAction(formData: FormData): Promise<void> {
  const admin = await requireAdmin();
  const parsed = ToggleForm.safeParse({ id: formData.get('id'), disabled: formData.get('disabled') });
  if (!parsed.success) redirect('/clinician/accounts?notice=invalid');
  const result = await setAccountDisabled(parsed.data.id, parsed.data.disabled, admin);
  if (!result.ok) redirect(`/clinician/accounts?notice=${result.code}`);
  redirect(`/clinician/accounts?notice=${parsed.data.disabled ? 'disabled' : 'enabled'}&account=${parsed.data.id}`);
}
