import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Answers } from '../../lib/protocol/types';
import { SELF_CARE } from './support/answers';
import { expectNoAxeViolations } from './support/axe';
import { SEEDED_ADMIN, SEEDED_CLINICIAN } from './support/clinician-accounts';
import {
  interviewThroughApi,
  patientTranscript,
  RETRY_RESET,
  reviseThroughApi,
  signIn,
  signInToQueue,
  signOut,
  type PatientInterview,
} from './support/clinician';

/*
 * The clinician portal, end to end, against the production build. The accounts come from the real
 * `npm run clinician:add` (tests/e2e/support/clinician-seed.ts, run by serve.mjs before the server starts).
 *
 * The tests share one database and run in order. Failed sign-ins lock an email after 5 in 15 minutes, so the
 * throttling test comes last; the browser's address only slows down after 20, which these tests never reach.
 */
test.describe.configure({ mode: 'serial' });

const INVALID = /The email or password is not right/;

/** From self-care to "see a doctor within 24 hours": the patient goes back and says the pain is severe. */
const SEVERE_AFTER_CHANGE: Answers = { ...SELF_CARE, pain_severity: 'severe' };
delete SEVERE_AFTER_CHANGE.equipment;
delete SEVERE_AFTER_CHANGE.floor_ok;

async function loginAlert(page: Page): Promise<string> {
  const alert = page.locator('#login-error');
  await expect(alert).not.toBeEmpty();
  return (await alert.textContent()) ?? '';
}

test('sign-in: labelled fields, errors tied to them, one message for an unknown email and a wrong password', async ({ page }) => {
  // Every portal page checks the session itself: signed out, the queue sends you to sign in.
  await page.goto('/clinician');
  await expect(page).toHaveURL(/\/clinician\/login$/);
  await expect(page).toHaveTitle(/Sign in/);
  await expectNoAxeViolations(page, 'sign-in');

  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter your email address.');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password.');
  await expectNoAxeViolations(page, 'sign-in with field errors');

  await signIn(page, 'nobody.here@knotwise.test', 'a wrong passphrase');
  const unknownEmail = await loginAlert(page);
  expect(unknownEmail).toMatch(INVALID);
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(unknownEmail);

  await signIn(page, SEEDED_CLINICIAN.email, 'not the right passphrase');
  expect(await loginAlert(page)).toBe(unknownEmail);
  // The email stays filled in, so only the password needs typing again.
  await expect(page.getByLabel('Email')).toHaveValue(SEEDED_CLINICIAN.email);
  await expectNoAxeViolations(page, 'sign-in refused');
});

test('a clinician finds an interview by its code, reads the trace, reviews and exports it, and signs out', async ({
  page,
  request,
}) => {
  const first = await interviewThroughApi(request, SELF_CARE);
  expect(first.turn.outcome?.disposition).toBe('self_care');
  const patient: PatientInterview = await reviseThroughApi(request, first, 'pain_severity', SEVERE_AFTER_CHANGE);
  expect(patient.turn.outcome?.disposition).toBe('consultation_24');
  // Another interview, so that finding the first by its code means something.
  const other = await interviewThroughApi(request, SELF_CARE);

  await signInToQueue(page, SEEDED_CLINICIAN.email, SEEDED_CLINICIAN.password);
  await expect(page).toHaveTitle(/Interview queue/);
  await expect(page.getByRole('link', { name: 'Accounts' })).toHaveCount(0);
  await expect(page.getByTestId('count-consultation_24')).not.toHaveText('0');
  await page.getByText('Show the numbers as a table').click();
  await expectNoAxeViolations(page, 'queue');

  // Cursor pages, one interview per page: the next page moves on, and "First page" comes back.
  const queueRows = page.locator('table').filter({ hasText: 'Most urgent first' }).locator('tbody tr');
  await page.goto('/clinician?limit=1');
  await expect(queueRows).toHaveCount(1);
  const firstCode = await queueRows.first().locator('th').textContent();
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(queueRows).toHaveCount(1);
  expect(await queueRows.first().locator('th').textContent()).not.toBe(firstCode);
  await page.getByRole('link', { name: 'First page' }).click();
  await expect(queueRows.first().locator('th')).toHaveText(firstCode!);
  await page.goto('/clinician');

  // The code as a person might type it from the phone: lower case, no dashes.
  await page.getByLabel('Patient code').fill(patient.code.replace(/-/g, '').toLowerCase());
  await page.getByRole('button', { name: 'Show interviews' }).click();
  await expect(queueRows).toHaveCount(1);
  await expect(queueRows.first()).toContainText(patient.code);
  await expect(queueRows.first()).toContainText('Doctor within 24 h');
  await expect(queueRows.first()).toContainText('Not reviewed');
  await expect(page.getByText(other.code)).toHaveCount(0);
  await expectNoAxeViolations(page, 'queue filtered by code');

  await queueRows.first().getByRole('link', { name: patient.code }).click();
  await expect(page).toHaveURL(new RegExp(`/clinician/interviews/${patient.id}$`));
  await expect(page).toHaveTitle(new RegExp(`Interview ${patient.code}`));

  // The trace: the words the patient saw, the changed answer struck through, the rule with its condition and sources.
  const transcript = await patientTranscript(request, patient);
  const severity = transcript.filter((e) => e.role === 'patient' && e.questionId === 'pain_severity');
  const changed = severity.find((e) => e.supersededAt);
  const standing = severity.find((e) => !e.supersededAt);
  expect(changed && standing, 'the API keeps both answers to pain_severity').toBeTruthy();
  const severityItem = page.locator('li[data-question="pain_severity"]').first();
  await expect(severityItem.locator('del')).toHaveText(changed!.text);
  await expect(severityItem).toContainText(standing!.text);
  await expect(severityItem).toContainText('changed');
  const prompt = transcript.find((e) => e.role === 'assistant' && e.questionId === 'pain_severity')!.text;
  await expect(severityItem).toContainText(prompt);

  const rule = page.locator('[data-rule="R18_severe_pain"]');
  await expect(rule).toContainText('pain_severity is severe');
  await expect(rule).toContainText('Severe pain needs a doctor');
  await expect(rule.locator('.cp-sources li')).not.toHaveCount(0);
  await expect(page.locator('.cp-facts').getByText('bp-2', { exact: true })).toBeVisible();
  await expect(page.getByText('the patient was told not to start self-massage')).toBeVisible();
  await expectNoAxeViolations(page, 'interview');

  // A review with no verdict is refused, and the message belongs to the group of choices.
  await page.getByRole('button', { name: 'Save review' }).click();
  const verdicts = page.getByRole('group', { name: 'Was the outcome right?' });
  await expect(verdicts).toHaveAccessibleDescription(/Choose whether you agree/);
  await expectNoAxeViolations(page, 'interview with a refused review');
  await page.getByRole('radio', { name: /Over-triaged/ }).check();
  await page.getByLabel(/Note/).fill('Severe pain with no red flags: same-day advice line would have done.');
  await page.getByRole('button', { name: 'Save review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Review saved' })).toBeVisible();
  const reviews = page.locator('.cp-reviews');
  await expect(reviews).toContainText('Over-triaged');
  await expect(reviews).toContainText(SEEDED_CLINICIAN.name);
  await expect(reviews).toContainText('same-day advice line');

  // Exports: JSON and FHIR for this interview, CSV for the queue; all with this browser's session cookie.
  const jsonHref = await page.getByRole('link', { name: 'Export JSON' }).getAttribute('href');
  const json = await page.request.get(jsonHref!, RETRY_RESET);
  expect(json.status()).toBe(200);
  expect(json.headers()['content-type']).toContain('application/json');
  expect((await json.json()).session.code).toBe(patient.code);
  const fhirHref = await page.getByRole('link', { name: 'Export FHIR' }).getAttribute('href');
  const fhir = await page.request.get(fhirHref!, RETRY_RESET);
  expect(fhir.status()).toBe(200);
  expect(fhir.headers()['content-type']).toContain('application/fhir+json');
  expect((await fhir.json()).resourceType).toBe('Bundle');
  // Without the session the same link is refused.
  expect((await request.get(fhirHref!, RETRY_RESET)).status()).toBe(401);

  await page.getByRole('link', { name: 'Print view' }).click();
  await expect(page).toHaveTitle(new RegExp(`Print: interview ${patient.code}`));
  await expect(page.locator('li[data-question="pain_severity"] del').first()).toHaveText(changed!.text);
  await expectNoAxeViolations(page, 'print view');
  await page.getByRole('link', { name: 'Back to the interview' }).click();

  await page.getByRole('link', { name: 'Back to the queue' }).click();
  await page.getByLabel('Patient code').fill(patient.code);
  await page.getByRole('button', { name: 'Show interviews' }).click();
  const reviewedRow = page.locator('tbody tr').filter({ hasText: patient.code });
  await expect(reviewedRow).toContainText('Reviewed');
  await expect(reviewedRow).toContainText('Over-triaged');

  // The review filter, both ways, and the CSV of what the filter shows.
  await page.getByLabel('Patient code').fill('');
  await page.getByLabel('Review', { exact: true }).selectOption('no');
  await page.getByRole('button', { name: 'Show interviews' }).click();
  await expect(page.getByRole('link', { name: other.code })).toBeVisible();
  await expect(page.getByRole('link', { name: patient.code })).toHaveCount(0);
  const csvHref = await page.getByRole('link', { name: /Download CSV/ }).getAttribute('href');
  const csv = await page.request.get(csvHref!, RETRY_RESET);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const csvText = await csv.text();
  expect(csvText).toContain(other.code);
  expect(csvText).not.toContain(patient.code);
  await page.getByLabel('Review', { exact: true }).selectOption('yes');
  await page.getByRole('button', { name: 'Show interviews' }).click();
  await expect(page.getByRole('link', { name: patient.code })).toBeVisible();
  await expect(page.getByRole('link', { name: other.code })).toHaveCount(0);

  await page.getByRole('link', { name: 'Protocol report' }).click();
  await expect(page).toHaveTitle(/Protocol report/);
  const r18 = page.locator('tr[data-rule="R18_severe_pain"] td.cp-num');
  // Fired, reviewed, agree, over, under, disagreements.
  await expect(r18.nth(0)).not.toHaveText('0');
  await expect(r18.nth(3)).not.toHaveText('0');
  await expect(r18.nth(5)).not.toHaveText('0');
  await expectNoAxeViolations(page, 'protocol report');

  // Administrators' pages do not exist for a clinician.
  const accounts = await page.goto('/clinician/accounts');
  expect(accounts?.status()).toBe(404);

  await page.goto('/clinician');
  await signOut(page);
  await page.goto(`/clinician/interviews/${patient.id}`);
  await expect(page).toHaveURL(/\/clinician\/login$/);
  expect((await page.request.get(jsonHref!, RETRY_RESET)).status()).toBe(401);
});

test('an administrator adds and disables an account, and the disabled account can no longer sign in', async ({ page }) => {
  const newcomer = { name: 'Noor Newcomer', email: `noor.${Date.now()}@knotwise.test`, password: 'a long enough passphrase' };

  await signInToQueue(page, SEEDED_ADMIN.email, SEEDED_ADMIN.password);
  await page.getByRole('link', { name: 'Accounts' }).click();
  await expect(page).toHaveTitle(/Accounts/);
  await expectNoAxeViolations(page, 'accounts');

  await page.getByLabel('Full name').fill(newcomer.name);
  await page.getByLabel('Email').fill('not an email');
  await page.getByLabel('First password').fill('short');
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/must be an email address/);
  await expect(page.getByLabel('First password')).toHaveAccessibleDescription(/password must be at least 12 characters/);
  await expectNoAxeViolations(page, 'accounts with refused form');

  // Long enough but guessable: the email itself.
  await page.getByLabel('Email').fill(newcomer.email);
  await page.getByLabel('First password').fill(newcomer.email);
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByLabel('First password')).toHaveAccessibleDescription(/password is too easy to guess: .+ unrelated words/);
  await expect(page.getByLabel('Email')).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('First password').fill(newcomer.password);
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Account added for ${newcomer.email}` })).toBeVisible();
  const row = page.locator('tbody tr').filter({ hasText: newcomer.email });
  await expect(row).toContainText('Active');

  // The new account works…
  await signOut(page);
  await signInToQueue(page, newcomer.email, newcomer.password);
  await signOut(page);

  // …until an administrator disables it.
  await signInToQueue(page, SEEDED_ADMIN.email, SEEDED_ADMIN.password);
  await page.goto('/clinician/accounts');
  await row.getByRole('button', { name: `Disable ${newcomer.email}` }).click();
  await expect(page.getByRole('status')).toContainText(`${newcomer.email} is disabled`);
  await expect(row).toContainText('Disabled');
  await expect(row.getByRole('button', { name: `Enable ${newcomer.email}` })).toBeVisible();
  await expectNoAxeViolations(page, 'accounts after disabling');

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveTitle(/Audit log/);
  await page.getByLabel('Event', { exact: true }).selectOption('account.disabled');
  await page.getByRole('button', { name: 'Show events' }).click();
  const events = page.locator('tbody tr');
  await expect(events.first()).toContainText('account.disabled');
  await expect(events.first()).toContainText(SEEDED_ADMIN.email);
  await expect(events.first()).toContainText(newcomer.email);
  await expectNoAxeViolations(page, 'audit log');

  await signOut(page);
  await signIn(page, newcomer.email, newcomer.password);
  expect(await loginAlert(page)).toMatch(INVALID);
  await expect(page).toHaveURL(/\/clinician\/login$/);
});

/** Interview views in the audit log by one clinician, newest first, read with an administrator's API token. */
async function viewsBy(request: APIRequestContext, email: string): Promise<{ targetId: string }[]> {
  const login = await request.post('/api/v1/clinician/login', { ...RETRY_RESET, data: { email: SEEDED_ADMIN.email, password: SEEDED_ADMIN.password } });
  expect(login.status()).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const res = await request.get(`/api/v1/clinician/audit?action=interview.viewed&actor=${encodeURIComponent(email)}&limit=200`, {
    ...RETRY_RESET,
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: { targetId: string }[] }).items;
}

test('the audit log records the interviews a clinician opens, not the ones the browser prefetched or another site linked to', async ({
  page,
  request,
}) => {
  const opened = await interviewThroughApi(request, SELF_CARE);
  for (let i = 0; i < 3; i++) await interviewThroughApi(request, SELF_CARE);
  const before = await viewsBy(request, SEEDED_CLINICIAN.email);

  // Every request the browser makes for an interview page, prefetches included, from the moment the queue loads
  // (links are prefetched as they come into view, and again on hover).
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (/\/clinician\/interviews\//.test(new URL(r.url()).pathname)) fetched.push(r.url());
  });
  await signInToQueue(page, SEEDED_CLINICIAN.email, SEEDED_CLINICIAN.password);
  const links = page.locator('tbody tr th a');
  expect(await links.count()).toBeGreaterThanOrEqual(4);
  for (const link of await links.all()) await link.hover();
  await page.mouse.move(0, 0);
  await page.waitForLoadState('networkidle');
  expect(fetched, 'interview pages fetched by hovering the queue').toEqual([]);
  expect(await viewsBy(request, SEEDED_CLINICIAN.email)).toHaveLength(before.length);

  // A prefetch that does reach the page (a browser's prerender, a link someone forgets to mark) gets none of the record.
  for (const headers of [{ RSC: '1', 'Next-Router-Prefetch': '1' }, { 'Sec-Purpose': 'prefetch;prerender' }] as Record<string, string>[]) {
    const prefetched = await page.request.get(`/clinician/interviews/${opened.id}`, { ...RETRY_RESET, headers });
    expect(prefetched.status()).toBe(200);
    expect(await prefetched.text()).not.toContain(opened.code);
  }
  expect(await viewsBy(request, SEEDED_CLINICIAN.email)).toHaveLength(before.length);

  // Opening one is one view.
  await page.getByRole('link', { name: opened.code }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Interview ${opened.code}` })).toBeVisible();
  await expect(page.locator('li[data-question="pain_severity"]').first()).toBeVisible();
  const after = await viewsBy(request, SEEDED_CLINICIAN.email);
  expect(after.slice(0, after.length - before.length).map((v) => v.targetId)).toEqual([opened.id]);

  // Another site links to the interview and to its export: the browser brings the session cookie along.
  await page.route('http://elsewhere.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Elsewhere</title><a href="${new URL(`/clinician/interviews/${opened.id}`, page.url())}">Read this</a>
        <a href="${new URL(`/api/v1/clinician/interviews/${opened.id}/export.json`, page.url())}">Export this</a>`,
    }),
  );
  await page.goto('http://elsewhere.test/');
  await page.getByRole('link', { name: 'Read this' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Open this interview from the portal' })).toBeVisible();
  await expect(page.getByText(opened.code)).toHaveCount(0);
  await expectNoAxeViolations(page, 'interview opened from another site');
  await page.goto('http://elsewhere.test/');
  await page.getByRole('link', { name: 'Export this' }).click();
  await expect(page.locator('body')).toContainText('opened from another site');
  await expect(page.locator('body')).not.toContainText(opened.code);
  expect(await viewsBy(request, SEEDED_CLINICIAN.email)).toHaveLength(after.length);

  // Choosing to open it from the explanation is a view of one's own.
  await page.goto('http://elsewhere.test/');
  await page.getByRole('link', { name: 'Read this' }).click();
  await page.getByRole('link', { name: 'Open the interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Interview ${opened.code}` })).toBeVisible();
  expect(await viewsBy(request, SEEDED_CLINICIAN.email)).toHaveLength(after.length + 1);
  await signOut(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('signing in, reviewing and signing out work with plain form posts', async ({ page, request }) => {
    const patient = await interviewThroughApi(request, SELF_CARE);

    await page.goto('/clinician/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter your email address.');
    await signInToQueue(page, SEEDED_CLINICIAN.email, SEEDED_CLINICIAN.password);

    await page.goto(`/clinician/interviews/${patient.id}`);
    await page.getByRole('button', { name: 'Save review' }).click();
    await expect(page.getByRole('group', { name: 'Was the outcome right?' })).toHaveAccessibleDescription(/Choose whether you agree/);
    await page.getByRole('radio', { name: /Agree/ }).check();
    await page.getByRole('button', { name: 'Save review' }).click();
    await expect(page.locator('.cp-reviews')).toContainText('Agree with the outcome');

    await signOut(page);
  });
});

// Last on purpose: it leaves an account locked for 15 minutes.
test('repeated failed sign-ins lock that email with their own message, and colleagues at the same address still sign in', async ({ page }) => {
  const seen: string[] = [];
  for (let attempt = 0; attempt < 6; attempt += 1) {
    await signIn(page, 'guessing.game@knotwise.test', `wrong passphrase ${attempt}`);
    const message = await loginAlert(page);
    seen.push(message);
    if (/Too many failed sign-ins/.test(message)) break;
  }
  expect(seen.at(-1)).toMatch(/Too many failed sign-ins for this email\. Wait \d+ minutes? and try again/);
  expect(seen.slice(0, -1).every((m) => INVALID.test(m))).toBe(true);
  await expectNoAxeViolations(page, 'sign-in throttled');
  // The lock is on that email, not on the address everyone here shares.
  await signInToQueue(page, SEEDED_CLINICIAN.email, SEEDED_CLINICIAN.password);
});
