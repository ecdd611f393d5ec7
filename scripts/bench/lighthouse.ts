// Lighthouse (its default config is the mobile preset) on the landing, chat and outcome pages, in Debian's Chromium
// where it is installed. Targets: performance 95+, accessibility 100, best practices 100.
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface LighthouseScore {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

export async function benchLighthouse(pages: { name: string; url: string; cookie?: string }[]): Promise<LighthouseScore[]> {
  const chromePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const chrome = await chromeLauncher.launch({
    chromePath,
    // The background-networking flags keep Chromium from calling out: this network is closed.
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const scores: LighthouseScore[] = [];
    for (const page of pages) {
      const result = await lighthouse(page.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
        extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
      });
      const categories = result?.lhr.categories;
      if (!categories) throw new Error(`Lighthouse returned no result for ${page.url}`);
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      scores.push({ page: page.name, performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices') });
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
