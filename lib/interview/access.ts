import 'server-only';
import { hashToken, tokenMatches } from './tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Compared against when the interview does not exist, so a wrong id costs the same as a wrong token.
const NO_SUCH_HASH = hashToken('no such interview');

/** One refusal for a wrong token, an unknown id and a malformed id alike: none reveals which interviews exist. */
export const UNAUTHORIZED = {
  code: 'unauthorized',
  message: 'This interview could not be opened. Check the link or token, or start a new interview.',
} as const;

/** Reads only for a well-formed id, and always compares a token: the row if the token is its own. */
export async function authorised<T extends { tokenHash: string }>(
  id: string,
  token: string,
  read: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const row = UUID.test(id) ? await read() : undefined;
  return tokenMatches(token, row?.tokenHash ?? NO_SUCH_HASH) ? row : undefined;
}
