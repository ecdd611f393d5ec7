import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { GET as auditRoute } from '@/app/api/v1/clinician/audit/route';
import { GET as accountsRoute, POST as createRoute } from '@/app/api/v1/clinician/accounts/route';
import { POST as enableRoute } from '@/app/api/v1/clinician/accounts/[id]/enable/route';
import { POST as disableRoute } from '@/app/api/v1/clinician/accounts/[id]/disable/route';
import { DELETE as deleteSession } from '@/app/api/v1/sessions/[id]/route';
import { GET as csvRoute } from '@/app/api/v1/clinician/export.csv/route';
import { GET as fhirRoute } from '@/app/api/v1/clinician/interviews/[id]/fhir/route';
import { GET as detailRoute } from '@/app/api/v1/clinician/interviews/[id]/route';
import { POST as reviewRoute } from '@/app/api/v1/clinician/interviews/[id]/reviews/route';
import { GET as jsonRoute } from '@/app/api/v1/clinician/interviews/[id]/export.json/route';
import { POST as loginRoute } from '@/app/api/v1/clinician/login/route';
import { POST as logoutRoute } from '@/app/api/v1/clinician/logout/route';
import { audit, AUDIT_ACTIONS, listAudit, parseAuditFilters } from '@/lib/audit';
import { login, REFUSALS_AUDITED_PER_ADDRESS } from '@/lib/clinician/login';
import { settleErasure } from '@/lib/erasure';
import { viewVersions } from '@/lib/impact/portal';
import { purgeExpired } from '@/lib/retention';
import { SELF_CARE } from '../support/answers';
import { auditLog, expectError, makeAccount, newAddress, params, PASSWORD, playInterview, req, tokenFor } from '../support/clinician';
import { resetDb } from '../support/db';

beforeEach(resetDb);
afterAll(closeDb);

describe('the audit trail is append-only in the database', () => {
  it('rejects UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
    await audit({ action: 'logout', address: '10.0.0.1' });
    const db = await getDb();
    // drizzle wraps the database's error; the trigger's message is in the cause.
    const refusal = async (query: PromiseLike<unknown>) => {
      try {
        await query;
      } catch (error) {
        const cause = (error as { cause?: { message?: string } }).cause;
        return cause?.message ?? (error as Error).message;
      }
      return 'no error';
    };
    expect(await refusal(db.update(auditEvents).set({ action: 'login.succeeded' }))).toBe('audit_events is append-only: UPDATE is not allowed');
    expect(await refusal(db.delete(auditEvents))).toBe('audit_events is append-only: DELETE is not allowed');
    expect(await refusal(db.execute(sql`truncate table audit_events`))).toBe('audit_events is append-only: TRUNCATE is not allowed');
    expect(await refusal(db.execute(sql`update audit_events set detail = '{"x":1}'::jsonb`))).toMatch(/append-only: UPDATE/);
    expect(await auditLog()).toEqual([expect.objectContaining({ action: 'logout', detail: {} })]);
  });
});

describe('every audited action writes an entry', () => {
  it('covers logins, views, exports, reviews, account changes, patient deletion and purges', { timeout: 120_000 }, async () => {
    const admin = await makeAccount({ email: 'admin@example.org', role: 'admin' });
    const adminToken = await tokenFor(admin);
    const address = newAddress();
    const as = (path: string, method = 'GET', body?: unknown) => req(path, { method, token: adminToken, body, address });

    expect((await loginRoute(req('/api/v1/clinician/login', { method: 'POST', body: { email: admin.email, password: PASSWORD }, address }))).status).toBe(200);
    expect((await loginRoute(req('/api/v1/clinician/login', { method: 'POST', body: { email: admin.email, password: 'nope nope nope' }, address }))).status).toBe(401);
    const throttleAddress = newAddress();
    for (let i = 0; i < 6; i++) await login('who@example.org', 'wrong password', throttleAddress);

    const played = await playInterview(SELF_CARE);
    const id = played.id;
    expect((await detailRoute(as(`/x/${id}`), params({ id }))).status).toBe(200);
    expect((await jsonRoute(as(`/x/${id}/export.json`), params({ id }))).status).toBe(200);
    expect((await fhirRoute(as(`/x/${id}/fhir`), params({ id }))).status).toBe(200);
    expect((await csvRoute(as('/api/v1/clinician/export.csv'))).status).toBe(200);
    // The versions page audits its view as it renders (tests/db/impact.test.ts checks the entry).
    await viewVersions({}, { ...admin, address });
    expect((await reviewRoute(as(`/x/${id}/reviews`, 'POST', { verdict: 'agree', note: 'fine' }), params({ id }))).status).toBe(201);

    const created = await createRoute(as('/api/v1/clinician/accounts', 'POST', { email: 'New@Example.org', name: 'New', password: 'twelve chars ok' }));
    expect(created.status).toBe(201);
    const account = (await created.json()).account as { id: string; email: string };
    expect(account.email).toBe('new@example.org');
    await expectError(await createRoute(as('/api/v1/clinician/accounts', 'POST', { email: 'new@example.org', name: 'Again', password: 'twelve chars ok' })), 409, 'duplicate_email');
    await expectError(await createRoute(as('/api/v1/clinician/accounts', 'POST', { email: 'x@example.org', name: 'X', password: 'short' })), 400, 'invalid_body');
    expect((await disableRoute(as(`/x/${account.id}/disable`, 'POST'), params({ id: account.id }))).status).toBe(200);
    expect((await enableRoute(as(`/x/${account.id}/enable`, 'POST'), params({ id: account.id }))).status).toBe(200);
    await expectError(await disableRoute(as(`/x/${admin.id}/disable`, 'POST'), params({ id: admin.id })), 409, 'own_account');
    await expectError(await disableRoute(as('/x/nope/disable', 'POST'), params({ id: 'nope' })), 404, 'not_found');
    const listed = await (await accountsRoute(as('/api/v1/clinician/accounts'))).json();
    expect(listed.accounts.map((a: { email: string }) => a.email)).toEqual(['admin@example.org', 'new@example.org']);
    expect(JSON.stringify(listed)).not.toContain('scrypt');

    const other = await playInterview({ consent: 'agree' });
    expect((await deleteSession(req(`/api/v1/sessions/${other.id}`, { method: 'DELETE', token: other.token }), params({ id: other.id }))).status).toBe(204);
    // The deletion is cleared out of the database files in the background; shutdown waits for it, and so does this.
    await settleErasure();
    await purgeExpired({ via: 'command line' });
    expect((await logoutRoute(as('/api/v1/clinician/logout', 'POST'))).status).toBe(200);

    const log = await auditLog();
    expect(new Set(log.map((e) => e.action))).toEqual(new Set(AUDIT_ACTIONS));
    const one = (action: string) => log.filter((e) => e.action === action);
    expect(one('interview.viewed')[0]).toMatchObject({ actorId: admin.id, actorEmail: admin.email, targetType: 'interview', targetId: id, address });
    expect(one('account.created')[0]).toMatchObject({ targetId: account.id, detail: { email: 'new@example.org', role: 'clinician', via: 'api' } });
    expect(one('account.disabled')[0]).toMatchObject({ targetId: account.id, actorId: admin.id });
    // Patient deletion: only that it happened.
    expect(one('interview.deleted_by_patient')[0]).toMatchObject({ actorId: null, targetId: null, address: null, detail: {} });
    expect(JSON.stringify(one('interview.deleted_by_patient'))).not.toContain(other.id);
    expect(one('retention.purged')[0]!.detail).toMatchObject({ interviews: 0, retentionDays: 90, via: 'command line' });
    expect(one('storage.compacted')[0]).toMatchObject({ actorId: null, targetType: 'interviews', targetId: null, address: null });
    // No secret ever reaches the audit trail.
    expect(JSON.stringify(log)).not.toContain(PASSWORD);
    expect(JSON.stringify(log)).not.toContain(adminToken);
    expect(JSON.stringify(log)).not.toContain(played.token);
  });
});

describe('what is not a view or an export', () => {
  it('HEAD of an interview, its exports and the CSV answers like GET without a body, and audits nothing', async () => {
    const clinician = await makeAccount();
    const token = await tokenFor(clinician);
    const { id } = await playInterview(SELF_CARE);
    // Next answers HEAD with the route's GET handler.
    const head = (path: string) => req(path, { method: 'HEAD', token });
    for (const [what, res] of [
      ['detail', await detailRoute(head(`/api/v1/clinician/interviews/${id}`), params({ id }))],
      ['json', await jsonRoute(head(`/api/v1/clinician/interviews/${id}/export.json`), params({ id }))],
      ['fhir', await fhirRoute(head(`/api/v1/clinician/interviews/${id}/fhir`), params({ id }))],
      ['csv', await csvRoute(head('/api/v1/clinician/export.csv'))],
    ] as const) {
      expect(res.status, what).toBe(200);
      expect(res.headers.get('content-type'), what).toMatch(/json|csv/);
    }
    const missing = randomUUID();
    expect((await jsonRoute(head(`/api/v1/clinician/interviews/${missing}/export.json`), params({ id: missing }))).status).toBe(404);
    expect((await csvRoute(req('/api/v1/clinician/export.csv?limit=0', { method: 'HEAD', token }))).status).toBe(400);
    expect((await csvRoute(req('/api/v1/clinician/export.csv', { method: 'HEAD' }))).status).toBe(401);
    expect((await auditLog()).map((e) => e.action)).toEqual([]);
    // GET still is.
    expect((await jsonRoute(req(`/x/${id}/export.json`, { token }), params({ id }))).status).toBe(200);
    expect((await auditLog()).map((e) => e.action)).toEqual(['interview.exported']);
  });
});

describe('sign-in attempts in the audit log', () => {
  it('keeps what was typed for no account only in a bounded, escaped form marked untrusted', async () => {
    const address = newAddress();
    const chosen = 'URGENT call +1 555 0100 to keep your account\n<script>alert(1)</script> \u202e@example.org'.padEnd(300, '!');
    const res = await loginRoute(req('/api/v1/clinician/login', { method: 'POST', body: { email: chosen, password: 'whatever it is' }, address }));
    expect(res.status).toBe(401);
    const known = await makeAccount();
    await login(known.email, 'a wrong guess here', address);

    const log = await auditLog();
    const [unknown, wrong] = log.filter((e) => e.action === 'login.failed');
    expect(Object.keys(unknown!.detail as object).sort()).toEqual(['reason', 'untrustedEmail']);
    const kept = (unknown!.detail as { untrustedEmail: string }).untrustedEmail;
    expect(kept.startsWith('urgent\\u{20}call\\u{20}+1\\u{20}555')).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(65);
    expect(kept.endsWith('…')).toBe(true);
    // No space, line break, markup or direction override survives: only letters, digits, . _ + - @ and escapes.
    expect(kept.slice(0, -1)).toMatch(/^(?:[a-z0-9._+@-]|\\u\{[0-9a-f]+\})*$/);
    expect(JSON.stringify(log)).not.toContain('<script>');
    expect(JSON.stringify(log)).not.toContain('call +1');
    // A known account is named by its own record, not by what was typed.
    expect(wrong).toMatchObject({ actorEmail: known.email, targetId: known.id, detail: { reason: 'wrong_password' } });
  });

  it('writes at most 20 refusal rows per address in 15 minutes, the last one saying so', { timeout: 120_000 }, async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) await login('locked.out@example.org', `guess number ${i}`, address);
    for (let i = 0; i < 30; i++) expect(await login('locked.out@example.org', `again ${i}`, address)).toMatchObject({ code: 'too_many_attempts' });
    const refusals = (await auditLog()).filter((e) => e.action === 'login.throttled');
    expect(refusals).toHaveLength(REFUSALS_AUDITED_PER_ADDRESS);
    expect(refusals.at(-1)!.detail).toMatchObject({ limit: 'account', lastRecordedInWindow: true, untrustedEmail: 'locked.out@example.org' });
    expect(refusals.slice(0, -1).some((e) => 'lastRecordedInWindow' in (e.detail as object))).toBe(false);
    // Another address has its own allowance; and once the window has moved on, this one has too.
    await login('locked.out@example.org', 'from elsewhere', newAddress());
    const db = await getDb();
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
      await tx.execute(sql`update audit_events set at = at - interval '15 minutes 1 second'`);
      await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
    });
    await login('locked.out@example.org', 'later on', address);
    expect((await auditLog()).filter((e) => e.action === 'login.throttled')).toHaveLength(REFUSALS_AUDITED_PER_ADDRESS + 2);
  });
});

describe('reading the audit trail', () => {
  it('lets administrators filter by action, actor, target and date, newest first, with a cursor', async () => {
    const admin = await makeAccount({ role: 'admin' });
    const token = await tokenFor(admin);
    // The UTC day before and after the events are written: a run that crosses midnight still covers all of them.
    const dayBefore = new Date().toISOString().slice(0, 10);
    for (let i = 0; i < 5; i++) await audit({ action: 'interview.viewed', actor: { id: admin.id, email: admin.email }, targetType: 'interview', targetId: `t${i}`, address: '10.0.0.9' });
    await audit({ action: 'logout', actor: { id: admin.id, email: 'someone@example.org' } });
    const dayAfter = new Date().toISOString().slice(0, 10);
    const get = async (q: string) => {
      const res = await auditRoute(req(`/api/v1/clinician/audit?${q}`, { token }));
      expect(res.status).toBe(200);
      return (await res.json()) as { items: { action: string; targetId: string; at: string }[]; nextCursor: string | null };
    };
    expect((await get('')).items.map((e) => e.action)).toEqual(['logout', ...Array(5).fill('interview.viewed')]);
    expect((await get('action=logout')).items).toHaveLength(1);
    expect((await get('actor=SOMEONE@example.org')).items.map((e) => e.action)).toEqual(['logout']);
    expect((await get('target=t3')).items.map((e) => e.targetId)).toEqual(['t3']);
    expect((await get(`from=${dayBefore}&to=${dayAfter}`)).items).toHaveLength(6);
    const nextDay = new Date(Date.parse(`${dayAfter}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await get(`from=${nextDay}`)).items).toEqual([]);
    expect((await get('to=2000-01-01')).items).toEqual([]);

    const first = await get('action=interview.viewed&limit=2');
    expect(first.items.map((e) => e.targetId)).toEqual(['t4', 't3']);
    const second = await get(`action=interview.viewed&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((e) => e.targetId)).toEqual(['t2', 't1']);
    const third = await get(`action=interview.viewed&limit=2&cursor=${second.nextCursor}`);
    expect(third).toMatchObject({ items: [{ targetId: 't0' }], nextCursor: null });

    await expectError(await auditRoute(req('/api/v1/clinician/audit?action=drop_table', { token })), 400, 'invalid_query');
    expect(parseAuditFilters(new URLSearchParams({ cursor: 'nonsense' }))).toMatchObject({ ok: false });
    expect((await listAudit({ limit: 50, action: 'logout' })).items).toHaveLength(1);
  });
});
