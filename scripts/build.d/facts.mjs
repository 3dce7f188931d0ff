// Build step: copies the committed fact tables the product reads lazily at runtime (server/data/facts,
// written by scripts/import-facts.mjs; read by server/src/core/facts/index.ts) into dist/, beside the bundles.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
for (const f of ['iam-actions.json']) {
  fs.copyFileSync(path.join(root, 'server', 'data', 'facts', f), path.join(root, 'dist', f));
}
