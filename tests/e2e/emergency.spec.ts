import { expect, test } from '@playwright/test';
import { CAUDA_EQUINA, CHEST_PAIN } from './support/answers';
import { outcomeCard, startChat, walk } from './support/chat';
import { E2E_EMERGENCY_NUMBER } from './support/server-env';

test.describe('emergency early exit', () => {
  test('chest pain ends the interview at once with one call to action: call the emergency number', async ({ page }) => {
    await startChat(page);
    const asked = await walk(page, CHEST_PAIN);
    expect(asked).toEqual(['consent', 'age_years', 'pain_region', 'emergency_signs']);

    const card = outcomeCard(page);
    await expect(card).toHaveAttribute('data-disposition', 'emergency_ambulance');
    await expect(page.locator('#current')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Call your emergency number now');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

    // The banner holds one action and it dials the number.
    const banner = card.locator('.emergency-banner');
    const actions = banner.locator('a, button');
    await expect(actions).toHaveCount(1);
    await expect(actions).toHaveAttribute('href', `tel:${E2E_EMERGENCY_NUMBER}`);
    await expect(actions).toHaveText(`Call ${E2E_EMERGENCY_NUMBER} now`);
    // Nothing above it in the page competes: the first action in <main> is the call.
    await expect(page.getByRole('main').locator('a, button').first()).toHaveAttribute('href', `tel:${E2E_EMERGENCY_NUMBER}`);
    await expect(card.locator('[data-rule="R01_chest_pain"]')).toBeVisible();
    await expect(card.locator('.safety-net')).toBeVisible();
  });

  test('new saddle numbness sends the patient to an emergency department', async ({ page }) => {
    await startChat(page);
    const asked = await walk(page, CAUDA_EQUINA);
    expect(asked.at(-1)).toBe('nerve_emergency_signs');
    const card = outcomeCard(page);
    await expect(card).toHaveAttribute('data-disposition', 'emergency');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Go to an emergency department now');
    await expect(card.getByText('Do not drive yourself.')).toBeVisible();
    await expect(card.locator('.emergency-banner a')).toHaveAttribute('href', `tel:${E2E_EMERGENCY_NUMBER}`);
    await expect(card.locator('[data-rule="R05_cauda_equina"]')).toBeVisible();
  });
});
