import { describe, expect, it } from 'vitest';
import { day } from './params';

describe('day', () => {
  it('reads YYYY-MM-DD as midnight UTC', () => {
    expect(day('from').parse('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('refuses impossible dates and dates outside 1900-2999 with a message naming the field', () => {
    for (const v of ['2026-02-30', '26-03-01', '0000-01-01', '1899-12-31', '3000-01-01', '9999-12-31']) {
      const parsed = day('to').safeParse(v);
      expect(parsed.success, v).toBe(false);
      expect(parsed.error?.issues[0]?.message, v).toMatch(/^to must be a date/);
    }
    expect(day('to').safeParse('2999-12-31').success).toBe(true);
  });
});
