// 100,000 stored interviews for the benchmarks that read many (the clinician queue, the impact of a protocol change):
// stored under bp-1 as patients left them, each with the live answers of a real interview (seeded random answer
// sets played through the interview) and the outcome bp-1 gave those answers, in a realistic mix over 90 days.
import { play, type AnswerMap } from '../../lib/interview/play';
import { answerLabel } from '../../lib/protocol/words';
import { protocolFor } from '../../lib/protocol/versions';
import type { QuestionId } from '../../lib/protocol/types';
import { answerSets } from '../../tests/golden/answer-sets';

export const INTERVIEWS = 100_000;
const VERSION = 'bp-1';
/** Interviews written per statement: one statement for all of them is more than PGlite's memory wants. */
const CHUNK = 20_000;

interface Template {
  t: number;
  disposition: string;
  /** Its index among the templates of its disposition. */
  k: number;
  gate: string;
  rules: string[];
  outcome: unknown;
  steps: number;
}

/** Finished bp-1 interviews to copy, by disposition, and their transcripts (question shown, answer given). */
function templates() {
  const p = protocolFor(VERSION);
  const list: Template[] = [];
  const answers: { t: number; step: number; question_id: string; prompt: string; value: unknown; label: string }[] = [];
  const perDisposition = new Map<string, number>();
  for (const map of answerSets(20261205, 1500) as AnswerMap[]) {
    const played = play(map, p);
    if ('error' in played || played.status !== 'complete') continue;
    const t = list.length;
    const outcome = played.outcome;
    const { disposition, gate, rules } = outcome;
    const k = perDisposition.get(disposition) ?? 0;
    perDisposition.set(disposition, k + 1);
    list.push({ t, disposition, k, gate, rules, outcome, steps: played.asked.length });
    played.asked.forEach((q: QuestionId, step) =>
      answers.push({ t, step, question_id: q, prompt: p.question(q).prompt, value: map[q], label: answerLabel(p, q, map[q]) }),
    );
  }
  const decline = p.question('consent').options!.find((o) => o.value === 'decline')!;
  return { list, answers, perDisposition, consent: { prompt: p.question('consent').prompt, declineLabel: decline.label } };
}

/**
 * Seeds the interviews in a few statements: the same mix of statuses and dispositions the queue benchmark always had
 * (every 20th unfinished, every 20th declined, then emergencies to self-care), each finished one a copy of a real
 * interview of that disposition; every 10th reviewed by a benchmark account.
 */
export async function seedInterviews(count = INTERVIEWS): Promise<void> {
  const { sql } = await import('drizzle-orm');
  const { getDb } = await import('../../db/client');
  const { createAccount } = await import('../../lib/clinician/accounts');
  const db = await getDb();
  const { list, answers, perDisposition, consent } = templates();

  await db.execute(sql`create temp table bench_templates (t int primary key, disposition text, k int, gate text, rules text[], outcome jsonb, steps int)`);
  await db.execute(sql`
    insert into bench_templates
    select * from jsonb_to_recordset(${JSON.stringify(list)}::jsonb)
      as x(t int, disposition text, k int, gate text, rules text[], outcome jsonb, steps int)`);
  await db.execute(sql`create temp table bench_answers (t int, step int, question_id text, prompt text, value jsonb, label text)`);
  await db.execute(sql`
    insert into bench_answers
    select * from jsonb_to_recordset(${JSON.stringify(answers)}::jsonb)
      as x(t int, step int, question_id text, prompt text, value jsonb, label text)`);
  await db.execute(sql`create temp table bench_counts (disposition text primary key, n int)`);
  await db.execute(sql`
    insert into bench_counts
    select * from jsonb_to_recordset(${JSON.stringify([...perDisposition].map(([disposition, n]) => ({ disposition, n })))}::jsonb)
      as x(disposition text, n int)`);
  // Which template each interview copies; unfinished and declined ones take the start of a self-care interview.
  await db.execute(sql`
    create temp table bench_seed as
    select s.i, gen_random_uuid() as id, s.status, bt.t,
           now() - (s.i % 90) * interval '1 day' - (s.i % 86400) * interval '1 second' as created_at
    from (
      select i,
             case when i % 20 = 18 then 'in_progress' when i % 20 = 19 then 'declined' else 'complete' end as status,
             case when i % 20 = 0 then 'emergency_ambulance' when i % 20 = 1 then 'emergency'
                  when i % 20 between 2 and 4 then 'consultation_24' when i % 20 between 5 and 9 then 'consultation'
                  else 'self_care' end as disposition
      from generate_series(1, ${count}) as i
    ) s
    join bench_counts c on c.disposition = s.disposition
    join bench_templates bt on bt.disposition = s.disposition and bt.k = (s.i / 20) % c.n`);

  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await db.execute(sql`
      insert into interviews (id, code, token_hash, protocol_version, status, step, disposition, gate, rules, outcome, created_at, updated_at, completed_at)
      select s.id,
             substr(lpad(s.i::text, 9, '0'), 1, 3) || '-' || substr(lpad(s.i::text, 9, '0'), 4, 3) || '-' || substr(lpad(s.i::text, 9, '0'), 7, 3),
             md5(s.i::text), ${VERSION}, s.status,
             case s.status when 'complete' then bt.steps when 'in_progress' then 3 else 1 end,
             case when s.status = 'complete' then bt.disposition end,
             case when s.status = 'complete' then bt.gate end,
             case when s.status = 'complete' then bt.rules end,
             case when s.status = 'complete' then bt.outcome end,
             s.created_at, s.created_at + interval '5 minutes',
             case when s.status <> 'in_progress' then s.created_at + interval '5 minutes' end
      from bench_seed s join bench_templates bt using (t)
      where s.i between ${from} and ${to}`);
    // The transcript as the service writes it: each question as shown, then the answer's labels and value. An
    // unfinished interview has its first three answers and the question it stopped at.
    await db.execute(sql`
      insert into transcript_entries (interview_id, role, question_id, step, text, value, at)
      select s.id, r.role, a.question_id, a.step,
             case r.role when 'assistant' then a.prompt else a.label end,
             case r.role when 'patient' then a.value end,
             s.created_at + a.step * interval '15 seconds' + case r.role when 'patient' then interval '10 seconds' else interval '0 seconds' end
      from bench_seed s
      join bench_answers a on a.t = s.t
      cross join (values ('assistant'), ('patient')) as r(role)
      where s.i between ${from} and ${to}
        and (s.status = 'complete' or (s.status = 'in_progress' and (a.step < 3 or (a.step = 3 and r.role = 'assistant'))))`);
    await db.execute(sql`
      insert into transcript_entries (interview_id, role, question_id, step, text, value, at)
      select s.id, r.role, 'consent', 0, case r.role when 'assistant' then ${consent.prompt} else ${consent.declineLabel} end,
             case r.role when 'patient' then '"decline"'::jsonb end, s.created_at
      from bench_seed s cross join (values ('assistant'), ('patient')) as r(role)
      where s.status = 'declined' and s.i between ${from} and ${to}`);
  }

  const created = await createAccount(
    { email: 'bench@knotwise.invalid', name: 'Benchmark', password: 'benchmark-password', role: 'clinician' },
    null,
  );
  if (!created.ok) throw new Error(created.message);
  await db.execute(sql`
    insert into reviews (interview_id, clinician_id, verdict, note)
    select id, ${created.account.id}, 'agree', '' from interviews where (hashtext(id::text) % 10) = 0`);
  await db.execute(sql`analyze`);
}
