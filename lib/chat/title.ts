import type { Turn } from '../interview/present';
import { DISPOSITION_TITLE } from '../protocol/labels';
import { progressLabel } from './progress';

/** The chat page's <title>: where the patient is, and whether their last answer was refused. */
export function chatTitle(turn: Turn, refused: boolean): string {
  const where =
    turn.status === 'asking'
      ? progressLabel(turn.step)
      : turn.status === 'complete' && turn.outcome
        ? DISPOSITION_TITLE[turn.outcome.disposition]
        : 'Chat stopped';
  return refused ? `Error: ${where}` : where;
}
