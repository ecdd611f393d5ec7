import 'server-only';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { storableText } from '@/lib/text';
import { getDb, type Db } from '../db/client';
import { auditEvents } from '../db/schema';
import { day, decodeCursor, encodeCursor, parseWith, type ParamsInput, type Parsed } from './clinician/params';

/** A database handle or an open transaction: an audited change writes its audit row in the same transaction. */
export type Queryable = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'login.throttled',
  'logout',
  'interview.viewed',
  'interview.exported',
  'queue.exported',
  'review.added',
  'account.created',
  'account.disabled',
  'account.enabled',
  'interview.deleted_by_patient',
  'retention.purged',
  'storage.compacted',
  'protocol_versions.viewed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  action: AuditAction;
  /** Who: a clinician, or null for the patient, the system or an anonymous caller. */
  actor?: { id: string; email: string } | null;
  /** From where: the client address, or null when it is not kept (a patient's own deletion). */
  address?: string | null;
  targetType?: 'interview' | 'clinician' | 'queue' | 'interviews' | 'protocol';
  targetId?: string | null;
  /** Counts, formats, filters, verdicts: never clinical content, never a secret. */
  detail?: Record<string, unknown>;
}

/** Appends one event. Nothing in the code updates or deletes audit rows, and the database refuses it anyway. */
export async function audit(event: AuditEvent, q?: Queryable): Promise<void> {
  const db = q ?? (await getDb());
  await db.insert(auditEvents).values({
    action: event.action,
    actorId: event.actor?.id ?? null,
    actorEmail: event.actor?.email ?? null,
    address: event.address ?? null,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    detail: event.detail ?? {},
  });
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  address: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilters {
  action?: AuditAction;
  /** The actor's email (exact, case-insensitive). */
  actor?: string;
  targetId?: string;
  from?: Date;
  /** Inclusive: the whole of this day. */
  to?: Date;
  cursor?: string;
  limit: number;
}

const auditFilterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS, { error: `action must be one of: ${AUDIT_ACTIONS.join(', ')}.` }).optional(),
  actor: storableText('actor', 'actor must be an email address.').max(320, { error: 'actor must be an email address.' }).transform((v) => v.trim().toLowerCase()).optional(),
  target: storableText('target', 'target must be an id.').max(100, { error: 'target must be an id.' }).optional(),
  from: day('from').optional(),
  to: day('to').optional(),
  cursor: z.string().max(200, { error: 'cursor is not one this server gave out.' }).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number from 1 to 200.' })
    .int({ error: 'limit must be a whole number.' })
    .min(1, { error: 'limit must be from 1 to 200.' })
    .max(200, { error: 'limit must be from 1 to 200.' })
    .default(50),
});

export function parseAuditFilters(input: ParamsInput): Parsed<AuditFilters> {
  const parsed = parseWith(auditFilterSchema, input);
  if (!parsed.ok) return parsed;
  const { target, ...rest } = parsed.value;
  if (rest.cursor !== undefined && decodeCursor(rest.cursor, cursorSchema) === undefined) {
    return { ok: false, message: 'cursor is not one this server gave out. Start again from the first page.' };
  }
  return { ok: true, value: { ...rest, targetId: target } };
}

const cursorSchema = z.object({ id: z.number().int() });
const DAY_MS = 86_400_000;

/** Newest first, keyset-paginated on the id. */
export async function listAudit(filters: AuditFilters): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const db = await getDb();
  const where: SQL[] = [];
  if (filters.action) where.push(eq(auditEvents.action, filters.action));
  if (filters.actor) where.push(eq(auditEvents.actorEmail, filters.actor.toLowerCase()));
  if (filters.targetId) where.push(eq(auditEvents.targetId, filters.targetId));
  if (filters.from) where.push(gte(auditEvents.at, filters.from));
  if (filters.to) where.push(lt(auditEvents.at, new Date(filters.to.getTime() + DAY_MS)));
  const after = filters.cursor ? decodeCursor(filters.cursor, cursorSchema) : undefined;
  if (after) where.push(lt(auditEvents.id, after.id));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      action: r.action,
      actorId: r.actorId,
      actorEmail: r.actorEmail,
      targetType: r.targetType,
      targetId: r.targetId,
      address: r.address,
      detail: (r.detail ?? {}) as Record<string, unknown>,
    })),
    nextCursor: rows.length > filters.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}
