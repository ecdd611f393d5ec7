import { expect, test } from '@playwright/test';
import { SELF_CARE } from './support/answers';
import { answer, changeButton, currentForm, expectQuestion, outcomeCard, startChat, walk } from './support/chat';

test.use({ javaScriptEnabled: false });

test.describe('without JavaScript', () => {
  test('a whole interview works with plain form posts', async ({ page }) => {
    const posts: string[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST') posts.push(`${r.status()}`);
    });
    await startChat(page);
    // No client-side navigation happened: each answer is a POST answered by a redirect.
    expect(posts).toEqual(['303']);

    // "None of these" with another answer is refused by the server, and the message is tied to the question.
    await walk(page, SELF_CARE, 'emergency_signs');
    const form = currentForm(page);
    await form.getByRole('checkbox', { name: 'None of these' }).check();
    await form.getByRole('checkbox', { name: /^Chest pain/ }).check();
    await form.getByRole('button', { name: 'Continue' }).click();
    await expectQuestion(page, 'emergency_signs');
    const error = page.locator('#answer-error');
    await expect(error).toContainText('"None of these" cannot be chosen together with another answer.');
    await expect(page.locator('#current fieldset')).toHaveAttribute('aria-describedby', 'answer-error');
    await expect(page).toHaveTitle(/^Error: /);
    // Nothing was kept checked from the refused answer.
    await expect(form.getByRole('checkbox', { checked: true })).toHaveCount(0);

    await walk(page, SELF_CARE, 'pain_trend');
    await changeButton(page, 'onset').click();
    await expectQuestion(page, 'onset');
    const rest = Object.fromEntries(
      Object.entries(SELF_CARE).filter(([id]) =>
        ['onset', 'sensations', 'pain_duration', 'pain_trend', 'pain_severity', 'pregnancy', 'massage_cautions', 'massage_reaction', 'equipment', 'floor_ok'].includes(id),
      ),
    );
    await walk(page, rest);
    await expect(outcomeCard(page)).toHaveAttribute('data-disposition', 'self_care');
    await expect(page.locator('.plan-step').first()).toBeVisible();
    expect(posts.every((status) => status === '303')).toBe(true);
  });

  test('declining consent ends respectfully, with the emergency number and a way to start again', async ({ page }) => {
    await startChat(page);
    await answer(page, 'consent', 'decline');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have stopped here');
    await expect(page).toHaveTitle(/Chat stopped/);
    await expect(page.getByRole('main').locator('a[href^="tel:"]').first()).toBeVisible();
    await page.getByRole('main').getByRole('button', { name: 'Start again' }).click();
    await expectQuestion(page, 'consent');
    await expect(page.locator('[role="log"] li')).toHaveCount(0);
  });
});
