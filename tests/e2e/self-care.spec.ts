import { expect, test } from '@playwright/test';
import { SELF_CARE, SELF_CARE_NO_TOOLS } from './support/answers';
import { outcomeCard, PROTOCOL, startChat, transcript, walk } from './support/chat';

const STOP_RULES = PROTOCOL.content.plan.stopRules.map((l) => l.text);
const KEEP_ACTIVE = PROTOCOL.content.plan.keepActive;
const SAFETY_NET = PROTOCOL.content.safetyNet.map((l) => l.text);

test.describe('self-care path', () => {
  test('a full interview ends with a step-by-step plan, its limits and the safety net', async ({ page }) => {
    await startChat(page);
    await expect(page.locator('.progress-label')).toHaveText('Question 1 of about 18');
    const asked = await walk(page, SELF_CARE);
    expect(asked.at(-1)).toBe('floor_ok');

    const card = outcomeCard(page);
    await expect(card).toHaveAttribute('data-disposition', 'self_care');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your self-massage plan');
    await expect(page).toHaveTitle(/Your self-massage plan/);
    await expect(card.locator('[data-rule="R30_no_flags"]')).toBeVisible();

    await expect(card.getByText('How often')).toBeVisible();
    await expect(card.getByText(/About \d+ minutes/)).toBeVisible();
    const steps = card.locator('.plan-step');
    const count = await steps.count();
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(5);
    for (let i = 0; i < count; i++) {
      const step = steps.nth(i);
      await expect(step.getByRole('heading')).toContainText(`Step ${i + 1}`);
      for (const fact of ['Where', 'Tool', 'Position', 'Hold', 'Rounds', 'Pressure']) {
        await expect(step.locator('dt', { hasText: fact })).toBeVisible();
      }
      await expect(step.locator('dd', { hasText: /^No more than [0-5] out of 10$/ })).toBeVisible();
      await expect(step.locator('dd', { hasText: /^\d+ seconds/ })).toBeVisible();
      await expect(step.getByText(/^Source: .+/)).toBeVisible();
      // Only the tool the patient has (a massage ball), and a foam roller never.
      await expect(step.locator('dd', { hasText: 'A massage ball' })).toBeVisible();
    }
    for (const rule of STOP_RULES) await expect(card.getByText(rule)).toBeVisible();
    for (const line of KEEP_ACTIVE) await expect(card.getByText(line)).toBeVisible();
    for (const line of SAFETY_NET) await expect(card.getByText(line)).toBeVisible();

    // The whole conversation stays on screen, every answer changeable.
    const log = await transcript(page);
    expect(log.map((e) => e.questionId)).toEqual(asked);
    await expect(page.getByRole('button', { name: 'Change this answer' })).toHaveCount(asked.length);
  });

  test('with no tools, the plan uses a tennis ball, says so, and stays gentle and off the floor', async ({ page }) => {
    await startChat(page);
    await walk(page, SELF_CARE_NO_TOOLS);
    const card = outcomeCard(page);
    await expect(card).toHaveAttribute('data-disposition', 'self_care');
    await expect(card.locator('.tool-note')).toContainText('tennis ball');
    await expect(card.locator('[data-rule="G1_older_adult"]')).toBeVisible();
    const steps = card.locator('.plan-step');
    // A plan with no steps would pass the loop below unchecked: wait for the steps, then check every one.
    await expect(steps.first()).toBeVisible();
    const count = await steps.count();
    expect(count).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < count; i++) {
      await expect(steps.nth(i).locator('dd', { hasText: /^No more than [0-3] out of 10$/ })).toBeVisible();
      await expect(steps.nth(i).locator('dd', { hasText: 'Lying on the floor' })).toHaveCount(0);
    }
  });

  test('the printable summary carries the reference code, outcome and answers', async ({ page }) => {
    await startChat(page);
    await walk(page, SELF_CARE);
    const code = (await page.locator('.reference .code').textContent())?.trim();
    expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    await page.getByRole('link', { name: 'Print or save a summary' }).click();
    await expect(page).toHaveURL(/\/chat\/summary$/);
    await expect(page).toHaveTitle(/Your summary/);
    await expect(page.getByTestId('session-code')).toHaveText(code!);
    await expect(page.getByRole('heading', { level: 2, name: 'Your self-massage plan' })).toBeVisible();
    await expect(page.locator('.answer-list dd', { hasText: 'Lower back' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.getByTestId('session-code')).toBeVisible();
  });
});
