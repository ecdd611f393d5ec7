import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/db/client';
import { setAccountDisabled } from '@/lib/clinician/accounts';
import { SELF_CARE } from '../support/answers';
import { errorCode, makeAccount, newAddress, PASSWORD, playInterview, req, tokenFor, type TestAccount } from '../support/clinician';
import { resetDb } from '../support/db';

/**
 * Every clinician route handler, found on disk rather than listed by hand: a new route that forgets its guard fails
 * here. Each exported method must refuse the anonymous, a patient's interview token (as Bearer and as the patient
 * cookie) and a disabled account with 401; administrators' routes must refuse a clinician with 403.
 */

const ROOT = fileURLToPath(new URL('../../app/api/v1/clinician', import.meta.url));
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const ADMIN_ONLY = /^(accounts|audit)(\/|$)/;
const LOGIN = 'login';

const routeFiles = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
  .filter((f) => path.basename(f) === 'route.ts')
  .map((f) => path.dirname(f).split(path.sep).join('/'))
  .sort();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Route {
  dir: string;
  url: string;
  params: Record<string, string>;
  /** The methods the route serves. */
  handlers: [string, Handler][];
  /** The other exported methods: a 405 before any authentication, which needs none as it reveals nothing. */
  refusals: [string, Response][];
}

let routes: Route[] = [];
let clinician: TestAccount;
let admin: TestAccount;
let disabled: TestAccount;
let target: TestAccount;
let disabledToken: string;
let patient: { id: string; token: string };

beforeAll(async () => {
  await resetDb();
  [clinician, admin, disabled] = await Promise.all([
    makeAccount({ email: 'clin@example.org' }),
    makeAccount({ email: 'admin@example.org', role: 'admin' }),
    makeAccount({ email: 'gone@example.org' }),
  ]);
  target = await makeAccount({ email: 'target@example.org' });
  disabledToken = await tokenFor(disabled);
  await setAccountDisabled(disabled.id, true, { ...admin, address: '10.0.0.1' });
  patient = await playInterview(SELF_CARE);
  routes = await Promise.all(
    routeFiles.map(async (dir) => {
      const mod = (await import(path.join(ROOT, dir, 'route.ts'))) as Record<string, unknown>;
      const values: Record<string, string> = {};
      const url = dir.replace(/\[(\w+)\]/g, (_, name: string) => {
        // A real interview id, so a route that forgot its guard would answer 200, not 404.
        values[name] = name === 'id' && dir.startsWith('accounts') ? target.id : patient.id;
        return values[name];
      });
      const route: Route = { dir, url: `/api/v1/clinician/${url}`, params: values, handlers: [], refusals: [] };
      for (const m of METHODS.filter((m) => typeof mod[m] === 'function')) {
        const handler = mod[m] as Handler;
        const anonymous = await call(route, m, handler, {});
        if (anonymous.status === 405) route.refusals.push([m, anonymous]);
        else route.handlers.push([m, handler]);
      }
      return route;
    }),
  );
});
afterAll(closeDb);

function call(route: Route, method: string, handler: Handler, auth: { token?: string; cookie?: string; body?: unknown }) {
  const body = method === 'GET' || method === 'HEAD' ? undefined : (auth.body ?? {});
  return handler(req(route.url, { method, token: auth.token, cookie: auth.cookie, body, address: newAddress() }), {
    params: Promise.resolve(route.params),
  });
}

describe('clinician route handlers (enumerated from app/api/v1/clinician)', () => {
  it('finds the routes, each with at least one method', () => {
    expect(routeFiles).toEqual(expect.arrayContaining(['login', 'logout', 'interviews', 'interviews/[id]', 'accounts', 'audit']));
    expect(routes.length).toBe(routeFiles.length);
    for (const route of routes) expect(route.handlers.length, route.dir).toBeGreaterThan(0);
  });

  it('every other method gets a 405 (JSON, or an OperationOutcome from a FHIR route) whose Allow header names the methods the route serves', async () => {
    for (const route of routes) {
      const served = route.handlers.map(([m]) => m);
      expect(route.refusals.map(([m]) => m).sort(), route.dir).toEqual(
        ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !served.includes(m)).sort(),
      );
      for (const [method, res] of route.refusals) {
        const allow = res.headers.get('allow')?.split(', ');
        expect(allow, `${method} ${route.dir}`).toEqual(expect.arrayContaining([...served, 'OPTIONS']));
        expect(allow?.filter((m) => !['HEAD', 'OPTIONS'].includes(m)).sort(), `${method} ${route.dir}`).toEqual([...served].sort());
        expect(errorCode(await res.json())).toBe('method_not_allowed');
      }
    }
  });

  it('every method refuses the anonymous, a patient token or cookie, and a disabled account with 401', async () => {
    for (const route of routes) {
      for (const [method, handler] of route.handlers) {
        const where = `${method} ${route.dir}`;
        if (route.dir === LOGIN) {
          // Sign-in is the one door open to the anonymous: wrong or disabled credentials must still get 401.
          const wrong = await call(route, method, handler, { body: { email: 'nobody@example.org', password: 'wrong password' } });
          expect(wrong.status, `${where} anonymous`).toBe(401);
          const withPatient = await call(route, method, handler, {
            token: patient.token,
            body: { email: 'nobody@example.org', password: patient.token },
          });
          expect(withPatient.status, `${where} patient token`).toBe(401);
          const off = await call(route, method, handler, { body: { email: disabled.email, password: PASSWORD } });
          expect(off.status, `${where} disabled account`).toBe(401);
          continue;
        }
        for (const [who, auth] of [
          ['anonymous', {}],
          ['patient bearer token', { token: patient.token }],
          ['patient cookie', { cookie: `kw_interview=${patient.id}.${patient.token}` }],
          ['patient token in the clinician cookie', { cookie: `kw_clinician=${patient.token}` }],
          ['disabled account', { token: disabledToken }],
          ['disabled account cookie', { cookie: `kw_clinician=${disabledToken}` }],
        ] as const) {
          const res = await call(route, method, handler, auth);
          expect(res.status, `${where}: ${who}`).toBe(401);
          expect(errorCode(await res.json()), `${where}: ${who}`).toBe('unauthorized');
        }
      }
    }
  });

  it('administrators\' routes refuse a clinician with 403 and let an administrator in; the others let a clinician in', async () => {
    for (const route of routes.filter((r) => r.dir !== LOGIN)) {
      for (const [method, handler] of route.handlers) {
        const where = `${method} ${route.dir}`;
        // A fresh session each time: logout ends the one it is called with.
        const asClinician = await call(route, method, handler, { token: await tokenFor(clinician) });
        if (ADMIN_ONLY.test(route.dir)) {
          expect(asClinician.status, where).toBe(403);
          const asAdmin = await call(route, method, handler, { token: await tokenFor(admin) });
          expect([401, 403], where).not.toContain(asAdmin.status);
        } else {
          expect([401, 403], where).not.toContain(asClinician.status);
        }
      }
    }
  });
});
