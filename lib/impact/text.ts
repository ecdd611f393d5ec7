import type { OutcomeChange } from './classify';
import type { ImpactSummary, MovedInterview } from './summary';

const n = (value: number) => value.toLocaleString('en-US');

/** What each change means, in the words the command line and the portal use. */
export const CHANGE_WORDS: Record<OutcomeChange, string> = {
  same: 'same outcome',
  escalated: 'escalated (more urgent)',
  'de-escalated': 'de-escalated (less urgent)',
  gate_changed: 'same disposition, other massage gate',
  plan_changed: 'same disposition and gate, other plan steps',
  cannot_tell: 'cannot tell (a question it would ask was not answered)',
};

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // Text left, numbers right, as a reader scans them.
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].map((l) => `  ${l}`);
}

function moved(title: string, list: readonly MovedInterview[]): string[] {
  if (list.length === 0) return [`${title}: none.`];
  return [`${title}, most serious first:`, ...list.map((m) => `  ${m.code}  ${m.from} -> ${m.to}`)];
}

/** The readable summary `npm run protocol:impact` prints without --json. */
export function impactText(s: ImpactSummary): string {
  const period = s.since || s.until ? `, created ${s.since ?? 'from the start'} to ${s.until ?? 'today'} (UTC)` : '';
  const lines = [`Impact of ${s.to} on ${n(s.interviews)} finished interview(s) stored under ${s.from}${period}.`, ''];
  if (s.interviews === 0) return `${lines[0]}\n`;
  lines.push(...table(['change', 'interviews'], Object.entries(s.changes).map(([c, k]) => [`${c}: ${CHANGE_WORDS[c as OutcomeChange]}`, n(k)])), '');
  lines.push(...table([`disposition ${s.from} -> ${s.to}`, 'interviews'], Object.entries(s.dispositions).map(([p, k]) => [p, n(k)])), '');
  const rules = Object.entries(s.rules);
  lines.push(
    ...(rules.length === 0
      ? ['No rule starts or stops firing.']
      : ['Rules that start or stop firing:', ...table(['rule', 'starts', 'stops'], rules.map(([id, r]) => [id, n(r.starts), n(r.stops)]))]),
    '',
  );
  lines.push(...moved('Escalated', s.escalated), '', ...moved('De-escalated', s.deEscalated));
  const missing = Object.entries(s.missing);
  if (missing.length > 0) {
    lines.push('', `Cannot tell, by the question ${s.to} would ask that has no acceptable answer:`, ...table(['question', 'interviews'], missing.map(([q, k]) => [q, n(k)])));
  }
  return `${lines.join('\n')}\n`;
}
