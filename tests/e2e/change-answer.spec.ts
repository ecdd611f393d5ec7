import { expect, test } from '@playwright/test';
import { SELF_CARE } from './support/answers';
import { answer, changeButton, expectQuestion, outcomeCard, startChat, transcript, walk } from './support/chat';

test('changing an earlier answer from the outcome rewinds the chat and changes the outcome', async ({ page }) => {
  await startChat(page);
  const asked = await walk(page, SELF_CARE);
  await expect(outcomeCard(page)).toHaveAttribute('data-disposition', 'self_care');

  await changeButton(page, 'pain_severity').click();
  await expect(page.locator('main')).toHaveAttribute('data-turn', /^asking:/);
  await expectQuestion(page, 'pain_severity');
  await expect(page.locator('#current [data-focus-target]')).toBeFocused();

  // The transcript rewinds: only the answers before the changed question remain in the conversation.
  const before = asked.slice(0, asked.indexOf('pain_severity'));
  expect((await transcript(page)).map((e) => e.questionId)).toEqual(before);

  await answer(page, 'pain_severity', 'severe');
  // The rest is asked again, and the self-care-only questions are no longer asked.
  await walk(page, { pregnancy: 'no', massage_cautions: ['none'], massage_reaction: 'fine' });
  const card = outcomeCard(page);
  await expect(card).toHaveAttribute('data-disposition', 'consultation_24');
  await expect(card.locator('[data-rule="R18_severe_pain"]')).toBeVisible();
  const log = await transcript(page);
  expect(log.find((e) => e.questionId === 'pain_severity')?.answer).toMatch(/^Severe/);
  expect(log.map((e) => e.questionId)).not.toContain('equipment');

  // The summary keeps what was changed.
  await page.getByRole('link', { name: 'Print or save a summary' }).click();
  const changed = page.getByRole('region', { name: 'Answers you changed' });
  await expect(changed).toContainText('How bad is the pain?');
  await expect(changed).toContainText('You first answered: Moderate');
});

test('changing an answer mid-interview asks that question again', async ({ page }) => {
  await startChat(page);
  await walk(page, SELF_CARE, 'general_signs');
  await changeButton(page, 'age_years').click();
  await expectQuestion(page, 'age_years');
  await expect(page.locator('#answer-number')).toBeFocused();
  expect((await transcript(page)).map((e) => e.questionId)).toEqual(['consent']);
  await answer(page, 'age_years', 70);
  await expectQuestion(page, 'pain_region');
});
