import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStatus, recordBuild, sourceHash } from '../../scripts/production-build.mjs';

/**
 * `npm start`, the e2e server and the reliability suite build when this says the build is not of the current source:
 * a clinician must never be shown, and a test must never pass on, code that is no longer there.
 */

let root: string;

function write(file: string, content: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

/** What `next build` leaves, recorded as made from the sources now in `root`. */
function build(): void {
  write('.next/BUILD_ID', 'a-build\n');
  recordBuild(root, sourceHash(root));
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'knotwise-build-'));
  write('app/page.tsx', 'export default function Page() { return <h1>Back pain</h1>; }\n');
  write('lib/protocol/rules.ts', "export const RULES = ['R01'];\n");
  write('lib/protocol/rules.test.ts', "it('holds', () => {});\n");
  write('package-lock.json', '{"lockfileVersion": 3}\n');
  write('tests/unit/x.test.ts', '// a test\n');
  write('docs/api.md', '# API\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the production build check', () => {
  it('builds when there is no build, or one made without recording its sources', () => {
    expect(buildStatus(root)).toBe('missing');
    write('.next/BUILD_ID', 'made-by-plain-next-build\n');
    expect(buildStatus(root)).toBe('stale');
    build();
    expect(buildStatus(root)).toBe('current');
  });

  it.each([
    ['an edited page', () => write('app/page.tsx', 'export default function Page() { return <h1>Neck pain</h1>; }\n')],
    ['an edited rule', () => write('lib/protocol/rules.ts', "export const RULES = ['R01', 'R02'];\n")],
    ['a new source file', () => write('machines/triage.ts', 'export {};\n')],
    ['a deleted source file', () => unlinkSync(path.join(root, 'lib/protocol/rules.ts'))],
    ['a renamed source file', () => {
      unlinkSync(path.join(root, 'lib/protocol/rules.ts'));
      write('lib/protocol/rule-list.ts', "export const RULES = ['R01'];\n");
    }],
    ['changed dependencies', () => write('package-lock.json', '{"lockfileVersion": 3, "packages": {}}\n')],
    ['a proxy added', () => write('proxy.ts', 'export function proxy() {}\n')],
    ['a production .env added', () => write('.env.production', 'EMERGENCY_NUMBER=112\n')],
  ])('rebuilds after %s', (_change, change) => {
    build();
    change();
    expect(buildStatus(root)).toBe('stale');
  });

  it.each([
    ['a touched but unchanged file', () => {
      const later = new Date(Date.now() + 60_000);
      utimesSync(path.join(root, 'app/page.tsx'), later, later);
    }],
    ['an edited test', () => write('tests/unit/x.test.ts', '// another test\n')],
    ['an edited test beside the code', () => write('lib/protocol/rules.test.ts', "it('still holds', () => {});\n")],
    ['edited docs', () => write('docs/api.md', '# API, revised\n')],
    ['local data', () => write('.data/e2e/PG_VERSION', '18\n')],
  ])('keeps the build after %s', (_change, change) => {
    build();
    change();
    expect(buildStatus(root)).toBe('current');
  });
});
