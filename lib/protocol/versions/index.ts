import type { Protocol } from '../define';
import type { QuestionKind } from '../model';
import type { QuestionId } from '../types';
import { bp1 } from './bp-1';
import { bp2 } from './bp-2';

/** Every version this build supports, oldest first. A released version stays here for as long as interviews use it. */
export const VERSIONS: readonly Protocol[] = [bp1, bp2];

export const VERSION_IDS = VERSIONS.map((v) => v.id) as [string, ...string[]];

/** New interviews use the newest version unless the deployment pins another (PROTOCOL_VERSION). */
export const NEWEST_VERSION = VERSION_IDS.at(-1)!;

export function isVersionId(id: string): boolean {
  return VERSION_IDS.includes(id);
}

/** The version with this id; throws for an id this build does not support (stored data from a newer build). */
export function protocolFor(id: string): Protocol {
  const version = VERSIONS.find((v) => v.id === id);
  if (!version) throw new Error(`Protocol version "${id}" is not supported by this build (supported: ${VERSION_IDS.join(', ')}).`);
  return version;
}

/** A question's kind. Question ids keep their meaning across versions, so any version that has it can say. */
export function questionKind(id: string): QuestionKind | undefined {
  const version = VERSIONS.find((v) => v.isQuestionId(id));
  return version?.question(id as QuestionId).kind;
}

/** Every rule id any supported version defines, in first-seen order: filters and indexes span versions. */
export const ALL_RULE_IDS: readonly string[] = [...new Set(VERSIONS.flatMap((v) => v.rules.map((r) => r.id)))];
