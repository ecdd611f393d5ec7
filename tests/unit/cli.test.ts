import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DISPOSITION_TITLE } from '@/lib/protocol/labels';
import { protocolFor } from '@/lib/protocol/versions';
import { SELF_CARE } from '../support/answers';

// The scripts default to PROTOCOL_VERSION, else the newest version; the tests pin the environment to say which.
const bp2 = protocolFor('bp-2');
const getQuestion = (id: Parameters<typeof bp2.question>[0]) => bp2.question(id);
/** bp-1 self-care, bp-2 consultation_24 (CHANGES-bp-2.md change 1). */
const SUDDEN_ON_ANTIPLATELET = { ...SELF_CARE, blood_thinners: 'antiplatelet', onset: 'sudden_severe' };

/** The real command-line scripts, run as child processes the way a person or a CI job runs them. */

// Each test starts a Node process (about half a second on an idle machine); running them side by side was slower on
// two cores, so they run one at a time, with room for a busy machine.
const TIMEOUT = 30_000;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'knotwise-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { PROTOCOL_VERSION: _active, ...inherited } = process.env;
    const child = spawn(command, args, { cwd: ROOT, env: { ...inherited, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

// node + the tsx loader is the same runtime `npm run` uses, without npm's start-up cost on every test.
const tsx = (script: string, args: string[] = [], input = '') =>
  run(process.execPath, ['--import', 'tsx', join('scripts', script), ...args], input);

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}


describe('triage --batch', { timeout: TIMEOUT }, () => {
  it('prints one result per answer map, and an error entry for a map that lacks an asked answer', async () => {
    const { pain_trend: _omitted, ...missingTrend } = SELF_CARE;
    const maps = [
      SELF_CARE,
      { consent: 'agree', age_years: 50, pain_region: ['neck'], emergency_signs: ['stroke_signs'] },
      { consent: 'decline' },
      missingTrend,
      { ...SELF_CARE, agee: 40 },
      42,
    ];
    const r = await tsx('triage.ts', ['--batch', file('maps.json', maps)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out).toHaveLength(maps.length);

    const [selfCare, ambulance, declined, missing, typo, notAMap] = out;
    expect(Object.keys(selfCare!).sort()).toEqual(['asked', 'outcome', 'protocolVersion', 'status']);
    expect(out.every((result) => result.protocolVersion === 'bp-2')).toBe(true);
    expect(selfCare).toMatchObject({
      status: 'complete',
      asked: expect.arrayContaining(['consent', 'equipment', 'floor_ok']),
      outcome: { disposition: 'self_care', gate: 'standard', rules: ['R30_no_flags'], gateRules: ['G4_standard'] },
    });
    expect((selfCare!.asked as string[])[0]).toBe('consent');
    expect((selfCare!.outcome as { plan?: { steps: unknown[] } }).plan?.steps.length).toBeGreaterThanOrEqual(2);
    expect(ambulance).toMatchObject({
      status: 'complete',
      asked: ['consent', 'age_years', 'pain_region', 'emergency_signs'],
      outcome: { disposition: 'emergency_ambulance', gate: 'none', rules: ['R03_stroke_signs'] },
    });
    expect(declined).toEqual({ protocolVersion: 'bp-2', asked: ['consent'], status: 'declined' });
    expect(missing).toMatchObject({ error: expect.stringContaining('"pain_trend"') });
    expect(missing).not.toHaveProperty('outcome');
    expect(typo).toMatchObject({ error: expect.stringContaining('"agee"') });
    expect(notAMap).toMatchObject({ error: expect.stringMatching(/JSON object/) });
  });

  it('plays the maps under the version named by --protocol, and says which in every result', async () => {
    const maps = file('versions.json', [SUDDEN_ON_ANTIPLATELET]);
    const [bp1] = JSON.parse((await tsx('triage.ts', ['--batch', maps, '--protocol', 'bp-1'])).stdout) as Record<string, unknown>[];
    const [newest] = JSON.parse((await tsx('triage.ts', ['--batch', maps])).stdout) as Record<string, unknown>[];
    expect(bp1).toMatchObject({ protocolVersion: 'bp-1', outcome: { disposition: 'self_care', gate: 'gentle', rules: ['R30_no_flags'] } });
    expect(newest).toMatchObject({ protocolVersion: 'bp-2', outcome: { disposition: 'consultation_24', rules: ['R31_sudden_severe_onset'] } });
  });

  it('exits 2 and lists the versions for a version it does not support', async () => {
    const r = await tsx('triage.ts', ['--batch', file('v.json', [SELF_CARE]), '--protocol', 'bp-9']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no protocol version "bp-9"\. Versions: bp-1, bp-2\./);
  });

  it('prints only JSON on stdout through `npm run --silent triage -- --batch`', async () => {
    const r = await run('npm', ['run', '--silent', 'triage', '--', '--batch', file('one.json', [SELF_CARE])]);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /no such file/],
    ['a file that is not JSON', () => file('broken.json', '[{"consent": '), /not valid JSON/],
    ['a file that is not an array', () => file('object.json', SELF_CARE), /JSON array/],
  ])('exits 2 with a message on stderr for %s', async (_what, path, message) => {
    const r = await tsx('triage.ts', ['--batch', path()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 on arguments it does not know', async () => {
    const r = await tsx('triage.ts', ['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage/);
  });
});

describe('protocol:check', { timeout: TIMEOUT }, () => {
  it('passes every version\'s case bank with exit 0', async () => {
    const r = await tsx('protocol-check.ts');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^version\s+id\s+expected\s+actual\s+result/);
    expect(r.stdout).toMatch(/^bp-1\s+self-care-baseline\s/m);
    expect(r.stdout).toMatch(/^bp-2\s+bp2-R31-alone\s/m);
    expect(r.stdout).toMatch(/\d+ case\(s\) from the case banks of bp-1, bp-2: \d+ passed, 0 failed\./);
    expect(r.stdout).not.toMatch(/FAIL/);
  });

  it('checks a case under the version it names, else the active one', async () => {
    const expect1 = { disposition: 'self_care', gate: 'gentle' };
    const cases = [
      { id: 'named-bp-1', protocolVersion: 'bp-1', answers: SUDDEN_ON_ANTIPLATELET, expect: expect1 },
      { id: 'active-version', answers: SUDDEN_ON_ANTIPLATELET, expect: { disposition: 'consultation_24', gate: 'none' } },
    ];
    const r = await tsx('protocol-check.ts', [file('versions.json', cases)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/bp-1\s+named-bp-1\s+self_care \/ gentle\s+self_care \/ gentle\s+PASS/);
    expect(r.stdout).toMatch(/bp-2\s+active-version\s+consultation_24 \/ none\s+consultation_24 \/ none\s+PASS/);
  });

  it('exits 1 and shows the difference when a case is wrong', async () => {
    const good = { id: 'good', answers: SELF_CARE, expect: { disposition: 'self_care', gate: 'standard' } };
    const wrong = { id: 'wrong-on-purpose', answers: SELF_CARE, expect: { disposition: 'consultation', gate: 'none' } };
    const r = await tsx('protocol-check.ts', [file('wrong.json', [good, wrong])]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/good\s+self_care \/ standard\s+self_care \/ standard\s+PASS/);
    expect(r.stdout).toMatch(/wrong-on-purpose\s+consultation \/ none\s+self_care \/ standard\s+FAIL/);
    expect(r.stdout).toMatch(/disposition: expected consultation, got self_care/);
    expect(r.stdout).toMatch(/2 case\(s\) from 1 file\(s\): 1 passed, 1 failed\./);
  });

  it('accepts a file holding a single case object', async () => {
    const one = { id: 'declines', answers: { consent: 'decline' }, expect: { status: 'declined' } };
    const r = await tsx('protocol-check.ts', [file('single.json', one)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/declines\s+declined\s+declined\s+PASS/);
  });

  it.each([
    ['a missing file', () => join(dir, 'absent.json'), /cannot read/],
    ['a malformed case', () => file('malformed.json', [{ id: 'x', answers: { age: 3 }, expect: { disposition: 'soon' } }]), /Unknown question id "age"/],
  ])('exits 2 on %s', async (_what, path, message) => {
    const r = await tsx('protocol-check.ts', [path()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('triage (interactive, piped stdin)', { timeout: TIMEOUT }, () => {
  it('asks, re-asks on bad input, explains on "?", and prints the outcome', async () => {
    const lines = [
      '1', // consent: agree
      'forty', // not a number: re-asked
      '40',
      'lower_back', // option ids work as well as numbers
      '5', // emergency_signs: none
      '6,1', // "none" with another answer: re-asked with the validation message
      '?',
      '6',
      '7', // general_signs: none
      '5', // medical_history: none
      '3', // blood_thinners: none
      '2', // onset: after activity
      '1,2', // sensations
      '1', // duration: under 2 weeks
      '3', // trend: worse -> R23
      '2', // severity: moderate
      '2', // pregnancy: no
      '5', // massage_cautions: none
      '2', // massage_reaction: fine
    ];
    const r = await tsx('triage.ts', [], `${lines.join('\n')}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(getQuestion('age_years').prompt);
    expect(r.stdout).toContain('Type a number from 0 to 120.');
    expect(r.stdout).toContain('"None of these" cannot be chosen together with another answer.');
    expect(r.stdout).toContain(`Why we ask: ${getQuestion('nerve_emergency_signs').help}`);
    expect(r.stdout).toContain(DISPOSITION_TITLE.consultation.toUpperCase());
    expect(r.stdout).toContain(`${bp2.rule('R23_worsening')!.reason} [R23_worsening]`);
    expect(r.stdout).toContain('(gate: none)');
    expect(r.stdout).toContain('protocol bp-2');
    for (const line of bp2.content.safetyNet) expect(r.stdout).toContain(line.text);
    // Equipment is asked only for self-care.
    expect(r.stdout).not.toContain(getQuestion('equipment').prompt);
  });

  it('prints a self-care plan with its steps', async () => {
    const answers = ['1', '40', '4', '5', '6', '7', '5', '3', '2', '1', '1', '2', '2', '2', '5', '2', '1', '1'];
    const r = await tsx('triage.ts', [], `${answers.join('\n')}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(DISPOSITION_TITLE.self_care.toUpperCase());
    expect(r.stdout).toContain(getQuestion('floor_ok').prompt);
    expect(r.stdout).toMatch(/Step 1: /);
    expect(r.stdout).toMatch(/Stop when:/);
    expect(r.stdout).toMatch(/Keep active:/);
  });

  it('ends with exit 1 when input runs out before the outcome', async () => {
    const r = await tsx('triage.ts', [], '1\n40\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Input ended before the interview finished/);
  });

  it('stops at once when consent is declined', async () => {
    const r = await tsx('triage.ts', [], '2\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/You chose not to go on/);
    expect(r.stdout).not.toContain(getQuestion('age_years').prompt);
  });
});
