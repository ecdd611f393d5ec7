import { expect, test, type Page } from '@playwright/test';
import type { Answers } from '../../lib/protocol/types';
import { CAUDA_EQUINA, CHEST_PAIN, ROUTINE_REFERRAL, SELF_CARE, SEVERE_PAIN } from './support/answers';
import { answer, currentForm, expectQuestion, outcomeCard, startChat, walk } from './support/chat';
import { expectNoAxeViolations } from './support/axe';

/** Every control on screen is a comfortable target (WCAG 2.5.8 asks 24 px; we aim for 44). */
async function expectLargeTargets(page: Page) {
  const small = await page
    .locator('main button, main a, main summary, main input:not([type="hidden"])')
    .evaluateAll((els) =>
      els
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => {
          // A checkbox's target is its whole row: the label is part of it.
          const box = (el.matches('input[type="checkbox"]') ? el.closest('.checkbox')! : el).getBoundingClientRect();
          return { text: (el.textContent || el.getAttribute('name') || el.outerHTML).slice(0, 40), h: box.height, w: box.width };
        })
        .filter((b) => b.h < 44 || b.w < 44),
    );
  expect(small).toEqual([]);
}

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
  test('landing page, also after an expired chat', async ({ page }) => {
    await page.goto('/');
    await expectNoAxeViolations(page, 'landing');
    await page.goto('/?expired=1');
    await expectNoAxeViolations(page, 'landing with notice');
  });

  test('every question kind, with and without a refused answer', async ({ page }) => {
    await startChat(page);
    await expectNoAxeViolations(page, 'consent question');
    await expectLargeTargets(page);
    await answer(page, 'consent', 'agree');

    await expectQuestion(page, 'age_years');
    await expect(page.locator('#answer-number')).toBeFocused();
    await page.locator('details.why summary').click();
    await expect(page.locator('details.why p')).toBeVisible();
    await expectNoAxeViolations(page, 'number question');
    // The browser stops an out-of-range age first…
    await page.locator('#answer-number').fill('130');
    await currentForm(page).getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('#answer-number').evaluate((el: HTMLInputElement) => el.validity.rangeOverflow)).toBe(true);
    await expect(page.locator('main')).toHaveAttribute('data-turn', 'asking:1');
    // …and the server refuses it even when the browser's check is skipped.
    await currentForm(page).evaluate((f: HTMLFormElement) => (f.noValidate = true));
    await currentForm(page).getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#answer-error')).toHaveText(/Enter a number from 0 to 120\./);
    await expect(page.locator('#answer-number')).toHaveAttribute('aria-describedby', 'answer-hint answer-error');
    await expect(page.locator('#answer-number')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#answer-number')).toBeFocused();
    await expectNoAxeViolations(page, 'number question with error');
    await answer(page, 'age_years', 40);

    await expectQuestion(page, 'pain_region');
    await expect(page.locator('#current [data-focus-target]')).toBeFocused();
    await expectNoAxeViolations(page, 'multiple-choice question');
    await expectLargeTargets(page);
    await expect(currentForm(page).getByRole('checkbox', { checked: true })).toHaveCount(0);
    await currentForm(page).getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#answer-error')).toHaveText(/Choose at least one answer\./);
    await expectNoAxeViolations(page, 'multiple-choice question with error');

    await walk(page, SELF_CARE, 'blood_thinners');
    await expectNoAxeViolations(page, 'single-choice question');
    await expectLargeTargets(page);
  });

  const outcomes: [string, Answers][] = [
    ['emergency_ambulance', CHEST_PAIN],
    ['emergency', CAUDA_EQUINA],
    ['consultation_24', SEVERE_PAIN],
    ['consultation', ROUTINE_REFERRAL],
    ['self_care', SELF_CARE],
  ];
  for (const [disposition, answers] of outcomes) {
    test(`outcome ${disposition}, and its summary`, async ({ page }) => {
      await startChat(page);
      await walk(page, answers);
      await expect(outcomeCard(page)).toHaveAttribute('data-disposition', disposition);
      await expect(page.locator('#outcome-title')).toBeFocused();
      await expectNoAxeViolations(page, `${disposition} outcome`);
      await expectLargeTargets(page);
      await page.goto('/chat/summary');
      await expectNoAxeViolations(page, `${disposition} summary`);
    });
  }

  test('declined consent', async ({ page }) => {
    await startChat(page);
    await answer(page, 'consent', 'decline');
    await expect(page.locator('#outcome-title')).toBeFocused();
    await expectNoAxeViolations(page, 'declined');
  });

  test('the chat works from the keyboard alone', async ({ page }) => {
    await page.goto('/');
    // Skip link first, then the header, then the start button.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    const start = page.getByRole('button', { name: 'Start the chat' });
    for (let i = 0; i < 10 && !(await start.evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(start).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(currentForm(page)).toHaveAttribute('data-question-id', 'consent');
    await expect(page.getByRole('button', { name: 'Yes, I understand. Start.' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#answer-number')).toBeFocused();
    await page.keyboard.type('40');
    await page.keyboard.press('Enter');
    await expect(currentForm(page)).toHaveAttribute('data-question-id', 'pain_region');
    // Focus lands on the first checkbox; Space ticks it, Tab reaches Continue.
    await expect(page.getByRole('checkbox', { name: 'Neck' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: 'Neck' })).toBeChecked();
    for (let i = 0; i < 10 && !(await page.getByRole('button', { name: 'Continue' }).evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(currentForm(page)).toHaveAttribute('data-question-id', 'emergency_signs');
    // The question just answered joined the polite live log.
    const log = page.getByRole('log');
    await expect(log).toContainText('Neck');
  });

  test('on a phone, nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await startChat(page);
    await walk(page, SELF_CARE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
