import { expect, test } from '@playwright/test';
import { SELF_CARE } from './support/answers';
import { outcomeCard, startChat, walk } from './support/chat';

// README screenshots: SCREENSHOTS=1 npx playwright test --grep @screenshots
test.describe('README screenshots @screenshots', () => {
  test.use({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1 });

  async function settle(page: import('@playwright/test').Page) {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(0, 0);
  }

  test('the chat mid-interview', async ({ page }) => {
    await startChat(page);
    await walk(page, SELF_CARE, 'emergency_signs');
    await settle(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'docs/screenshots/chat.png', fullPage: true });
  });

  test('a self-care plan', async ({ page }) => {
    await startChat(page);
    await walk(page, SELF_CARE);
    await expect(outcomeCard(page)).toHaveAttribute('data-disposition', 'self_care');
    await settle(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'docs/screenshots/self-care-plan.png' });
  });
});
