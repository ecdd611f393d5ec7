import type { Protocol } from './define';
import { changeWords } from './derive';
import { askedWhenWords } from './words';
import { protocolFor } from './versions';

/**
 * A version, resolved, in words: every question, rule, limit and patient text it holds, as one Markdown document
 * (docs/protocol/<id>.md, written by `npm run protocol:docs`). Reviewers read its diff when a version is added; a
 * test keeps the committed file equal to the data, so nothing can change unseen.
 */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (id: string) => `\`${id}\``;

export function protocolInWords(p: Protocol): string {
  const c = p.content;
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  const cite = (ids: readonly string[]) => ids.map((s) => c.sources[s]!.publisher + ': ' + c.sources[s]!.title).join('; ');

  line(`# ${p.title} (\`${p.id}\`)`);
  line();
  line('Generated from the protocol data by `npm run protocol:docs`; do not edit by hand.');
  line();
  line(`Released ${p.released}.${p.basedOn ? ` Based on \`${p.basedOn}\`, with the changes below and nothing else.` : ''}`);
  if (p.basedOn) {
    const base = protocolFor(p.basedOn);
    line();
    line(`## Changes from \`${p.basedOn}\``);
    line();
    p.changes.forEach((change, i) => {
      line(`${i + 1}. ${changeWords(change, base)}`);
      line(`   Why: ${change.why}`);
    });
  }

  line();
  line('## Questions');
  line();
  line('| # | id | kind | answers | asked when |');
  line('|---|---|---|---|---|');
  c.questions.forEach((q, i) => {
    const answers = q.kind === 'integer' ? `${q.min}-${q.max}` : (q.options ?? []).map((o) => code(o.value)).join(', ');
    line(`| ${i} | ${code(q.id)} | ${q.kind} | ${answers} | ${askedWhenWords(q) ?? 'always'} |`);
  });

  line();
  line('## Disposition rules');
  line();
  line('Every rule is evaluated; the most urgent disposition wins; every rule that fired is recorded.');
  line();
  line('| rule | condition | disposition | reason given to the patient | sources |');
  line('|---|---|---|---|---|');
  for (const r of p.rules.filter((x) => x.table === 'disposition')) {
    line(`| ${code(r.id)} | ${cell(r.condition)} | ${code(r.outcome)} | ${cell(r.reason)} | ${cell(r.sources.map((s) => s.title).join('; '))} |`);
  }

  line();
  line('## Gate rules (self-care only)');
  line();
  line('| rule | condition | gate | reason | sources |');
  line('|---|---|---|---|---|');
  for (const r of p.rules.filter((x) => x.table === 'gate')) {
    line(`| ${code(r.id)} | ${cell(r.condition)} | ${code(r.outcome)} | ${cell(r.reason)} | ${cell(r.sources.map((s) => s.title).join('; '))} |`);
  }

  const plan = c.plan;
  line();
  line('## The self-massage plan');
  line();
  line('| | `standard` | `gentle` |');
  line('|---|---|---|');
  const both = (f: (g: 'standard' | 'gentle') => string) => `${f('standard')} | ${f('gentle')}`;
  line(`| hold | ${both((g) => `${plan.limits[g].minHoldSeconds}-${plan.limits[g].maxHoldSeconds} s`)} |`);
  line(`| rounds | ${both((g) => `${plan.limits[g].minRounds}-${plan.limits[g].maxRounds}`)} |`);
  line(`| pressure at most | ${both((g) => `${plan.limits[g].maxPressure}/10`)} |`);
  line(`| session at most | ${both((g) => `${plan.limits[g].maxSessionMinutes} minutes`)} |`);
  line(`| dose used | ${both((g) => `${plan.dose[g].holdSeconds} s x ${plan.dose[g].rounds}, pressure ${plan.dose[g].pressure}`)} |`);
  line(`| positions | ${both((g) => plan.limits[g].positions.join(', '))} |`);
  line(`| foam roller on the back | ${both((g) => (plan.limits[g].foamRollerOnBack ? 'yes' : 'no'))} |`);
  line(`| frequency | ${both((g) => cell(plan.limits[g].frequency))} |`);
  line();
  line(`- ${plan.minSteps} to ${plan.maxSteps} steps, only with the patient's own tools; otherwise ${code(plan.fallbackTool)}, said in the tool note.`);
  line(`- Always the gentle dose on: ${plan.alwaysGentleAreas.map(code).join(', ')}. Never a foam roller on: ${plan.noFoamRollerAreas.map(code).join(', ')}. "The back": ${plan.backAreas.map(code).join(', ')}.`);
  if (plan.coverage.kind === 'neighbours') {
    line(`- Coverage: the painful regions' muscles in turn, completed from neighbouring regions: ${Object.entries(plan.coverage.neighbours).map(([r, n]) => `${code(r)} -> ${n.join(', ')}`).join('; ')}.`);
  } else {
    line(`- Coverage: every painful region gets a step on one of its areas, in the question's order, with ${code(plan.fallbackTool)} where the patient's tools cannot: ${Object.entries(plan.coverage.works).map(([r, a]) => `${code(r)}: ${a.join(', ')}`).join('; ')}.`);
  }
  line(`- Tool notes: "${plan.toolNotes.noTools}" / "${plan.toolNotes.unsuitable}"${plan.coverage.kind === 'everyRegion' ? ` / "${plan.coverage.fallbackNote}"` : ''}`);
  line();
  line('Steps, in order of preference within each region:');
  line();
  line('| step | regions | area | muscle | tools (position) | sources |');
  line('|---|---|---|---|---|---|');
  for (const t of plan.techniques) {
    line(`| ${code(t.id)} | ${t.regions.join(', ')} | ${code(t.area)} | ${cell(t.muscle)} | ${t.variants.map((v) => `${v.tool} (${v.position})`).join(', ')}${t.standardOnly ? '; standard gate only' : ''} | ${cell(cite(t.sources))} |`);
  }
  line();
  line('Stop rules on every plan:');
  line();
  for (const s of plan.stopRules) line(`- ${code(s.id)}: ${s.text}`);
  line();
  line('Keep active, on every plan:');
  line();
  for (const k of plan.keepActive) line(`- ${k}`);

  line();
  line('## Advice and safety net');
  line();
  for (const [d, advice] of Object.entries(c.advice)) line(`- ${code(d)}: ${advice.join(' ')}`);
  line();
  line('Safety net on every outcome:');
  line();
  for (const s of c.safetyNet) line(`- ${code(s.id)}: ${s.text}`);

  line();
  line('## Sources');
  line();
  line('| id | title | publisher |');
  line('|---|---|---|');
  for (const s of Object.values(c.sources)) line(`| ${code(s.id)} | ${cell(s.title)} | ${cell(s.publisher)} |`);
  return `${out.join('\n')}\n`;
}
