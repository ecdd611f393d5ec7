import { expect, test } from '@playwright/test';
import { ROUTINE_REFERRAL, SEVERE_PAIN } from './support/answers';
import { outcomeCard, PROTOCOL, startChat, walk } from './support/chat';

const ruleById = (id: string) => PROTOCOL.rule(id);

test.describe('referrals', () => {
  test('severe pain: see a doctor within 24 hours, and why', async ({ page }) => {
    await startChat(page);
    const asked = await walk(page, SEVERE_PAIN);
    // Equipment and floor questions are for self-care only.
    expect(asked).not.toContain('equipment');
    const card = outcomeCard(page);
    await expect(card).toHaveAttribute('data-disposition', 'consultation_24');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('See a doctor within 24 hours');
    await expect(card.locator('.how-soon')).toContainText('Today, or within 24 hours');
    await expect(card.getByText('Do not start self-massage until a doctor has checked you.')).toBeVisible();
    await expect(card.locator('[data-rule="R18_severe_pain"]')).toHaveText(ruleById('R18_severe_pain')!.reason);
    await expect(card.locator('.plan-step')).toHaveCount(0);
    await expect(card.locator('.safety-net')).toBeVisible();
  });

  test('worse pain with tingling: book an appointment, with every reason that fired', async ({ page }) => {
    await startChat(page);
    await walk(page, ROUTINE_REFERRAL);
    const card = outcomeCard(page);
    await expect(card).toHaveAttribute('data-disposition', 'consultation');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Book an appointment');
    await expect(card.locator('.how-soon')).toContainText('Book a routine appointment now');
    for (const id of ['R21_nerve_symptoms', 'R23_worsening']) {
      await expect(card.locator(`[data-rule="${id}"]`)).toHaveText(ruleById(id)!.reason);
    }
    await expect(card.locator('[data-rule]')).toHaveCount(2);
  });
});
