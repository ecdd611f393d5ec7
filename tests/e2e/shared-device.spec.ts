import { expect, test, type Page } from '@playwright/test';
import { SELF_CARE } from './support/answers';
import { expectNoAxeViolations } from './support/axe';
import { outcomeCard, startChat, walk } from './support/chat';

/** On a shared computer or tablet, the next person must not see the last patient's result or answers. */

async function finishChat(page: Page): Promise<string> {
  await startChat(page);
  await walk(page, SELF_CARE);
  await expect(outcomeCard(page)).toHaveAttribute('data-disposition', 'self_care');
  const code = (await page.locator('.reference .code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/);
  return code;
}

async function expectNothingLeft(page: Page, code: string): Promise<void> {
  await expect(page).toHaveURL(/\/\?cleared=1$/);
  await expect(page.getByRole('status')).toContainText('Your chat has been cleared from this browser.');
  expect((await page.context().cookies()).filter((c) => c.name.includes('kw_'))).toEqual([]);
  await expect(page.getByText('Finished a chat in this browser')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start the chat' })).toBeVisible();
  await expectNoAxeViolations(page, 'landing after finishing and clearing');

  // Back, or straight to the chat and the summary: the result and the answers are gone from this browser.
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Start the chat' })).toBeVisible();
  await expect(page.getByText(code)).toHaveCount(0);
  await expect(outcomeCard(page)).toHaveCount(0);
  for (const path of ['/chat', '/chat/summary']) {
    await page.goto(path);
    await expect(page).not.toHaveURL(/\/chat/);
    await expect(page.getByText(code)).toHaveCount(0);
  }
}

test('“Finish and clear this device” on the outcome leaves nothing of the chat in this browser', async ({ page }) => {
  const code = await finishChat(page);
  await page.getByRole('button', { name: 'Finish and clear this device' }).click();
  await expectNothingLeft(page, code);
});

test('“Finish and clear this device” on the summary does the same', async ({ page }) => {
  const code = await finishChat(page);
  await page.getByRole('link', { name: 'Print or save a summary' }).click();
  await expect(page.getByTestId('session-code')).toHaveText(code);
  await page.getByRole('button', { name: 'Finish and clear this device' }).click();
  await expectNothingLeft(page, code);
});

test('the landing page shows the last result only after a deliberate click', async ({ page }) => {
  const code = await finishChat(page);
  await page.goto('/');
  // A newcomer's first click starts their own chat; nothing of the last one shows.
  await expect(page.getByRole('button', { name: 'Start the chat' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Show my result' })).toBeHidden();
  await expect(page.getByText(code)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Your self-massage plan' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'landing with a finished chat in the browser');

  await page.getByText('Finished a chat in this browser in the last 2 hours?').click();
  await page.getByRole('link', { name: 'Show my result' }).click();
  await expect(outcomeCard(page)).toHaveAttribute('data-disposition', 'self_care');
  await expect(page.locator('.reference .code')).toHaveText(code);
});
