/**
 * Writes every supported version, resolved, in words: docs/protocol/<version>.md. Run after changing or adding a
 * version, and commit the result; the test suite fails while a file differs from the data.
 *
 *   npm run protocol:docs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { protocolInWords } from '../lib/protocol/in-words';
import { VERSIONS } from '../lib/protocol/versions';

const dir = fileURLToPath(new URL('../docs/protocol/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const p of VERSIONS) {
  writeFileSync(`${dir}${p.id}.md`, protocolInWords(p));
  process.stdout.write(`docs/protocol/${p.id}.md\n`);
}
