import { describe, expect, it } from 'vitest';
import type { Entry } from '../interview/present';
import { changedAnswers, liveExchanges } from './exchanges';

const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const asked = (questionId: string, text: string, minute: number, supersededAt?: string): Entry => ({
  at: at(minute),
  role: 'assistant',
  questionId,
  text,
  ...(supersededAt ? { supersededAt } : {}),
});
const answered = (questionId: string, text: string, minute: number, supersededAt?: string): Entry => ({
  at: at(minute),
  role: 'patient',
  questionId,
  text,
  value: text,
  ...(supersededAt ? { supersededAt } : {}),
});

describe('liveExchanges', () => {
  it('pairs each question with its answer and leaves out the question still being asked', () => {
    const transcript = [asked('consent', 'Go on?', 0), answered('consent', 'Yes', 1), asked('age_years', 'How old?', 1)];
    expect(liveExchanges(transcript)).toEqual([{ questionId: 'consent', prompt: 'Go on?', answer: 'Yes' }]);
  });

  it('after a revision, keeps only live answers, the re-asked question pairing with its new answer', () => {
    const revisedAt = at(5);
    const transcript = [
      asked('consent', 'Go on?', 0),
      answered('consent', 'Yes', 1),
      asked('age_years', 'How old?', 1),
      answered('age_years', '40', 2, revisedAt),
      asked('pain_region', 'Where?', 2, revisedAt),
      answered('pain_region', 'Neck', 3, revisedAt),
      asked('emergency_signs', 'Any of these?', 3, revisedAt),
      answered('age_years', '70', 6),
      asked('pain_region', 'Where?', 6),
    ];
    expect(liveExchanges(transcript)).toEqual([
      { questionId: 'consent', prompt: 'Go on?', answer: 'Yes' },
      { questionId: 'age_years', prompt: 'How old?', answer: '70' },
    ]);
    expect(changedAnswers(transcript)).toEqual([
      { prompt: 'How old?', answer: '40', at: at(2), supersededAt: revisedAt },
      { prompt: 'Where?', answer: 'Neck', at: at(3), supersededAt: revisedAt },
    ]);
  });
});
