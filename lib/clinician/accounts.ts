import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { storableText } from '@/lib/text';
import { getDb } from '../../db/client';
import { clinicians, type ClinicianRow } from '../../db/schema';
import { audit } from '../audit';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password';
import { passwordWeakness } from './password-strength';
import { revokeAllSessions } from './sessions';
import { ROLES, type Actor, type Result, type Role } from './types';

export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

function accountView(row: ClinicianRow): Account {
  return { id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled, createdAt: row.createdAt.toISOString() };
}

export const newAccountSchema = z.strictObject({
  email: storableText('email', 'email is required.')
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'email must be an email address, for example a.clinician@example.org.' }).max(320)),
  name: storableText('name', 'name is required.')
    .trim()
    .min(1, { error: 'name must not be empty: use the name colleagues know the clinician by.' })
    .max(200, { error: 'name must be at most 200 characters.' }),
  password: z
    .string({ error: 'password is required.' })
    .min(MIN_PASSWORD_LENGTH, { error: `password must be at least ${MIN_PASSWORD_LENGTH} characters; a short phrase is easiest.` })
    .max(MAX_PASSWORD_LENGTH, { error: `password must be at most ${MAX_PASSWORD_LENGTH} characters.` }),
  role: z.enum(ROLES, { error: 'role must be "clinician" or "admin".' }).default('clinician'),
}).superRefine(
  (account, ctx) => {
    const weakness = passwordWeakness(account.password, account);
    if (weakness) ctx.addIssue({ code: 'custom', path: ['password'], message: weakness });
  },
  // Also when the email or name has a problem of its own, so the form shows every problem at once; but only for a
  // password that passed its own checks (the body may not even be an object).
  {
    when: ({ value, issues }) =>
      typeof (value as { password?: unknown } | null)?.password === 'string' && !issues.some((i) => i.path?.[0] === 'password'),
  },
);
export type NewAccount = z.input<typeof newAccountSchema>;

export async function listAccounts(): Promise<Account[]> {
  const db = await getDb();
  const rows = await db.select().from(clinicians).orderBy(asc(clinicians.email));
  return rows.map(accountView);
}

function isDuplicateEmail(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code, constraint, message } = e as { code?: string; constraint?: string; message?: string };
    if (code === '23505' && (constraint === 'clinicians_email_key' || String(message).includes('clinicians_email_key'))) return true;
  }
  return false;
}

/**
 * Creates an account. `by` is the administrator doing it, or null for the command line (which has no session).
 */
export async function createAccount(
  input: NewAccount,
  by: Actor | null,
): Promise<Result<{ account: Account }, 'invalid_account' | 'duplicate_email'>> {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, code: 'invalid_account', message: parsed.error.issues.map((i) => i.message).join(' ') };
  }
  const { email, name, password, role } = parsed.data;
  const duplicate = { ok: false, code: 'duplicate_email', message: `An account for ${email} already exists. Each email has one account.` } as const;
  const db = await getDb();
  const [existing] = await db.select({ id: clinicians.id }).from(clinicians).where(eq(clinicians.email, email));
  if (existing) return duplicate;
  const passwordHash = await hashPassword(password);
  try {
    const row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(clinicians).values({ email, name, role, passwordHash }).returning();
      await audit(
        {
          action: 'account.created',
          actor: by,
          address: by?.address ?? null,
          targetType: 'clinician',
          targetId: created!.id,
          detail: { email, role, via: by ? 'api' : 'command line' },
        },
        tx,
      );
      return created!;
    });
    return { ok: true, account: accountView(row) };
  } catch (error) {
    // Two creations racing past the check above: the unique index decides.
    if (isDuplicateEmail(error)) return duplicate;
    throw error;
  }
}

/**
 * Disables (ending every session at once) or re-enables an account. An administrator cannot disable themselves, so
 * the last administrator cannot lock everyone out by mistake.
 */
export async function setAccountDisabled(
  id: string,
  disabled: boolean,
  by: Actor,
): Promise<Result<{ account: Account; sessionsEnded: number }, 'not_found' | 'own_account'>> {
  if (!z.uuid().safeParse(id).success) return { ok: false, code: 'not_found', message: 'No account with this id.' };
  if (disabled && id === by.id) {
    return { ok: false, code: 'own_account', message: 'You cannot disable your own account. Ask another administrator.' };
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.update(clinicians).set({ disabled, updatedAt: new Date() }).where(eq(clinicians.id, id)).returning();
    if (!row) return { ok: false, code: 'not_found', message: 'No account with this id.' } as const;
    const sessionsEnded = disabled ? await revokeAllSessions(id, tx) : 0;
    await audit(
      {
        action: disabled ? 'account.disabled' : 'account.enabled',
        actor: by,
        address: by.address,
        targetType: 'clinician',
        targetId: id,
        detail: { email: row.email, sessionsEnded },
      },
      tx,
    );
    return { ok: true, account: accountView(row), sessionsEnded } as const;
  });
}
