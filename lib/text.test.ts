import { describe, expect, it } from 'vitest';
import { isStorableText, storableText } from './text';

describe('storable text', () => {
  it('accepts ordinary text, accents and emoji (surrogate pairs)', () => {
    for (const s of ['', 'Dr Aoife O’Brien', 'naïve café', 'back pain 😣', '<script>alert(1)</script>']) expect(isStorableText(s), s).toBe(true);
  });

  it('refuses NUL and lone surrogates, which PostgreSQL cannot store', () => {
    for (const s of ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '😣'.slice(0, 1)]) expect(isStorableText(s), JSON.stringify(s)).toBe(false);
  });

  it('names the field and says what to do', () => {
    const parsed = storableText('note', 'note must be text.').safeParse('a\u0000b');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/^note contains a character that cannot be stored .*remove it/);
    expect(storableText('note', 'note must be text.').safeParse(3).error?.issues[0]?.message).toBe('note must be text.');
  });
});
