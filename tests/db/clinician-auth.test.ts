import { spawnSync } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { clinicianSessions, clinicians, loginFailures } from '@/db/schema';
import { POST as loginRoute } from '@/app/api/v1/clinician/login/route';
import { POST as logoutRoute } from '@/app/api/v1/clinician/logout/route';
import { GET as queueRoute } from '@/app/api/v1/clinician/interviews/route';
import { GET as detailRoute } from '@/app/api/v1/clinician/interviews/[id]/route';
import { GET as jsonRoute } from '@/app/api/v1/clinician/interviews/[id]/export.json/route';
import { GET as fhirRoute } from '@/app/api/v1/clinician/interviews/[id]/fhir/route';
import { GET as csvRoute } from '@/app/api/v1/clinician/export.csv/route';
import { POST as createRoute } from '@/app/api/v1/clinician/accounts/route';
import { POST as disableRoute } from '@/app/api/v1/clinician/accounts/[id]/disable/route';
import { POST as answerRoute } from '@/app/api/v1/sessions/[id]/answers/route';
import { createAccount, newAccountSchema, setAccountDisabled } from '@/lib/clinician/accounts';
import { login, INVALID_CREDENTIALS } from '@/lib/clinician/login';
import { ACCOUNT_MAX_FAILURES, ADDRESS_FREE_FAILURES, addressDelaySeconds } from '@/lib/clinician/throttle';
import { hashPassword, verifyPassword } from '@/lib/clinician/password';
import { clinicianForToken, createSession } from '@/lib/clinician/sessions';
import { auditLog, BASE, expectError, makeAccount, newAddress, params, PASSWORD, playInterview, req, tokenFor } from '../support/clinician';
import { resetDb } from '../support/db';

beforeEach(resetDb);
afterAll(closeDb);

const credentials = (email: string, password = PASSWORD) => ({ email, password });

describe('passwords', () => {
  it('are scrypt N=2^17, r=8, p=1 with a salt, and verify only the right password', async () => {
    const hash = await hashPassword('a long enough passphrase');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await hashPassword('a long enough passphrase')).not.toBe(hash);
    expect(await verifyPassword('a long enough passphrase', hash)).toBe(true);
    expect(await verifyPassword('a long enough passphrasE', hash)).toBe(false);
    expect(await verifyPassword('a long enough passphrase', 'not-a-hash')).toBe(false);
  });
});

describe('accounts', () => {
  it('lower-cases emails, refuses duplicates, bad emails and short passwords with clear messages', async () => {
    const created = await createAccount({ email: '  Dr.Who@Example.ORG ', name: 'Dr Who', password: 'twelve chars' }, null);
    expect(created.ok && created.account).toMatchObject({ email: 'dr.who@example.org', role: 'clinician', disabled: false });
    const duplicate = await createAccount({ email: 'DR.WHO@example.org', name: 'Again', password: 'twelve chars!' }, null);
    expect(duplicate).toMatchObject({ ok: false, code: 'duplicate_email' });
    expect(await createAccount({ email: 'not an email', name: 'X', password: 'twelve chars' }, null)).toMatchObject({
      ok: false,
      code: 'invalid_account',
      message: expect.stringContaining('email must be an email address'),
    });
    expect(await createAccount({ email: 'x@example.org', name: 'X', password: 'elevenchars' }, null)).toMatchObject({
      ok: false,
      message: expect.stringContaining('at least 12 characters'),
    });
    // The database itself refuses a mixed-case email that would dodge the unique index.
    const db = await getDb();
    await expect(db.insert(clinicians).values({ email: 'Mixed@Example.org', name: 'M', passwordHash: 'x' })).rejects.toThrow();
  });
});

describe('password strength', () => {
  const person = { email: 'dr.who@example.org', name: 'Tardis Smith' };
  const guessable = [
    ['twelve spaces', ' '.repeat(12)],
    ['one letter repeated', 'aaaaaaaaaaaa'],
    ['the email itself', 'dr.who@example.org'],
    ['the name twice', 'TardisSmithTardisSmith'],
    ['a common password', 'password1234'],
    ['a common password, dressed up', 'Password123!'],
    ['a keyboard run', 'qwertyuiop12'],
    ['the service name and a year', 'knotwise2026!'],
  ] as const;

  it('refuses common and guessable passwords with a reason, wherever an account is created', { timeout: 120_000 }, async () => {
    const admin = await makeAccount({ role: 'admin' });
    const adminToken = await tokenFor(admin);
    for (const [what, password] of guessable) {
      const direct = await createAccount({ ...person, password }, null);
      expect(direct, what).toMatchObject({ ok: false, code: 'invalid_account', message: expect.stringContaining('password is too easy to guess') });
      const api = await createRoute(req('/api/v1/clinician/accounts', { method: 'POST', token: adminToken, body: { ...person, password } }));
      const error = await expectError(api, 400, 'invalid_body');
      expect(error.issues, what).toEqual([{ path: 'password', message: expect.stringMatching(/^password is too easy to guess: .+\. .*unrelated words/) }]);
    }
    // A body that is not an account at all is refused like any other bad body.
    for (const body of [undefined, null, [], 'text', { password: 42 }]) {
      expect(newAccountSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
    await expectError(await createRoute(req('/api/v1/clinician/accounts', { method: 'POST', token: adminToken, body: '' })), 400, 'invalid_body');
    // Every problem at once: a bad email does not hide a weak password.
    const both = newAccountSchema.safeParse({ email: 'nope', name: 'X', password: 'aaaaaaaaaaaa' });
    expect(both.success ? [] : both.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['email', 'password']);
    // Phrases and random strings pass.
    for (const password of ['plum kettle orbit 42', 'violet harbour sings loudly', 'Tr0ub4dor&3xx']) {
      expect(await createAccount({ email: `${password.length}.${Date.now()}@example.org`, name: 'Strong One', password }, null), password).toMatchObject({ ok: true });
    }
    expect((await auditLog()).filter((e) => e.action === 'account.created')).toHaveLength(3);
  });

  it('npm run clinician:add refuses a guessable password and says why', async () => {
    const cli = (password: string) =>
      spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/clinician-add.ts', '--email', person.email, '--name', person.name, '--force'], {
        env: { ...process.env, DATA_DIR: 'memory://', CLINICIAN_PASSWORD: password },
        encoding: 'utf8',
        timeout: 120_000,
      });
    const weak = cli('aaaaaaaaaaaa');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/No account was created: password is too easy to guess: Repeated characters/);
    const strong = cli('plum kettle orbit 42');
    expect(strong.stderr).toBe('');
    expect(strong.stdout).toMatch(/Created clinician account dr\.who@example\.org/);
  }, 120_000);
});

describe('sign-in and sessions', () => {
  it('signs in, sets a Secure-less cookie in plain-http tests, returns a kwc_ token, and the cookie opens the queue', async () => {
    const account = await makeAccount({ email: 'ann@example.org' });
    const res = await loginRoute(req('/api/v1/clinician/login', { method: 'POST', body: credentials('ANN@example.org'), address: newAddress() }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ clinician: { id: account.id, email: 'ann@example.org', role: 'clinician' } });
    expect(body.token).toMatch(/^kwc_[A-Za-z0-9_-]{43}$/);
    expect(new Date(body.expiresAt).getTime() - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    const setCookie = res.headers.get('set-cookie') ?? '';
    // COOKIE_SECURE=false in the db test project: a __Host- cookie would be refused without Secure.
    expect(setCookie).toMatch(/^kw_clinician=kwc_/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Path=\//);

    const cookie = `kw_clinician=${body.token}`;
    expect((await queueRoute(req('/api/v1/clinician/interviews', { cookie }))).status).toBe(200);
    expect((await queueRoute(req('/api/v1/clinician/interviews', { token: body.token }))).status).toBe(200);
    // The session is stored as a hash only.
    const db = await getDb();
    const stored = await db.select().from(clinicianSessions);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(body.token.slice(4));
  });

  it('logs out: the token stops working, the cookie is cleared, and logout needs a session', async () => {
    const account = await makeAccount();
    const token = await tokenFor(account);
    const out = await logoutRoute(req('/api/v1/clinician/logout', { method: 'POST', token }));
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/kw_clinician=;.*Max-Age=0/i);
    await expectError(await queueRoute(req('/api/v1/clinician/interviews', { token })), 401, 'unauthorized');
    await expectError(await logoutRoute(req('/api/v1/clinician/logout', { method: 'POST', token })), 401, 'unauthorized');
    expect((await auditLog()).map((e) => e.action)).toContain('logout');
  });

  it('expires a session after 12 hours', async () => {
    const account = await makeAccount();
    const now = Date.now();
    const fresh = await createSession(account.id, '10.0.0.1', undefined, new Date(now - 11.9 * 3600_000));
    const stale = await createSession(account.id, '10.0.0.1', undefined, new Date(now - 12 * 3600_000 - 1000));
    expect(await clinicianForToken(fresh.token)).toMatchObject({ id: account.id });
    expect(await clinicianForToken(stale.token)).toBeUndefined();
    await expectError(await queueRoute(req('/api/v1/clinician/interviews', { token: stale.token })), 401, 'unauthorized');
  });

  it('revokes every session when an account is disabled, and refuses a disabled account even with a live session row', async () => {
    const admin = await makeAccount({ role: 'admin' });
    const target = await makeAccount();
    const [a, b] = [await tokenFor(target), await tokenFor(target)];
    const res = await disableRoute(
      req(`/api/v1/clinician/accounts/${target.id}/disable`, { method: 'POST', token: await tokenFor(admin) }),
      params({ id: target.id }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ account: { id: target.id, disabled: true }, sessionsEnded: 2 });
    for (const token of [a, b]) await expectError(await queueRoute(req('/api/v1/clinician/interviews', { token })), 401, 'unauthorized');

    // Belt and braces: a session that somehow survived is still refused while the account is disabled.
    const other = await makeAccount();
    const token = await tokenFor(other);
    const db = await getDb();
    await db.update(clinicians).set({ disabled: true }).where(eq(clinicians.id, other.id));
    await expectError(await queueRoute(req('/api/v1/clinician/interviews', { token })), 401, 'unauthorized');

    const self = await setAccountDisabled(admin.id, true, { ...admin, address: '10.0.0.1' });
    expect(self).toMatchObject({ ok: false, code: 'own_account' });
  });

  it('takes the cookie for a change only from this origin, a POST only as JSON; scripts with a Bearer token need neither', async () => {
    const account = await makeAccount();
    const token = await tokenFor(account);
    const cookie = `kw_clinician=${token}`;
    const json = { 'content-type': 'application/json' };
    const logoutWith = (headers: Record<string, string>, origin?: string) =>
      logoutRoute(req('/api/v1/clinician/logout', { method: 'POST', cookie, origin, headers }));
    for (const [what, headers, origin] of [
      ['another site', json, 'https://evil.example'],
      ['no Origin at all', json, undefined],
      ['the https origin of this http host', json, 'https://knotwise.test'],
      ['another port of this host', json, 'http://knotwise.test:8080'],
      ['Origin: null', json, 'null'],
      ['a text/plain body from this origin', { 'content-type': 'text/plain' }, BASE],
      ['a form post from this origin', { 'content-type': 'application/x-www-form-urlencoded' }, BASE],
      ['no content type', {}, BASE],
      ['Sec-Fetch-Site: same-site and no Origin', { ...json, 'sec-fetch-site': 'same-site' }, undefined],
    ] as const) {
      const error = await expectError(await logoutWith(headers, origin), 403, 'cross_origin');
      expect(error.message, what).toMatch(/Content-Type: application\/json.*Authorization: Bearer/);
      expect(await clinicianForToken(token), what).toBeDefined();
    }
    // A JSON request from this origin, by Origin or (when a browser leaves Origin out) by Sec-Fetch-Site.
    expect((await logoutWith({ 'content-type': 'application/json; charset=utf-8' }, BASE)).status).toBe(200);
    const second = await tokenFor(account);
    const bySecFetch = await logoutRoute(
      req('/api/v1/clinician/logout', { method: 'POST', cookie: `kw_clinician=${second}`, headers: { ...json, 'sec-fetch-site': 'same-origin' } }),
    );
    expect(bySecFetch.status).toBe(200);
    expect(await clinicianForToken(second)).toBeUndefined();
    // Scripts: a Bearer token from nowhere in particular.
    expect((await logoutRoute(req('/api/v1/clinician/logout', { method: 'POST', token: await tokenFor(account) }))).status).toBe(200);

    const forged = await loginRoute(
      req('/api/v1/clinician/login', { method: 'POST', body: credentials(account.email), origin: 'https://evil.example', address: newAddress() }),
    );
    await expectError(forged, 403, 'cross_origin');
  });

  it('refuses the cookie on a read another site started (a link or redirect there), and audits nothing for it', async () => {
    const account = await makeAccount();
    const cookie = `kw_clinician=${await tokenFor(account)}`;
    const { id } = await playInterview({ consent: 'agree' });
    const get = (path: string, headers: Record<string, string>, route: (r: Request) => Promise<Response>) => route(req(path, { cookie, headers }));
    const reads: [string, (r: Request) => Promise<Response>][] = [
      [`/api/v1/clinician/interviews/${id}`, (r) => detailRoute(r, params({ id }))],
      [`/api/v1/clinician/interviews/${id}/export.json`, (r) => jsonRoute(r, params({ id }))],
      [`/api/v1/clinician/interviews/${id}/fhir`, (r) => fhirRoute(r, params({ id }))],
      ['/api/v1/clinician/export.csv', csvRoute],
      ['/api/v1/clinician/interviews', queueRoute],
    ];
    for (const [path, route] of reads) {
      for (const site of ['cross-site', 'same-site']) {
        const error = await expectError(await get(path, { 'sec-fetch-site': site, 'sec-fetch-mode': 'navigate' }, route), 403, 'cross_origin');
        expect(error.message, `${path} ${site}`).toMatch(/opened from another site.*clinician portal/);
      }
    }
    expect((await auditLog()).filter((e) => e.action !== 'login.succeeded')).toEqual([]);
    // Followed from a portal page, typed or bookmarked (none), or from a script that sends no such header: allowed.
    for (const headers of [{ 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }, {}] as Record<string, string>[]) {
      for (const [path, route] of reads) expect((await get(path, headers, route)).status, `${path} ${JSON.stringify(headers)}`).toBe(200);
    }
    expect((await auditLog()).filter((e) => e.action === 'interview.viewed')).toHaveLength(3);
  });

  it('the patient cookie answers only JSON POSTs from this origin too', async () => {
    const { id, token, turn } = await playInterview({ consent: 'agree' });
    const cookie = `kw_interview=${id}.${token}`;
    const answer = (headers: Record<string, string>, origin?: string) =>
      answerRoute(
        req(`/api/v1/sessions/${id}/answers`, { method: 'POST', cookie, origin, headers, body: JSON.stringify({ questionId: 'age_years', value: 40, step: turn.step }) }),
        params({ id }),
      );
    await expectError(await answer({ 'content-type': 'application/json' }), 401, 'unauthorized');
    await expectError(await answer({ 'content-type': 'text/plain' }, BASE), 401, 'unauthorized');
    await expectError(await answer({ 'content-type': 'application/json' }, 'https://knotwise.test'), 401, 'unauthorized');
    expect((await answer({ 'content-type': 'application/json' }, BASE)).status).toBe(200);
  });

  it('never accepts the __Host- cookie name when cookies are not Secure, nor a token that is not a clinician token', async () => {
    const account = await makeAccount();
    const token = await tokenFor(account);
    await expectError(await queueRoute(req('/api/v1/clinician/interviews', { cookie: `__Host-kw_clinician=${token}` })), 401, 'unauthorized');
    await expectError(await queueRoute(req('/api/v1/clinician/interviews', { token: token.slice(4) })), 401, 'unauthorized');
  });
});

describe('sign-in throttling', () => {
  it('gives the same 401 for an unknown email, a wrong password and a disabled account, and audits each', { timeout: 120_000 }, async () => {
    const known = await makeAccount({ email: 'known@example.org' });
    await makeAccount({ email: 'off@example.org', disabled: true });
    const attempt = (email: string, password: string) =>
      loginRoute(req('/api/v1/clinician/login', { method: 'POST', body: credentials(email, password), address: newAddress() }));
    const messages = [];
    for (const [email, password] of [
      ['nobody@example.org', PASSWORD],
      ['known@example.org', 'wrong password!'],
      ['off@example.org', PASSWORD],
    ] as const) {
      messages.push((await expectError(await attempt(email, password), 401, 'invalid_credentials')).message);
    }
    expect(new Set(messages)).toEqual(new Set([INVALID_CREDENTIALS]));
    const failed = (await auditLog()).filter((e) => e.action === 'login.failed');
    expect(failed.map((e) => (e.detail as { reason: string }).reason)).toEqual(['unknown_email', 'wrong_password', 'account_disabled']);
    expect(failed[1]).toMatchObject({ actorId: known.id, targetId: known.id });
    expect(failed.every((e) => e.address?.startsWith('10.1.'))).toBe(true);
  });

  it('answers 429 after 5 failures for one account, from any address, even with the right password', { timeout: 120_000 }, async () => {
    const account = await makeAccount({ email: 'target@example.org' });
    for (let i = 0; i < 5; i++) {
      const res = await loginRoute(
        req('/api/v1/clinician/login', { method: 'POST', body: credentials(account.email, `guess number ${i}!`), address: newAddress() }),
      );
      expect(res.status).toBe(401);
    }
    const right = await loginRoute(req('/api/v1/clinician/login', { method: 'POST', body: credentials(account.email), address: newAddress() }));
    const error = await expectError(right, 429, 'rate_limited');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(error.retryAfterSeconds).toBe(Number(right.headers.get('retry-after')));
    const db = await getDb();
    expect((await db.select().from(loginFailures).where(eq(loginFailures.email, account.email))).length).toBe(5);
    expect((await auditLog()).at(-1)).toMatchObject({ action: 'login.throttled' });

    // An unknown email is throttled the same way, with the same message: the 429 does not reveal the account.
    for (let i = 0; i < 5; i++) await login('ghost@example.org', `guess number ${i}!`, newAddress());
    const ghost = await login('ghost@example.org', 'another guess!', newAddress());
    const real = await login(account.email, PASSWORD, newAddress());
    expect(ghost.ok || real.ok).toBe(false);
    if (!ghost.ok && !real.ok) {
      expect(ghost.code).toBe('too_many_attempts');
      expect(ghost.message.replace(/\d+ minute/, 'N minute')).toBe(real.message.replace(/\d+ minute/, 'N minute'));
    }
  });

  it('slows one address down after 20 failures with a wait that doubles, never a lock-out, and a success clears it', { timeout: 240_000 }, async () => {
    const clinician = await makeAccount();
    const address = newAddress();
    const db = await getDb();
    const failuresFrom = async (a: string) => (await db.select().from(loginFailures).where(eq(loginFailures.address, a))).length;
    // The waits are measured from the latest failure; checking a password takes a while, so each step below first
    // says when that failure was: just now, or long enough ago.
    const failedAgo = (interval: string) =>
      db.execute(sql`update login_failures set at = now() - ${interval}::interval where address = ${address}`);

    // A clinic's typos, or a spray over many accounts, all at once: the first 20 are all checked.
    const typos = await Promise.all(
      Array.from({ length: ADDRESS_FREE_FAILURES }, (_, i) => login(`colleague${i}@example.org`, 'not the password', address)),
    );
    expect(typos.every((r) => !r.ok && r.code === 'invalid_credentials')).toBe(true);
    await failedAgo('0 seconds');
    const first = await login(clinician.email, PASSWORD, address);
    expect(first).toMatchObject({ ok: false, code: 'too_many_attempts', retryAfterSeconds: 1 });
    expect(first.ok ? '' : first.message).toMatch(/^Too many failed sign-ins from your network\. Wait 1 second and try again\.$/);
    // Refused attempts are not checked and raise no count.
    for (let i = 0; i < 5; i++) {
      await failedAgo('0 seconds');
      expect(await login(`colleague${i}@example.org`, 'still not it', address)).toMatchObject({ code: 'too_many_attempts' });
    }
    expect(await failuresFrom(address)).toBe(ADDRESS_FREE_FAILURES);
    // Another address is not affected.
    expect((await login(clinician.email, PASSWORD, newAddress())).ok).toBe(true);

    // After the wait one more attempt is checked; a wrong one doubles the wait.
    await failedAgo('1 second');
    expect(await login('colleague0@example.org', 'wrong again', address)).toMatchObject({ code: 'invalid_credentials' });
    await failedAgo('0 seconds');
    expect(await login(clinician.email, PASSWORD, address)).toMatchObject({ code: 'too_many_attempts', retryAfterSeconds: 2 });
    expect([20, 21, 25, 26, 40].map(addressDelaySeconds)).toEqual([1, 2, 32, 60, 60]);

    // The right password, once the wait is over, signs in and gives the address its allowance back.
    await failedAgo('2 seconds');
    expect((await login(clinician.email, PASSWORD, address)).ok).toBe(true);
    // Only failures after that sign-in count: the next typos are checked at once (the older rows still count against
    // their own accounts).
    for (let i = 0; i < 3; i++) expect(await login(`colleague${i}@example.org`, 'a typo', address)).toMatchObject({ code: 'invalid_credentials' });
    expect(await failuresFrom(address)).toBe(ADDRESS_FREE_FAILURES + 1 + 3);
  });

  it('signing in to one account does not lift the lock on another, from the same address', { timeout: 120_000 }, async () => {
    const [insider, colleague] = [await makeAccount(), await makeAccount()];
    const address = newAddress();
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) await login(colleague.email, `guess number ${i}`, address);
    expect((await login(insider.email, PASSWORD, address)).ok).toBe(true);
    expect(await login(colleague.email, 'guess number 6', address)).toMatchObject({ code: 'too_many_attempts' });
    expect(await login(colleague.email, PASSWORD, newAddress())).toMatchObject({ code: 'too_many_attempts' });
  });

  it('checks every attempt of a burst up to the limits: a clinic signing in together, at most 5 guesses for one account', { timeout: 240_000 }, async () => {
    const clinic = newAddress();
    const team = await Promise.all(Array.from({ length: 6 }, () => makeAccount()));
    const together = await Promise.all(team.map((a) => login(a.email, PASSWORD, clinic)));
    expect(together.map((r) => r.ok)).toEqual(team.map(() => true));

    const target = await makeAccount();
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => login(target.email, `parallel guess ${i}`, newAddress())));
    expect(burst.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual([...Array(5).fill('invalid_credentials'), ...Array(3).fill('too_many_attempts')]);
    const db = await getDb();
    expect(await db.select().from(loginFailures).where(eq(loginFailures.email, target.email))).toHaveLength(ACCOUNT_MAX_FAILURES);
    const refusals = (await auditLog()).filter((e) => e.action === 'login.throttled');
    expect(refusals.map((e) => (e.detail as { limit: string }).limit)).toEqual(['account', 'account', 'account']);
  });

  it('a flood of wrong passwords does not starve the right one: each address takes its turn at the password hash', { timeout: 300_000 }, async () => {
    const clinician = await makeAccount();
    const finished: string[] = [];
    const flood = Array.from({ length: 36 }, (_, i) =>
      login(`sprayed${i}@example.org`, 'Winter-2026-again', `10.66.0.${i % 4}`).then((r) => {
        finished.push('flood');
        return r;
      }),
    );
    const right = login(clinician.email, PASSWORD, newAddress()).then((r) => {
      finished.push('clinician');
      return r;
    });
    const [flooded, signedIn] = await Promise.all([Promise.all(flood), right]);
    expect(signedIn.ok).toBe(true);
    // Nothing was turned away for arriving at once: each guess was checked in its turn…
    expect(flooded.every((r) => !r.ok && r.code === 'invalid_credentials')).toBe(true);
    // …and the clinician's turn came after a few of them, not after all 36.
    expect(finished.indexOf('clinician')).toBeLessThan(10);
  });

  it('a successful sign-in clears the account\'s earlier failures', { timeout: 120_000 }, async () => {
    const account = await makeAccount();
    for (let i = 0; i < 4; i++) await login(account.email, `typo ${i} in the password`, newAddress());
    expect((await login(account.email, PASSWORD, newAddress())).ok).toBe(true);
    const db = await getDb();
    expect(await db.select().from(loginFailures).where(eq(loginFailures.email, account.email))).toEqual([]);
    expect((await auditLog()).filter((e) => e.action === 'login.succeeded')).toHaveLength(1);
  });
});
