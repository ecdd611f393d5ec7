import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * zxcvbn's score 3 of 4: about 10^8 guesses or more. Together with scrypt and the sign-in throttle, out of reach of
 * online guessing, and of an offline attack on a stolen hash for a long while; below it are common passwords, words
 * with a digit, keyboard runs, repeats and the account's own email or name.
 */
export const MIN_PASSWORD_SCORE = 3;

// Building the dictionaries takes a few hundred milliseconds: once per process, when the first password is checked.
let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/** What the account itself gives away: its email, the parts of it, the person's name, and this service's name. */
function accountWords(account: { email?: unknown; name?: unknown }): string[] {
  const text = [account.email, account.name].filter((v): v is string => typeof v === 'string');
  return [...new Set([...text, ...text.flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u)), 'knotwise', 'clinician'])].filter(
    (w) => w.length > 2,
  );
}

/**
 * Why this password is too easy to guess, in words a person can act on; undefined when it is strong enough.
 * The estimate counts the email and name as guessed first, so a password made of them scores low.
 */
export function passwordWeakness(password: string, account: { email?: unknown; name?: unknown }): string | undefined {
  const result = zxcvbn().check(password, accountWords(account));
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const why = result.feedback.warning ?? 'It is close to passwords that attackers try first.';
  return [
    `password is too easy to guess: ${why}`,
    ...result.feedback.suggestions,
    'Four or more unrelated words, like a short odd sentence, are strong and easy to pass on.',
  ].join(' ');
}
