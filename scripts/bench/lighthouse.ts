// Lighthouse on the landing, chat and outcome pages, in Debian's Chromium where it is installed. Targets:
// performance 95+, accessibility 100, best practices 100. The run itself is in lighthouse.mjs (see why there).
import { execFileSync } from 'node:child_process';

export interface LighthouseScore {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Binary audits that did not pass, to say what to fix. */
  failing: string[];
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; ttfbMs: number };
  /** Every run's performance score; the rest of this record is the median run's. */
  runs: number[];
}

export function benchLighthouse(pages: { name: string; url: string; cookie?: string }[]): LighthouseScore[] {
  const out = execFileSync(process.execPath, ['scripts/bench/lighthouse.mjs', JSON.stringify(pages)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as LighthouseScore[];
}
