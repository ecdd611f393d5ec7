import type { Disposition } from '@/lib/protocol/types';

/** Short names a clinician scans in a queue; the ids stay visible in exports and the audit log. */
const DISPOSITION_NAME: Record<Disposition, string> = {
  emergency_ambulance: 'Ambulance now',
  emergency: 'Emergency department',
  consultation_24: 'Doctor within 24 h',
  consultation: 'Book an appointment',
  self_care: 'Self-care plan',
};

export function dispositionName(disposition: string | null | undefined): string {
  if (!disposition) return 'No outcome';
  return (DISPOSITION_NAME as Record<string, string>)[disposition] ?? disposition;
}

const REVIEW_VERDICT_NAME: Record<string, string> = {
  agree: 'Agree with the outcome',
  over_triaged: 'Over-triaged (more urgent than needed)',
  under_triaged: 'Under-triaged (should have been more urgent)',
};

export function verdictName(verdict: string): string {
  return REVIEW_VERDICT_NAME[verdict] ?? verdict;
}

const STATUS_NAME: Record<string, string> = {
  in_progress: 'In progress',
  complete: 'Complete',
  declined: 'Declined consent',
};

export function statusName(status: string): string {
  return STATUS_NAME[status] ?? status;
}

// Server-rendered pages have no viewer time zone, so times are shown in UTC and say so.
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

const DATE_TIME_SECONDS = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
});

const DATE_ONLY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const DATE_WITH_YEAR = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** `precise` adds seconds: a patient's answers and a changed answer are often within the same minute. */
export function formatDateTime(value: Date | string, precise = false): string {
  return `${(precise ? DATE_TIME_SECONDS : DATE_TIME).format(toDate(value))} UTC`;
}

/** Day and month: for chart axes, where the year is in the title. */
export function formatShortDate(value: Date | string): string {
  return DATE_ONLY.format(toDate(value));
}

export function formatDate(value: Date | string): string {
  return DATE_WITH_YEAR.format(toDate(value));
}

export function isoString(value: Date | string): string {
  return toDate(value).toISOString();
}

const BUCKET_NAME: Record<string, string> = {
  in_progress: 'Not finished',
  declined: 'Declined consent',
};

/** A queue bucket: one of the five dispositions, or an interview that has none yet (unfinished, declined). */
export function bucketName(bucket: string): string {
  return BUCKET_NAME[bucket] ?? dispositionName(bucket);
}

/** Rule ids are snake_case for machines; R05_cauda_equina reads as "R05 cauda equina". */
export function ruleName(id: string): string {
  return id.replace(/_/g, ' ');
}

const GATE_NAME: Record<string, string> = {
  none: 'No self-massage',
  gentle: 'Gentle (light pressure only)',
  standard: 'Standard pressure',
};

export function gateName(gate: string): string {
  return GATE_NAME[gate] ?? gate;
}
