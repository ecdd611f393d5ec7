// Lighthouse (its default config is the mobile preset) on the pages given as JSON in argv[2], three runs each;
// prints JSON scores of each page's median run.
// Plain JavaScript on purpose: Lighthouse runs some of its functions inside the page by their source text, and the
// TypeScript loader's helpers (e.g. __name) do not exist there.
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const pages = JSON.parse(process.argv[2] ?? '[]');
const RUNS = 3;
const chrome = await chromeLauncher.launch({
  chromePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  // The background-networking flags keep Chromium from calling out: this network is closed.
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function measure(page) {
  const result = await lighthouse(page.url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
  });
  const categories = result?.lhr.categories;
  if (!categories) throw new Error(`Lighthouse returned no result for ${page.url}`);
  const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
  const failing = Object.values(result.lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
    .map((a) => a.id);
  const metric = (id) => Math.round(result.lhr.audits[id]?.numericValue ?? 0);
  const metrics = { fcpMs: metric('first-contentful-paint'), lcpMs: metric('largest-contentful-paint'), tbtMs: metric('total-blocking-time'), cls: Number((result.lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)), ttfbMs: metric('server-response-time') };
  return { page: page.name, performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), failing, metrics };
}

try {
  const scores = [];
  for (const page of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(page));
    // Lighthouse's own advice for a score that varies from run to run: report the median of several.
    runs.sort((a, b) => a.performance - b.performance);
    scores.push({ ...runs[Math.floor(runs.length / 2)], runs: runs.map((r) => r.performance) });
  }
  console.log(JSON.stringify(scores));
} finally {
  chrome.kill();
}
