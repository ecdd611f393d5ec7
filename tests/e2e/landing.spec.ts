import { expect, test } from '@playwright/test';
import { interviewCookieName } from '../../lib/interview/cookie';
import { startChat } from './support/chat';
import { E2E_EMERGENCY_NUMBER } from './support/server-env';

test.describe('landing page', () => {
  test('says what Knotwise is and is not, and shows the configured emergency number', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Knotwise/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('It is not a diagnosis.', { exact: false }).first()).toBeVisible();
    await expect(page.getByText('It is not for emergencies.')).toBeVisible();
    const call = page.getByRole('main').getByRole('link', { name: `Call ${E2E_EMERGENCY_NUMBER} now` });
    await expect(call).toHaveAttribute('href', `tel:${E2E_EMERGENCY_NUMBER}`);
    await expect(page.getByRole('main')).toContainText('112 works in Europe.');
    await expect(page.getByRole('main')).toContainText('999 works in the UK.');
    await expect(page.locator('a[href="tel:911"]')).toHaveCount(0);
  });

  test('Start creates an interview held only in an HttpOnly __Host- cookie that lasts 2 hours', async ({ page, context }) => {
    await startChat(page);
    // The server runs with the default COOKIE_SECURE=true: the __Host- name works on http://localhost too.
    const cookie = (await context.cookies()).find((c) => c.name === '__Host-kw_interview');
    expect(cookie, 'interview cookie').toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.secure).toBe(true);
    expect(cookie!.sameSite).toBe('Lax');
    expect(cookie!.path).toBe('/');
    const hoursLeft = (cookie!.expires * 1000 - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(1.9);
    expect(hoursLeft).toBeLessThanOrEqual(2);
    const token = decodeURIComponent(cookie!.value).split('.')[1]!;
    expect(token.length).toBeGreaterThan(20);
    expect(page.url()).not.toContain(token);
    expect(await page.content()).not.toContain(token);
    expect(await page.evaluate(() => document.cookie)).not.toContain(token);
  });

  test('a chat without a cookie, or with an unknown one, goes to the landing page', async ({ page }) => {
    await page.goto('/chat');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('button', { name: 'Start the chat' })).toBeVisible();

    // Secure and __Host- cookies count as set from a secure origin on http://localhost, as the browser's own.
    await page.evaluate((name) => {
      document.cookie = `${name}=00000000-0000-4000-8000-000000000000.not-a-real-token; Path=/; Secure; SameSite=Lax`;
    }, interviewCookieName(true));
    const response = await page.goto('/chat');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/\?expired=1$/);
    await expect(page.getByRole('status')).toContainText('We could not find your earlier chat');
    await page.goto('/chat/summary');
    await expect(page).toHaveURL(/\/\?expired=1$/);
  });

  test('coming back to the landing page offers to continue the chat', async ({ page }) => {
    await startChat(page);
    await page.goto('/');
    await page.getByRole('link', { name: 'Continue your chat' }).click();
    await expect(page.locator('#current form')).toHaveAttribute('data-question-id', 'consent');
  });
});
