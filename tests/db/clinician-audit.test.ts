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
import { login } from '@/lib/clinician/login';
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
  it('covers logins, views, exports, reviews, account changes, patient deletion and purges', async () => {
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
    // No secret ever reaches the audit trail.
    expect(JSON.stringify(log)).not.toContain(PASSWORD);
    expect(JSON.stringify(log)).not.toContain(adminToken);
    expect(JSON.stringify(log)).not.toContain(played.token);
  });
});

describe('reading the audit trail', () => {
  it('lets administrators filter by action, actor, target and date, newest first, with a cursor', async () => {
    const admin = await makeAccount({ role: 'admin' });
    const token = await tokenFor(admin);
    for (let i = 0; i < 5; i++) await audit({ action: 'interview.viewed', actor: { id: admin.id, email: admin.email }, targetType: 'interview', targetId: `t${i}`, address: '10.0.0.9' });
    await audit({ action: 'logout', actor: { id: admin.id, email: 'someone@example.org' } });
    const get = async (q: string) => {
      const res = await auditRoute(req(`/api/v1/clinician/audit?${q}`, { token }));
      expect(res.status).toBe(200);
      return (await res.json()) as { items: { action: string; targetId: string; at: string }[]; nextCursor: string | null };
    };
    expect((await get('')).items.map((e) => e.action)).toEqual(['logout', ...Array(5).fill('interview.viewed')]);
    expect((await get('action=logout')).items).toHaveLength(1);
    expect((await get('actor=SOMEONE@example.org')).items.map((e) => e.action)).toEqual(['logout']);
    expect((await get('target=t3')).items.map((e) => e.targetId)).toEqual(['t3']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await get(`from=${today}&to=${today}`)).items).toHaveLength(6);
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
