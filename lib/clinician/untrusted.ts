/** How much of a caller's text the audit log keeps. */
export const UNTRUSTED_MAX = 64;
const PLAIN = /^[A-Za-z0-9._+@-]$/u;

/**
 * Text anyone could have typed (the email on the sign-in form), in the one form the audit log stores it: letters,
 * digits and . _ + - @ as they are, every other character written as its code (\u{20} for a space, \u{a} for a line
 * break, \u{202e} for a right-to-left override), cut to UNTRUSTED_MAX characters with a closing "…" when longer.
 * Nobody can write a sentence, a line break or markup into an administrator's screen this way, yet a typo in a
 * colleague's email stays recognisable. The "…" itself cannot be typed: a typed one becomes \u{2026}.
 */
export function untrustedText(text: string): string {
  let out = '';
  for (const ch of text) {
    const shown = PLAIN.test(ch) ? ch : `\\u{${ch.codePointAt(0)!.toString(16)}}`;
    if (out.length + shown.length > UNTRUSTED_MAX) return `${out}…`;
    out += shown;
  }
  return out;
}
