// Build step: copies the committed CloudFormation registry table (server/data/registry, written by
// scripts/import-schemas.mjs) to dist/registry, where the bundles find it beside themselves.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const from = path.join(root, 'server', 'data', 'registry');
const to = path.join(root, 'dist', 'registry');
fs.mkdirSync(to, { recursive: true });
for (const f of fs.readdirSync(from)) {
  if (f.endsWith('.json')) fs.copyFileSync(path.join(from, f), path.join(to, f));
}
