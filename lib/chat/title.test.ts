import { describe, expect, it } from 'vitest';
import { progressLabel } from './progress';
import { chatTitle } from './title';

describe('chat page titles and progress', () => {
  it('counts questions from one, and stops promising a total past the usual length', () => {
    expect(progressLabel(0)).toBe('Question 1 of about 18');
    expect(progressLabel(17)).toBe('Question 18 of about 18');
    expect(progressLabel(18)).toBe('Question 19: nearly done');
  });

  it('names the outcome, the stop, and a refused answer', () => {
    expect(chatTitle({ step: 3, status: 'asking' }, false)).toBe('Question 4 of about 18');
    expect(chatTitle({ step: 3, status: 'asking' }, true)).toBe('Error: Question 4 of about 18');
    expect(chatTitle({ step: 1, status: 'declined' }, false)).toBe('Chat stopped');
    expect(
      chatTitle(
        {
          step: 4,
          status: 'complete',
          outcome: { disposition: 'emergency_ambulance', gate: 'none', rules: [], gateRules: [], advice: [], safetyNet: [] },
        },
        false,
      ),
    ).toBe('Call your emergency number now');
  });
});
