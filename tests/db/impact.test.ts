import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { POST as createSession } from '@/app/api/v1/sessions/route';
import { POST as answerRoute } from '@/app/api/v1/sessions/[id]/answers/route';
import { POST as reviseRoute } from '@/app/api/v1/sessions/[id]/revisions/route';
import { ImpactReport } from '@/app/clinician/(portal)/versions/impact-report';
import type { ImpactSummary, InterviewImpact } from '@/lib/impact';
import { portalImpact, viewVersions } from '@/lib/impact/portal';
import type { AnswerValue, QuestionId } from '@/lib/protocol/types';
import { SELF_CARE } from '../support/answers';
import { auditLog, makeAccount, newAddress, params, req } from '../support/clinician';
import { resetDb } from '../support/db';

/*
 * The impact of bp-2 on interviews stored under bp-1 through the patient API: the command line (run as a child
 * process on the same database), the lib function the portal page calls, and the page's own markup must give the
 * same numbers, and the expected ones.
 */

// The command line opens the database itself, so on PGlite this file works in a directory of its own (one process at a
// time: the test closes its handle before the child runs). With DATABASE_URL both use that PostgreSQL database.
const DATA_DIR = path.resolve('.data', `test-impact-${process.pid}`);
if (!process.env.DATABASE_URL) process.env.DATA_DIR = DATA_DIR;
/** Nothing listens here, so the command line's "is a server using this database?" check lets it run. */
const QUIET_PORT = '3159';

type Answers = Partial<Record<QuestionId, AnswerValue>>;
type Turn = { step: number; status: string; question?: { id: QuestionId }; outcome?: { disposition: string } };

async function answerAll(id: string, token: string, answers: Answers, address: string, from: Turn): Promise<Turn> {
  let turn = from;
  while (turn.status === 'asking' && turn.question && answers[turn.question.id] !== undefined) {
    const body = { questionId: turn.question.id, value: answers[turn.question.id], step: turn.step };
    const res = await answerRoute(req(`/api/v1/sessions/${id}/answers`, { method: 'POST', body, token, address }), params({ id }));
    expect(res.status, `answer ${turn.question.id}`).toBe(200);
    turn = ((await res.json()) as { turn: Turn }).turn;
  }
  return turn;
}

/** A patient's interview through the API, started under `version`, answered from `answers` as far as they go. */
async function interview(version: string, answers: Answers, revise?: { questionId: QuestionId; answers: Answers }) {
  const address = newAddress();
  const created = await createSession(req('/api/v1/sessions', { method: 'POST', body: { protocolVersion: version }, address }));
  expect(created.status).toBe(201);
  const { session, token, turn } = (await created.json()) as { session: { id: string; code: string }; token: string; turn: Turn };
  let last = await answerAll(session.id, token, answers, address, turn);
  if (revise) {
    const res = await reviseRoute(
      req(`/api/v1/sessions/${session.id}/revisions`, { method: 'POST', body: { questionId: revise.questionId }, token, address }),
      params({ id: session.id }),
    );
    expect(res.status).toBe(200);
    last = await answerAll(session.id, token, revise.answers, address, ((await res.json()) as { turn: Turn }).turn);
  }
  return { id: session.id, code: session.code, turn: last };
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/protocol-impact.ts', ...args], {
      env: { ...process.env, PORT: QUIET_PORT, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The command line reads the database on its own: this process lets go of a PGlite directory first. */
async function cli(args: string[], env?: Record<string, string>) {
  await closeDb();
  return runCli(args, env);
}

/** The numbers the page shows, read back from its markup. */
function pageNumbers(html: string) {
  const rows = (attr: string) =>
    Object.fromEntries(
      [...html.matchAll(new RegExp(`<tr data-${attr}="([^"]+)">(.*?)</tr>`, 'g'))].map(([, key, row]) => [
        key!.replace(/&gt;/g, '>'),
        [...row!.matchAll(/<td class="cp-num">([\d,]+)<\/td>/g)].map(([, v]) => Number(v!.replace(/,/g, ''))),
      ]),
    );
  const list = (change: string) => {
    const table = new RegExp(`<table[^>]* data-list="${change}">(.*?)</table>`).exec(html)?.[1] ?? '';
    return [...table.matchAll(/<a [^>]*href="\/clinician\/interviews\/([^"]+)"[^>]*>([^<]+)<\/a>/g)].map(([, id, code]) => ({ id, code }));
  };
  return {
    interviews: Number(/data-testid="impact-interviews">([\d,]+)</.exec(html)![1]!.replace(/,/g, '')),
    changes: Object.fromEntries(Object.entries(rows('change')).map(([k, [v]]) => [k, v])),
    dispositions: Object.fromEntries(Object.entries(rows('pair')).map(([k, [v]]) => [k, v])),
    rules: Object.fromEntries(Object.entries(rows('rule')).map(([k, [starts, stops]]) => [k, { starts, stops }])),
    escalated: list('escalated'),
    plan_changed: list('plan_changed'),
    cannot_tell: list('cannot_tell'),
  };
}

const ANTIPLATELET_SUDDEN: Answers = { ...SELF_CARE, blood_thinners: 'antiplatelet', onset: 'sudden_severe', pain_severity: 'mild' };
const CANCER_BURNING: Answers = { ...SELF_CARE, medical_history: ['cancer'], sensations: ['burning'] };

let stored: Record<string, { id: string; code: string }>;

beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  await resetDb();
  const done = async (version: string, answers: Answers, revise?: { questionId: QuestionId; answers: Answers }) => {
    const i = await interview(version, answers, revise);
    expect(i.turn.status).toBe('complete');
    return i;
  };
  stored = {
    // bp-2 escalates these two (CHANGES-bp-2.md changes 1 and 2).
    antiplatelet: await done('bp-1', ANTIPLATELET_SUDDEN),
    cancerBurning: await done('bp-1', CANCER_BURNING),
    selfCare: await done('bp-1', SELF_CARE),
    // bp-2 works both painful regions (change 5): the same outcome with other plan steps.
    twoRegions: await done('bp-1', { ...SELF_CARE, pain_region: ['neck', 'lower_back'], equipment: ['foam_roller'] }),
    worsening: await done('bp-1', { ...SELF_CARE, pain_trend: 'worse' }),
    // First answered like the escalated one, then changed: only the live answers count.
    revised: await done('bp-1', ANTIPLATELET_SUDDEN, { questionId: 'onset', answers: { ...ANTIPLATELET_SUDDEN, onset: 'after_activity' } }),
    // Not part of a bp-1 -> bp-2 impact: unfinished, or stored under bp-2.
    unfinished: await interview('bp-1', { consent: 'agree', age_years: 40 }),
    underBp2: await done('bp-2', ANTIPLATELET_SUDDEN),
  };
  // One interview from an earlier day, for the period options.
  await (await getDb()).execute(sql`update interviews set created_at = '2026-01-15T10:00:00Z' where id = ${stored.antiplatelet!.id}`);
}, 120_000);

afterAll(async () => {
  await closeDb();
  rmSync(DATA_DIR, { recursive: true, force: true });
});

const EXPECTED_CHANGES = { same: 3, escalated: 2, 'de-escalated': 0, gate_changed: 0, plan_changed: 1, cannot_tell: 0 };
const EXPECTED_DISPOSITIONS = {
  'consultation_24 -> emergency': 1,
  'consultation -> consultation': 1,
  'self_care -> consultation_24': 1,
  'self_care -> self_care': 3,
};
const EXPECTED_RULES = {
  R10_cancer_with_neuro: { starts: 1, stops: 0 },
  R31_sudden_severe_onset: { starts: 1, stops: 0 },
  R30_no_flags: { starts: 0, stops: 1 },
  G3_antiplatelet: { starts: 0, stops: 1 },
};

describe('the impact of bp-2 on interviews stored under bp-1', () => {
  let fromCli: { from: string; to: string; interviews: InterviewImpact[]; summary: ImpactSummary };

  it('npm run protocol:impact --json replays every finished bp-1 interview and reports the expected changes', async () => {
    const run = await cli(['--from', 'bp-1', '--to', 'bp-2', '--json']);
    expect(run.stderr).toMatch(/6 finished interview\(s\) stored under bp-1 replayed under bp-2/);
    expect(run.status).toBe(0);
    fromCli = JSON.parse(run.stdout);
    expect(Object.keys(fromCli)).toEqual(['from', 'to', 'interviews', 'summary']);
    expect(fromCli).toMatchObject({ from: 'bp-1', to: 'bp-2' });

    const byId = new Map(fromCli.interviews.map((i) => [i.id, i]));
    expect([...byId.keys()].sort()).toEqual(
      [stored.antiplatelet, stored.cancerBurning, stored.selfCare, stored.twoRegions, stored.worsening, stored.revised].map((i) => i!.id).sort(),
    );
    // `from` is the outcome stored at the time; `to` is bp-2's for the same answers.
    expect(byId.get(stored.antiplatelet!.id)).toEqual({
      id: stored.antiplatelet!.id,
      code: stored.antiplatelet!.code,
      from: { disposition: 'self_care', gate: 'gentle', rules: ['R30_no_flags', 'G3_antiplatelet'] },
      to: { disposition: 'consultation_24', gate: 'none', rules: ['R31_sudden_severe_onset'] },
      change: 'escalated',
    });
    expect(byId.get(stored.cancerBurning!.id)).toMatchObject({ change: 'escalated', from: { disposition: 'consultation_24' }, to: { disposition: 'emergency' } });
    expect(byId.get(stored.twoRegions!.id)).toMatchObject({ change: 'plan_changed', to: { disposition: 'self_care', gate: 'standard' } });
    expect(byId.get(stored.revised!.id)).toMatchObject({ change: 'same' });

    const s = fromCli.summary;
    expect(s).toMatchObject({ from: 'bp-1', to: 'bp-2', since: null, until: null, interviews: 6, missing: {} });
    expect(s.changes).toEqual(EXPECTED_CHANGES);
    expect(Object.entries(s.dispositions)).toEqual(Object.entries(EXPECTED_DISPOSITIONS));
    expect(Object.entries(s.rules)).toEqual(Object.entries(EXPECTED_RULES));
    // Most serious first: the new emergency before the new 24-hour referral.
    expect(s.escalated).toEqual([
      { id: stored.cancerBurning!.id, code: stored.cancerBurning!.code, from: 'consultation_24', to: 'emergency' },
      { id: stored.antiplatelet!.id, code: stored.antiplatelet!.code, from: 'self_care', to: 'consultation_24' },
    ]);
    expect(s.deEscalated).toEqual([]);
  }, 120_000);

  it('the portal page shows the same numbers as the command line', async () => {
    const impact = await portalImpact({ from: 'bp-1', to: 'bp-2' });
    expect(impact.summary).toEqual(fromCli.summary);
    const shown = pageNumbers(renderToStaticMarkup(createElement(ImpactReport, { impact })));
    expect(shown).toMatchObject({
      interviews: 6,
      changes: EXPECTED_CHANGES,
      dispositions: EXPECTED_DISPOSITIONS,
      rules: EXPECTED_RULES,
      // Links to the interviews that would change, escalations first.
      escalated: fromCli.summary.escalated.map(({ id, code }) => ({ id, code })),
      plan_changed: [{ id: stored.twoRegions!.id, code: stored.twoRegions!.code }],
    });
  });

  it('limits to a period of creation days, on the command line and in the portal alike', async () => {
    const run = await cli(['--from', 'bp-1', '--to', 'bp-2', '--since', '2026-01-15', '--until', '2026-01-15']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Impact of bp-2 on 1 finished interview(s) stored under bp-1, created 2026-01-15 to 2026-01-15 (UTC).');
    expect(run.stdout).toMatch(new RegExp(`Escalated, most serious first:\\n  ${stored.antiplatelet!.code}  self_care -> consultation_24\\n`));
    expect(run.stdout).toMatch(/R31_sudden_severe_onset\s+1\s+0/);
    const inPortal = await portalImpact({ from: 'bp-1', to: 'bp-2', since: new Date('2026-01-15T00:00:00Z'), until: new Date('2026-01-15T00:00:00Z') });
    expect(inPortal.summary).toMatchObject({ interviews: 1, changes: { escalated: 1 }, since: '2026-01-15', until: '2026-01-15' });
    const later = await portalImpact({ from: 'bp-1', to: 'bp-2', since: new Date('2026-01-16T00:00:00Z') });
    expect(later.summary.interviews).toBe(5);
  }, 120_000);

  it('going back from bp-2 to bp-1 cannot judge an interview that ended before questions bp-1 would ask', async () => {
    const impact = await portalImpact({ from: 'bp-2', to: 'bp-1' });
    expect(impact.summary).toMatchObject({ interviews: 1, changes: { cannot_tell: 1 }, missing: { equipment: 1 } });
    const shown = pageNumbers(renderToStaticMarkup(createElement(ImpactReport, { impact })));
    expect(shown.cannot_tell).toEqual([{ id: stored.underBp2!.id, code: stored.underBp2!.code }]);
    expect(shown.changes.cannot_tell).toBe(1);
  });
});

describe('the command line refuses what it cannot do', () => {
  it('names the supported versions for an unknown one, with exit status 2', async () => {
    const run = await runCli(['--from', 'bp-1', '--to', 'bp-9']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--to "bp-9" is not a protocol version this build supports. Supported versions: bp-1, bp-2.');
    expect(run.stdout).toBe('');
  }, 60_000);

  it('reads nothing while a server may have the embedded database open, and says so', async () => {
    if (process.env.DATABASE_URL) return; // PostgreSQL handles several processes itself.
    const server: Server = createServer((_, res) => res.end('{"ok":true}'));
    await new Promise<void>((resolve) => server.listen(3158, '127.0.0.1', resolve));
    try {
      const run = await cli(['--from', 'bp-1', '--to', 'bp-2', '--json'], { PORT: '3158' });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Nothing was read\. A server answers on port 3158.*stop the server first/s);
      expect(run.stdout).toBe('');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});

describe('viewing the versions page', () => {
  it('compares the version before the newest with the newest by default, and is audited', async () => {
    const account = await makeAccount();
    const viewer = { ...account, address: '10.7.7.7' };
    const view = await viewVersions({}, viewer);
    expect(view.options).toEqual({ from: 'bp-1', to: 'bp-2' });
    expect(view.versions.map((v) => [v.id, v.basedOn, v.active])).toEqual([
      ['bp-1', null, false],
      ['bp-2', 'bp-1', true],
    ]);
    expect(view.comparison!.rules.map((r) => [r.id, r.kind])).toEqual([
      ['R10_cancer_with_neuro', 'changed'],
      ['R31_sudden_severe_onset', 'added'],
      ['R30_no_flags', 'changed'],
    ]);
    const refused = await viewVersions({ from: 'bp-2', to: 'bp-2' }, viewer);
    expect(refused.error).toBe('From and To are both bp-2: compare two different versions.');
    const views = (await auditLog()).filter((e) => e.action === 'protocol_versions.viewed');
    expect(views).toEqual([
      expect.objectContaining({ actorId: account.id, address: '10.7.7.7', targetType: 'protocol', targetId: 'bp-2', detail: { from: 'bp-1', to: 'bp-2', since: null, until: null } }),
      expect.objectContaining({ actorId: account.id, targetId: null, detail: { invalid: true } }),
    ]);
  });
});
