import { describe, expect, it } from 'vitest';
import { UNTRUSTED_MAX, untrustedText } from './untrusted';

describe('untrustedText', () => {
  it('keeps an email as typed and writes every other character as its code', () => {
    expect(untrustedText('dr.who+kw@example.org')).toBe('dr.who+kw@example.org');
    expect(untrustedText('call 555\n<b>now</b>')).toBe('call\\u{20}555\\u{a}\\u{3c}b\\u{3e}now\\u{3c}\\u{2f}b\\u{3e}');
    expect(untrustedText('admin\u202e@x')).toBe('admin\\u{202e}@x');
    expect(untrustedText('…')).toBe('\\u{2026}');
  });

  it('is never longer than the bound, and says when it was cut', () => {
    const long = untrustedText('a'.repeat(500));
    expect(long).toBe(`${'a'.repeat(UNTRUSTED_MAX)}…`);
    const escaped = untrustedText(' '.repeat(100));
    expect(escaped.length).toBeLessThanOrEqual(UNTRUSTED_MAX + 1);
    expect(escaped.endsWith('…')).toBe(true);
    expect(escaped).not.toMatch(/\\u\{2?$/);
  });
});
