import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails with axe's own list of violations, so a report names the rule and the element. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  // A client-side navigation streams the new <title> after the content; judge the settled page.
  await expect(page, `<title> on ${screen}`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(violations, `axe violations on ${screen}`).toEqual([]);
}
