import 'server-only';
import { audit } from '../audit';
import { countInterviews, listInterviews, type QueueItem } from './queue';
import { filtersToQuery, type QueueFilters } from './queue-filters';
import type { Actor } from './types';

/**
 * One CSV cell. A cell a spreadsheet would run as a formula (starting = + - @, or a tab or carriage return that some
 * spreadsheets strip first) gets a leading apostrophe; cells with commas, quotes, line breaks or edge spaces are quoted.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join(' ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const QUEUE_CSV_COLUMNS = [
  'code',
  'interview_id',
  'created_at',
  'completed_at',
  'status',
  'disposition',
  'gate',
  'rules',
  'gate_rules',
  'protocol_version',
  'review_count',
  'last_verdict',
  'last_reviewed_at',
] as const;

function itemRow(i: QueueItem): string {
  return csvRow([
    i.code,
    i.id,
    i.createdAt,
    i.completedAt,
    i.status,
    i.disposition,
    i.gate,
    i.rules,
    i.gateRules,
    i.protocolVersion,
    i.reviewCount,
    i.lastVerdict,
    i.lastReviewedAt,
  ]);
}

const PAGE = 1000;

/**
 * The filtered queue as CSV, in queue order, streamed a page at a time so a large export never sits in memory. The
 * export is audited (filters and row count) before the first byte leaves.
 */
export async function queueCsv(all: Partial<QueueFilters>, by: Actor): Promise<ReadableStream<Uint8Array>> {
  const { cursor: _fromStart, limit: _everyRow, ...filters } = all;
  const rows = await countInterviews(filters);
  await audit({
    action: 'queue.exported',
    actor: by,
    address: by.address,
    targetType: 'queue',
    detail: { format: 'csv', filters: filtersToQuery(filters), rows },
  });
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A byte-order mark, so spreadsheets read the file as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(QUEUE_CSV_COLUMNS)}`));
        return;
      }
      const page = await listInterviews({ ...filters, cursor, limit: PAGE });
      if (page.items.length > 0) controller.enqueue(encoder.encode(page.items.map(itemRow).join('')));
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}

export function csvFileName(now = new Date()): string {
  return `knotwise-queue-${now.toISOString().slice(0, 10)}.csv`;
}
