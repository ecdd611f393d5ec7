import { expect, test, type Page } from '@playwright/test';
import type { Answers } from '../../lib/protocol/types';
import { SELF_CARE } from './support/answers';
import { expectNoAxeViolations } from './support/axe';
import { SEEDED_CLINICIAN } from './support/clinician-accounts';
import { interviewThroughApi, signInToQueue } from './support/clinician';

/*
 * The "Protocol versions" page against the production build: the versions, what bp-2 changed and why, and its impact
 * on interviews stored under bp-1 through the patient API. Other specs share the database, so the impact is checked
 * as the difference the new interviews make.
 */
test.describe.configure({ mode: 'serial' });

const ANTIPLATELET_SUDDEN: Answers = { ...SELF_CARE, blood_thinners: 'antiplatelet', onset: 'sudden_severe', pain_severity: 'mild' };
const CANCER_BURNING: Answers = { ...SELF_CARE, medical_history: ['cancer'], sensations: ['burning'] };
const TWO_REGIONS_FOAM_ROLLER: Answers = { ...SELF_CARE, pain_region: ['neck', 'lower_back'], equipment: ['foam_roller'] };

const CHANGES = ['same', 'escalated', 'de-escalated', 'gate_changed', 'plan_changed', 'cannot_tell'] as const;

async function openVersions(page: Page) {
  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Protocol versions' }).click();
  await expect(page).toHaveURL(/\/clinician\/versions$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Protocol versions' })).toBeVisible();
  await expect(page.getByTestId('impact')).toBeVisible();
}

async function changeCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const change of CHANGES) {
    const cell = page.locator(`tr[data-change="${change}"] td`);
    counts[change] = Number((await cell.textContent())!.replace(/,/g, ''));
  }
  return counts;
}

test('the versions page shows what bp-2 changed and its impact on interviews stored under bp-1', async ({ page, request }, testInfo) => {
  await signInToQueue(page, SEEDED_CLINICIAN.email, SEEDED_CLINICIAN.password);
  await openVersions(page);
  const before = await changeCounts(page);

  const cancer = await interviewThroughApi(request, CANCER_BURNING, { protocolVersion: 'bp-1' });
  const antiplatelet = await interviewThroughApi(request, ANTIPLATELET_SUDDEN, { protocolVersion: 'bp-1' });
  const twoRegions = await interviewThroughApi(request, TWO_REGIONS_FOAM_ROLLER, { protocolVersion: 'bp-1' });
  const plain = await interviewThroughApi(request, SELF_CARE, { protocolVersion: 'bp-1' });
  expect([cancer, antiplatelet, twoRegions, plain].map((i) => i.turn.outcome?.disposition)).toEqual([
    'consultation_24',
    'self_care',
    'self_care',
    'self_care',
  ]);
  // Stored under bp-2: not part of this comparison.
  await interviewThroughApi(request, ANTIPLATELET_SUDDEN);

  await page.reload();
  await expect(page.getByTestId('impact')).toBeVisible();
  await expect(page).toHaveTitle(/Protocol versions/);

  const versions = page.getByRole('table', { name: /Protocol versions this build supports/ });
  await expect(versions.locator('tr[data-version="bp-2"]')).toContainText('Active: new interviews use it');
  await expect(versions.locator('tr[data-version="bp-2"]')).toContainText('bp-1');
  await expect(versions.locator('tr[data-version="bp-1"]')).toContainText('For the interviews started under it');

  // The form defaults to the version before the newest against the newest.
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('bp-1');
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('bp-2');

  // The recorded changes, each with its reason, and the rules compared in words.
  await expect(page.getByRole('heading', { level: 2, name: 'What changed from bp-1 to bp-2' })).toBeVisible();
  await expect(page.getByText('New rule R31_sudden_severe_onset (consultation_24): onset is sudden_severe.')).toBeVisible();
  await expect(page.getByText(/^Why: In bp-1 a sudden severe onset fired no rule on its own/)).toBeVisible();
  const rules = page.getByRole('table', { name: /Rules added, removed or changed/ });
  await expect(rules.locator('tr[data-rule="R31_sudden_severe_onset"]')).toContainText('Added');
  await expect(rules.locator('tr[data-rule="R31_sudden_severe_onset"] td').nth(1)).toContainText('When onset is sudden_severe');
  await expect(rules.locator('tr[data-rule="R10_cancer_with_neuro"]')).toContainText('Changed');
  await expect(rules.locator('tr[data-rule="R10_cancer_with_neuro"] td').nth(0)).not.toContainText('burning');
  await expect(rules.locator('tr[data-rule="R10_cancer_with_neuro"] td').nth(1)).toContainText('burning');

  // The four new bp-1 interviews: two escalated, one with other plan steps, one unchanged.
  const after = await changeCounts(page);
  expect(Object.fromEntries(CHANGES.map((c) => [c, after[c]! - before[c]!]))).toEqual({
    same: 1,
    escalated: 2,
    'de-escalated': 0,
    gate_changed: 0,
    plan_changed: 1,
    cannot_tell: 0,
  });

  // Escalations first, most serious (the new emergency) first, each a link to the interview.
  const escalated = page.locator('table[data-list="escalated"] tbody tr');
  const codes = await escalated.locator('th').allTextContents();
  expect(codes.indexOf(cancer.code)).toBeGreaterThanOrEqual(0);
  expect(codes.indexOf(cancer.code)).toBeLessThan(codes.indexOf(antiplatelet.code));
  await expect(escalated.filter({ hasText: antiplatelet.code })).toContainText('Self-care plan → Doctor within 24 h');
  await expect(page.locator('table[data-list="plan_changed"]')).toContainText(twoRegions.code);
  await expect(page.locator('table[data-list]').first()).toHaveAttribute('data-list', 'escalated');

  await expectNoAxeViolations(page, 'protocol versions');
  await page.screenshot({ path: testInfo.outputPath('versions-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page, 'protocol versions, phone width');
  await page.screenshot({ path: testInfo.outputPath('versions-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await escalated.getByRole('link', { name: cancer.code }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Interview ${cancer.code}` })).toBeVisible();
});

test('comparing a version with itself is refused with a message tied to the form', async ({ page }) => {
  // Signed out, the page sends you to sign in, as every portal page does.
  await page.goto('/clinician/versions?from=bp-1&to=bp-2');
  await expect(page).toHaveURL(/\/clinician\/login$/);
  await signInToQueue(page, SEEDED_CLINICIAN.email, SEEDED_CLINICIAN.password);
  await openVersions(page);
  await page.getByLabel('From', { exact: true }).selectOption('bp-2');
  await page.getByRole('button', { name: 'Compare' }).click();
  // Next's route announcer is an alert too: this is the form's.
  const alert = page.getByRole('alert').filter({ hasText: 'compare' });
  await expect(alert).toHaveText('From and To are both bp-2: compare two different versions.');
  await expect(page.getByLabel('From', { exact: true })).toHaveAccessibleDescription('From and To are both bp-2: compare two different versions.');
  await expect(page.getByTestId('impact')).toHaveCount(0);
  await expectNoAxeViolations(page, 'protocol versions, refused comparison');

  // Going back to bp-1 from bp-2: the interviews stored under bp-2 are replayed under bp-1.
  await page.goto('/clinician/versions?from=bp-2&to=bp-1');
  await expect(page.getByText('bp-1 is the older version: going back to it undoes these changes.')).toBeVisible();
  await expect(page.getByTestId('impact')).toBeVisible();
  await expect(page.locator('tr[data-rule="R31_sudden_severe_onset"]').first()).toContainText('Removed');
});
