import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { interviewCookieName } from '../../lib/interview/cookie';
import { CAUDA_EQUINA } from './support/answers';
import { SEEDED_ADMIN, SEEDED_CLINICIAN } from './support/clinician-accounts';
import { interviewThroughApi, signIn, signInToQueue, type PatientInterview } from './support/clinician';

/**
 * Every clinician portal page, found on disk (app/clinician/**\/page.tsx) rather than listed by hand, so a new page
 * that forgets its guard fails here. Each must refuse the anonymous visitor, a patient (the interview cookie and no
 * clinician session) and a disabled account by sending them to the sign-in page; a page that calls requireAdmin must
 * also refuse a clinician (404). A refused page shows no patient data: no interview code, id or answer.
 */

const PORTAL = path.join(process.cwd(), 'app', 'clinician');
const LOGIN = '/clinician/login';

interface PortalPage {
  file: string;
  adminOnly: boolean;
  /** The URL with `[id]` filled in by a real interview's id. */
  url: (interviewId: string) => string;
}

const pages: PortalPage[] = readdirSync(PORTAL, { recursive: true, encoding: 'utf8' })
  .filter((f) => path.basename(f) === 'page.tsx')
  .map((f) => f.split(path.sep).join('/'))
  .filter((f) => !f.startsWith('login/'))
  .sort()
  .map((file) => {
    // Route groups such as (portal) are not part of the URL.
    const segments = path.posix.dirname(file).split('/').filter((s) => s !== '.' && !/^\(.+\)$/.test(s));
    const source = readFileSync(path.join(PORTAL, file), 'utf8');
    return {
      file,
      adminOnly: source.includes('requireAdmin('),
      url: (id: string) => ['/clinician', ...segments.map((s) => (s === '[id]' ? id : s))].join('/'),
    };
  });

test.describe.configure({ mode: 'serial' });

let interview: PatientInterview;

test.beforeAll(async ({ request }) => {
  // A patient whose answers would be sensitive if shown: an emergency outcome, on this spec's own interview.
  interview = await interviewThroughApi(request, CAUDA_EQUINA);
  expect(interview.turn.status).toBe('complete');
});

test('the portal pages were found on disk, the administrators\' ones among them', () => {
  expect(pages.map((p) => p.file)).toEqual(expect.arrayContaining(['(portal)/page.tsx', '(portal)/interviews/[id]/page.tsx', '(portal)/accounts/page.tsx']));
  expect(pages.filter((p) => p.adminOnly).map((p) => p.file)).toEqual(expect.arrayContaining(['(portal)/accounts/page.tsx', '(portal)/audit/page.tsx']));
  expect(pages.some((p) => p.url('x').includes('['))).toBe(false);
});

/** Visits every page (or only the administrators') and expects each refused the given way, with no patient data. */
async function expectRefused(page: Page, refusal: 'login' | 'not found', which: (p: PortalPage) => boolean) {
  const visited = pages.filter(which);
  expect(visited.length).toBeGreaterThan(0);
  for (const portalPage of visited) {
    const url = portalPage.url(interview.id);
    const response = await page.goto(url);
    if (refusal === 'login') {
      await expect(page, `${url} let the visitor in`).toHaveURL(new RegExp(`${LOGIN}$`));
    } else {
      expect(response?.status(), `${url} did not answer 404`).toBe(404);
    }
    const shown = await page.content();
    expect(shown, `${url} showed the interview code`).not.toContain(interview.code);
    expect(shown, `${url} showed the interview id`).not.toContain(interview.id);
    expect(shown, `${url} showed an answer`).not.toMatch(/saddle|Saddle/);
  }
}

async function withContext(context: BrowserContext, body: (page: Page) => Promise<void>) {
  const page = await context.newPage();
  try {
    await body(page);
  } finally {
    await context.close();
  }
}

test('the anonymous visitor is sent to sign in from every portal page', async ({ browser }) => {
  await withContext(await browser.newContext(), (page) => expectRefused(page, 'login', () => true));
});

test('a patient, holding the cookie of their own interview, is sent to sign in from every portal page', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  // The e2e server runs with the default COOKIE_SECURE=true: the patient's cookie is the __Host- one, Secure.
  await context.addCookies([{ name: interviewCookieName(true), value: `${interview.id}.${interview.token}`, domain: new URL(baseURL!).hostname, path: '/', secure: true, httpOnly: true }]);
  await withContext(context, (page) => expectRefused(page, 'login', () => true));
});

test('a clinician who is not an administrator gets "not found" from every administrators\' page', async ({ browser }) => {
  await withContext(await browser.newContext(), async (page) => {
    await signInToQueue(page, SEEDED_CLINICIAN.email, SEEDED_CLINICIAN.password);
    await expectRefused(page, 'not found', (p) => p.adminOnly);
    // The guard is not simply "everything refused": the same clinician sees the interview page.
    await page.goto(`/clinician/interviews/${interview.id}`);
    await expect(page.getByText(interview.code).first()).toBeVisible();
  });
});

test('a disabled account, even with a session it signed in before, is sent to sign in from every portal page', async ({ browser }) => {
  const account = { name: 'Dana Disabled', email: `dana.${test.info().testId}@knotwise.test`, password: 'a long enough passphrase' };
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInToQueue(adminPage, SEEDED_ADMIN.email, SEEDED_ADMIN.password);
  await adminPage.goto('/clinician/accounts');
  await adminPage.getByLabel('Full name').fill(account.name);
  await adminPage.getByLabel('Email').fill(account.email);
  await adminPage.getByLabel('First password').fill(account.password);
  await adminPage.getByRole('button', { name: 'Add account' }).click();
  await expect(adminPage.getByRole('status').filter({ hasText: `Account added for ${account.email}` })).toBeVisible();

  const held = await browser.newContext();
  const heldPage = await held.newPage();
  await signInToQueue(heldPage, account.email, account.password);

  await adminPage.locator('tbody tr').filter({ hasText: account.email }).getByRole('button', { name: `Disable ${account.email}` }).click();
  await expect(adminPage.getByRole('status')).toContainText(`${account.email} is disabled`);
  await admin.close();

  try {
    await expectRefused(heldPage, 'login', () => true);
  } finally {
    await held.close();
  }
  // Signing in again does not help.
  await withContext(await browser.newContext(), async (page) => {
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(new RegExp(`${LOGIN}$`));
  });
});
