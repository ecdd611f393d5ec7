import { SELF_CARE } from '../../support/answers';
import { api, parseJson, type HttpResponse } from './http';
import { PatientApi, type Interview } from './patients';

/** Accounts made with `npm run clinician:add` before a server opens the database. */
export const PASSWORD = 'a long enough passphrase 42';
export const ADMIN = { email: 'admin@example.org', name: 'Ada Admin', password: PASSWORD, admin: true };
export const CLINICIAN = { email: 'clinician@example.org', name: 'Cy Clinician', password: PASSWORD };

export async function signIn(url: string, email: string, password: string): Promise<{ token: string; res: HttpResponse }> {
  const res = await api(url, 'POST', '/api/v1/clinician/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`Signing in ${email} gave HTTP ${res.status}: ${res.text.slice(0, 300)}`);
  return { token: (parseJson(res) as { token: string }).token, res };
}

/** An interview answered from SELF_CARE for its first `steps` questions (all of them by default). */
export async function interview(url: string, steps = Number.POSITIVE_INFINITY, value = SELF_CARE as Record<string, unknown>): Promise<Interview> {
  const client = new PatientApi(() => url);
  const iv = await client.create();
  while (iv.turn.status === 'asking' && iv.answers.length < steps) {
    const id = iv.turn.question!.id;
    if (!(id in value)) throw new Error(`The answer map has no answer for ${id}.`);
    await client.answer(iv, value[id] as Interview['answers'][number]['value']);
  }
  return iv;
}
