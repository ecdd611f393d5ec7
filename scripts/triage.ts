/**
 * The triage interview in a terminal.
 *
 *   npm run triage                                   interactive: one question at a time
 *   npm run --silent triage -- --batch answers.json  a JSON array of answer maps in, a JSON array of results out
 *   ... -- --protocol bp-1                           under that protocol version (default: PROTOCOL_VERSION, else the newest)
 *
 * Both modes drive the same replay/answerNext service as the web chat, so the terminal can never disagree with it.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { env } from '../lib/env';
import { play } from '../lib/interview/play';
import { answerNext, replay, type InterviewState, type RecordedAnswer } from '../lib/interview/replay';
import type { Protocol } from '../lib/protocol/define';
import { DISPOSITION_TITLE } from '../lib/protocol/labels';
import type { QuestionDef } from '../lib/protocol/model';
import type { Outcome } from '../lib/protocol/outcome';
import { isVersionId, protocolFor, VERSION_IDS } from '../lib/protocol/versions';
import { fromCallerDir } from './caller-path';

const USAGE = `Usage:
  npm run triage                                   answer the questions one by one
  npm run --silent triage -- --batch FILE          FILE is a JSON array of answer maps (question id -> answer);
                                                   prints a JSON array with one result per map
Options:
  --protocol ID                                    the protocol version to use: ${VERSION_IDS.join(', ')}
                                                   (default: PROTOCOL_VERSION, else the newest)`;

// ---------------------------------------------------------------------------------------------------------------
// Batch

function runBatch(file: string, protocol: Protocol): number {
  let maps: unknown;
  try {
    maps = JSON.parse(readFileSync(fromCallerDir(file), 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code ? err.message : `not valid JSON (${err.message})`;
    process.stderr.write(`triage --batch: cannot read ${file}: ${why}\n`);
    return 2;
  }
  if (!Array.isArray(maps)) {
    process.stderr.write(
      `triage --batch: ${file} must hold a JSON array of answer maps, like [{"consent": "agree", "age_years": 40, ...}].\n`,
    );
    return 2;
  }
  // One entry per map, in order, so a caller can zip input and output; a bad map is reported in its own entry.
  const results = maps.map((map) => ({ protocolVersion: protocol.id, ...play(map, protocol) }));
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Interactive

/**
 * Lines from stdin, one per call. The async iterator buffers, so piped input that arrives all at once is not lost
 * between questions (readline's question() drops lines that arrive while no question is pending).
 */
function lineReader() {
  const tty = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty, prompt: '> ' });
  // In a terminal readline owns Ctrl+C; without this it only pauses input and the process would sit there.
  rl.on('SIGINT', () => {
    process.stdout.write('\nStopped. Nothing was decided.\n');
    process.exit(130);
  });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async next(): Promise<string | undefined> {
      rl.prompt();
      const { value, done } = await lines.next();
      if (done) return undefined;
      // A terminal echoes what was typed; piped input does not, so echo it to keep the transcript readable.
      if (!tty) process.stdout.write(`${String(value)}\n`);
      return String(value);
    },
    close: () => rl.close(),
  };
}

const out = (text = '') => process.stdout.write(`${text}\n`);

function showQuestion(q: QuestionDef, number: number) {
  out();
  out(`${number}. ${q.prompt}`);
  (q.options ?? []).forEach((o, i) => out(`   ${i + 1}) ${o.label}`));
  if (q.kind === 'integer') out(`   Type a number from ${q.min} to ${q.max}.`);
  else if (q.kind === 'multi') out('   Type one or more numbers separated by commas, like 1,3.');
  else out('   Type one number.');
  out('   Type ? to see why we ask.');
}

/**
 * Turns typed text into an answer value. Only the shape is handled here (numbers to option values); whether the
 * answer fits the question is left to the interview's own validation, so the messages match the web chat.
 */
function toValue(q: QuestionDef, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (q.kind === 'integer') {
    if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, message: `Type a number from ${q.min} to ${q.max}.` };
    return { ok: true, value: Number(text) };
  }
  const options = q.options ?? [];
  if (text === '') return { ok: false, message: `Type the number of your answer, from 1 to ${options.length}.` };
  const parts = q.kind === 'multi' ? text.split(/[\s,]+/).filter(Boolean) : [text];
  if (parts.length === 0) return { ok: false, message: 'Type the number of your answer.' };
  const values: string[] = [];
  for (const part of parts) {
    // Option ids are accepted too, which makes transcripts and scripted input easier to read.
    const byId = options.find((o) => o.value === part);
    const n = Number(part);
    const byNumber = Number.isInteger(n) ? options[n - 1] : undefined;
    const option = byId ?? byNumber;
    if (!option) return { ok: false, message: `"${part}" is not one of the choices. Type a number from 1 to ${options.length}.` };
    values.push(option.value);
  }
  return { ok: true, value: q.kind === 'multi' ? values : values[0] };
}

function printOutcome(protocol: Protocol, outcome: Outcome) {
  out();
  out('='.repeat(72));
  out(DISPOSITION_TITLE[outcome.disposition].toUpperCase());
  out(`(disposition: ${outcome.disposition}, protocol ${protocol.id})`);
  out('='.repeat(72));
  for (const line of outcome.advice) out(line);
  out();
  out('Why:');
  for (const id of outcome.rules) out(`  - ${protocol.rule(id)?.reason ?? ''} [${id}]`);
  out();
  out(`Self-massage: ${outcome.gate === 'none' ? 'not until a clinician has checked you' : `${outcome.gate} pressure`} (gate: ${outcome.gate})`);
  for (const id of outcome.gateRules) out(`  - ${protocol.rule(id)?.reason ?? ''} [${id}]`);
  const plan = outcome.plan;
  if (plan) {
    out();
    out(`Your plan: ${plan.frequency} About ${plan.sessionMinutes} minutes a session.`);
    if (plan.toolNote) out(plan.toolNote);
    plan.steps.forEach((s, i) => {
      out();
      out(`  Step ${i + 1}: ${s.muscle}`);
      out(`    Area: ${s.area}. Tool: ${s.tool}. Position: ${s.position}.`);
      out(`    Hold ${s.holdSeconds} seconds, ${s.rounds} round(s)${s.perSide ? ' on each side' : ''}. Pressure no more than ${s.pressure} out of 10.`);
      out(`    ${s.instructions}`);
      out(`    Source: ${s.source}`);
    });
    out();
    out('Stop when:');
    for (const line of plan.stopRules) out(`  - ${line}`);
    out();
    out('Keep active:');
    for (const line of plan.keepActive) out(`  - ${line}`);
  }
  out();
  out('Safety net:');
  for (const line of outcome.safetyNet) out(`  - ${line}`);
}

async function runInteractive(protocol: Protocol): Promise<number> {
  const input = lineReader();
  out(`Knotwise triage, protocol ${protocol.id}. Press Ctrl+C to stop at any time.`);
  let recorded: RecordedAnswer[] = [];
  let state: InterviewState = replay(protocol, recorded);
  try {
    while (state.status === 'asking' && state.question) {
      const q = protocol.question(state.question);
      showQuestion(q, state.step + 1);
      for (;;) {
        const line = await input.next();
        if (line === undefined) {
          out();
          process.stderr.write('Input ended before the interview finished. Nothing was decided.\n');
          return 1;
        }
        const text = line.trim();
        if (text === '?') {
          out(`   Why we ask: ${q.help}`);
          continue;
        }
        const typed = toValue(q, text);
        if (!typed.ok) {
          out(`   ${typed.message}`);
          continue;
        }
        const result = answerNext(protocol, recorded, q.id, typed.value);
        if (!result.ok) {
          out(`   ${result.error.message}`);
          continue;
        }
        recorded = [...recorded, result.accepted];
        state = result.state;
        break;
      }
    }
  } finally {
    input.close();
  }
  if (state.status === 'declined') {
    out();
    out('You chose not to go on. If you are in danger, call your emergency number now.');
    return 0;
  }
  if (state.outcome) printOutcome(protocol, state.outcome);
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { batch: { type: 'string' }, protocol: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }).values;
  } catch (e) {
    process.stderr.write(`triage: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    out(USAGE);
    return 0;
  }
  const version = args.protocol ?? env().PROTOCOL_VERSION;
  if (!isVersionId(version)) {
    process.stderr.write(`triage: there is no protocol version "${version}". Versions: ${VERSION_IDS.join(', ')}.\n`);
    return 2;
  }
  const protocol = protocolFor(version);
  return args.batch !== undefined ? runBatch(args.batch, protocol) : runInteractive(protocol);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`triage: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
