import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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
    disposition: text('disposition'),
    gate: text('gate'),
    /** Disposition rule ids that fired, for filtering. */
    rules: text('rules').array(),
    outcome: jsonb('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('interviews_code_key').on(t.code),
    index('interviews_created_at_idx').on(t.createdAt),
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
