import { expect, test } from '@playwright/test';
import { SELF_CARE } from './support/answers';
import { answer, currentForm, expectQuestion, fillAnswer, startChat, transcript, walk } from './support/chat';

test.describe('double submits and second tabs', () => {
  test('a second tab answering an old question is shown the current one, not an error page', async ({ page, context }) => {
    await startChat(page);
    await walk(page, SELF_CARE, 'age_years');
    const other = await context.newPage();
    await other.goto('/chat');
    await expectQuestion(other, 'age_years');

    await answer(page, 'age_years', 40);
    // The other tab still shows the age question; its answer is for a step that has gone.
    const send = await fillAnswer(other, 'age_years', 41);
    await send.click();
    await expect(other.getByRole('status')).toContainText('It may have been answered in another tab');
    await expectQuestion(other, 'pain_region');
    await expect(other.locator('#answer-error')).toHaveCount(0);
    expect((await transcript(other)).find((e) => e.questionId === 'age_years')?.answer).toBe('40');
  });

  test('the same answer sent twice is stored once', async ({ page, context }) => {
    await startChat(page);
    const other = await context.newPage();
    await other.goto('/chat');
    await answer(page, 'consent', 'agree');
    // A retry of the very same answer at the same step is not an error: it just shows where the chat is.
    await (await fillAnswer(other, 'consent', 'agree')).click();
    await expect(other.locator('main')).toHaveAttribute('data-turn', 'asking:1');
    await expect(other.getByRole('status')).toHaveCount(0);
    expect((await transcript(other)).map((e) => e.questionId)).toEqual(['consent']);
  });

  test('a double click on a quick reply answers once', async ({ page }) => {
    await startChat(page);
    await currentForm(page).getByRole('button', { name: 'Yes, I understand. Start.' }).dblclick();
    await expect(page.locator('main')).toHaveAttribute('data-turn', 'asking:1');
    await page.waitForLoadState('networkidle');
    await expectQuestion(page, 'age_years');
    expect((await transcript(page)).map((e) => e.questionId)).toEqual(['consent']);
  });
});
