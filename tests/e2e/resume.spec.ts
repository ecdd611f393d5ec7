import { expect, test } from '@playwright/test';
import { SELF_CARE } from './support/answers';
import { expectQuestion, outcomeCard, startChat, transcript, walk } from './support/chat';

test('a reload, or coming back later in the same browser, continues exactly where the chat was', async ({ page, context }) => {
  await startChat(page);
  await walk(page, SELF_CARE, 'onset');
  const log = await transcript(page);
  expect(log).toHaveLength(8);

  await page.reload();
  await expectQuestion(page, 'onset');
  expect(await transcript(page)).toEqual(log);
  await expect(page.locator('.progress-label')).toHaveText('Question 9 of about 18');

  await page.close();
  const later = await context.newPage();
  await later.goto('/');
  await later.getByRole('link', { name: 'Continue your chat' }).click();
  await expectQuestion(later, 'onset');
  expect(await transcript(later)).toEqual(log);

  const rest = Object.fromEntries(Object.entries(SELF_CARE).filter(([id]) => !log.some((e) => e.questionId === id)));
  await walk(later, rest);
  await expect(outcomeCard(later)).toHaveAttribute('data-disposition', 'self_care');
  await later.reload();
  await expect(outcomeCard(later)).toHaveAttribute('data-disposition', 'self_care');
  await later.goto('/');
  await later.getByText('Finished a chat in this browser in the last 2 hours?').click();
  await later.getByRole('link', { name: 'Show my result' }).click();
  await expect(outcomeCard(later)).toHaveAttribute('data-disposition', 'self_care');
});
