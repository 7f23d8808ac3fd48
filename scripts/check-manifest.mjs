// Fails when custom-elements.json is stale: analyzes src/ again in memory (same config as
// `npm run analyze`) and compares the result with the committed file.
// Fix with `npm run analyze` and commit the result.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const fresh = await cli({ argv: ['analyze', '--quiet'], cwd: process.cwd(), noWrite: true });
const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
if (!isDeepStrictEqual(JSON.parse(JSON.stringify(fresh)), committed)) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
  process.exit(1);
}
const tags = committed.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
for (const tag of ['card-list', 'add-card-form', 'cvv-flip']) {
  if (!tags.includes(tag)) {
    console.error(`custom-elements.json does not list <${tag}>.`);
    process.exit(1);
  }
}
console.log(`custom-elements.json is fresh (${tags.length} elements: ${tags.join(', ')}).`);
