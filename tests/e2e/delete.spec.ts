import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { startChat, walk } from './support/chat';
import { SELF_CARE } from './support/answers';

test('a patient deletes their own answers from the outcome page, and they are gone', async ({ page }) => {
  await startChat(page);
  await walk(page, SELF_CARE);
  await expect(page.getByRole('heading', { level: 1, name: 'Your self-massage plan' })).toBeVisible();
  const code = await page.locator('.reference .code').textContent();
  expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/);

  await page.getByText('Delete my answers', { exact: true }).click();
  await page.getByRole('button', { name: 'Yes, delete my answers' }).click();

  await expect(page).toHaveURL(/\/\?deleted=1$/);
  await expect(page.getByRole('status')).toHaveText('Your answers have been deleted.');
  await expectNoAxeViolations(page, 'landing after deleting');
  expect((await page.context().cookies()).find((c) => c.name.endsWith('kw_interview'))).toBeUndefined();
  // Nothing in this browser opens the old interview any more.
  await page.goto('/chat');
  await expect(page).not.toHaveURL(/\/chat/);
  await expect(page.getByText('Finished a chat in this browser')).toHaveCount(0);
});
