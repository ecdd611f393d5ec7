import { sql, type SQL } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  smallint,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ALL_RULE_IDS } from '../lib/protocol/versions';

const RULE_ID = /^(R\d\d|G\d)_[a-z0-9_]+$/;

/**
 * "Rule `id` fired on this interview", as one fixed SQL text: the queue's partial indexes are defined with it and the
 * queue filters with it, so PostgreSQL can match the two. Gate rules live in the outcome (self_care only).
 */
export function ruleFired(id: string): SQL {
  if (!RULE_ID.test(id)) throw new Error(`Not a rule id: ${id}`);
  return id.startsWith('G')
    ? sql.raw(`("interviews"."outcome" -> 'gateRules') @> '["${id}"]'::jsonb`)
    : sql.raw(`"interviews"."rules" @> ARRAY['${id}']::text[]`);
}

/** One patient interview. The answers in `transcript_entries` are the source of truth; the rest is derived. */
export const interviews = pgTable(
  'interviews',
  {
    id: uuid('id').primaryKey(),
    /** Short human-readable reference the patient can read out, e.g. BK7-F3Q-92X. */
    code: text('code').notNull(),
    /** SHA-256 of the patient's secret token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    protocolVersion: text('protocol_version').notNull(),
    locale: text('locale').notNull().default('en'),
    status: text('status', { enum: ['in_progress', 'complete', 'declined'] }).notNull(),
    /** Answers accepted so far (the current turn's step). */
    step: integer('step').notNull().default(0),
    /**
     * Bumped by every change to the answers. A writer commits only if the version it read is still current, so two
     * servers answering the same step cannot both win, without holding a lock across round trips. `step` cannot
     * serve: a revision moves it back, and the same step can then be reached again with different answers.
     */
    version: integer('version').notNull().default(0),
    disposition: text('disposition'),
    gate: text('gate'),
    /** Disposition rule ids that fired, for filtering. */
    rules: text('rules').array(),
    outcome: jsonb('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /**
     * The clinician queue's sort key, higher = more urgent: emergency_ambulance 6 ... self_care 2, then unfinished
     * (1) and declined (0). Descending on (urgency, created_at, id) is "most urgent, then newest", all one direction,
     * so keyset pagination is a single row comparison that an index can serve.
     */
    urgency: smallint('urgency')
      .notNull()
      .generatedAlwaysAs(
        sql`case disposition when 'emergency_ambulance' then 6 when 'emergency' then 5 when 'consultation_24' then 4 when 'consultation' then 3 when 'self_care' then 2 else case status when 'in_progress' then 1 else 0 end end`,
      ),
  },
  (t) => [
    uniqueIndex('interviews_code_key').on(t.code),
    index('interviews_created_at_idx').on(t.createdAt),
    index('interviews_queue_idx').on(t.urgency, t.createdAt, t.id),
    // One small partial index per rule, in queue order: "rule R fired" filters walk it instead of skipping through
    // every more urgent interview first (a GIN index cannot return rows in queue order).
    ...ALL_RULE_IDS.map((id) =>
      index(`interviews_rule_${id.toLowerCase()}_idx`).on(t.urgency, t.createdAt, t.id).where(ruleFired(id)),
    ),
  ],
);

/**
 * The append-only transcript: every question as shown and every answer as given. Rows are never deleted or
 * rewritten while the interview exists; a changed answer is marked superseded, with the time.
 */
export const transcriptEntries = pgTable(
  'transcript_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['assistant', 'patient'] }).notNull(),
    questionId: text('question_id').notNull(),
    /** The question's index in the interview: a question and its answer share a step. */
    step: integer('step').notNull(),
    /** The words shown: the question's prompt, or the answer's labels. */
    text: text('text').notNull(),
    value: jsonb('value'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    index('transcript_interview_idx').on(t.interviewId, t.id),
    // The database itself refuses a second live answer (or question) at one step, whatever the app servers do.
    uniqueIndex('transcript_live_entry_key')
      .on(t.interviewId, t.role, t.step)
      .where(sql`${t.supersededAt} is null`),
  ],
);

export type InterviewRow = typeof interviews.$inferSelect;
export type TranscriptRow = typeof transcriptEntries.$inferSelect;

// ---------------------------------------------------------------------------------------------------------------
// Clinician portal

/** Accounts are disabled, never deleted, so reviews and the audit trail keep naming a real person. */
export const clinicians = pgTable(
  'clinicians',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; the check constraint keeps a mixed-case duplicate from slipping past the unique index. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['clinician', 'admin'] }).notNull().default('clinician'),
    /** scrypt$N$r$p$salt$hash (base64url): the parameters travel with the hash so they can be raised later. */
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('clinicians_email_key').on(t.email),
    check('clinicians_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

/** A signed-in browser or script. Only the SHA-256 of the token is kept. */
export const clinicianSessions = pgTable(
  'clinician_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    clinicianId: uuid('clinician_id')
      .notNull()
      .references(() => clinicians.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    address: text('address'),
  },
  (t) => [index('clinician_sessions_clinician_idx').on(t.clinicianId)],
);

/** Failed sign-ins, counted per email and per client address over a sliding window. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    address: text('address').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_email_idx').on(t.email, t.at), index('login_failures_address_idx').on(t.address, t.at)],
);

export const REVIEW_VERDICTS = ['agree', 'over_triaged', 'under_triaged'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** A clinician's judgement of an interview's disposition. Deleted with the interview (retention, self-delete). */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    clinicianId: uuid('clinician_id')
      .notNull()
      .references(() => clinicians.id),
    verdict: text('verdict', { enum: REVIEW_VERDICTS }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reviews_interview_idx').on(t.interviewId, t.createdAt),
    check('reviews_note_length', sql`char_length(${t.note}) <= 2000`),
  ],
);

/**
 * Who did what, to what, when and from where. Append-only: a trigger in migration 0001 rejects UPDATE, DELETE and
 * TRUNCATE. No foreign keys, so purging interviews or anything else never touches it.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    /** Copied at the time, so the record stands on its own. */
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    address: text('address'),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at, t.id),
    index('audit_events_action_idx').on(t.action, t.at),
    index('audit_events_actor_idx').on(t.actorEmail, t.at),
    index('audit_events_target_idx').on(t.targetId),
  ],
);

export type ClinicianRow = typeof clinicians.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type AuditRow = typeof auditEvents.$inferSelect;
