// Build step: copies the committed CloudFormation registry table (server/data/registry, written by
// scripts/import-schemas.mjs) to dist/registry, where the bundles find it beside themselves. Each
// service's types become one line each (`<service>.types`, a line `["AWS::EC2::VPC",{…}]`), so the
// first lint decodes just the types a template uses, not all of EC2's 246 KB
// (server/src/core/schema/registry.ts reads them).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const from = path.join(root, 'server', 'data', 'registry');
const to = path.join(root, 'dist', 'registry');
fs.rmSync(to, { recursive: true, force: true });
fs.mkdirSync(to, { recursive: true });
for (const f of fs.readdirSync(from)) {
  if (!f.endsWith('.json')) continue;
  const text = fs.readFileSync(path.join(from, f), 'utf8');
  const types = JSON.parse(text).types;
  // index.json (a list of names) and sam.json (one schema) are read whole.
  if (!types || Array.isArray(types)) fs.writeFileSync(path.join(to, f), text);
  else fs.writeFileSync(path.join(to, `${f.slice(0, -'.json'.length)}.types`), `\n${Object.entries(types).map((e) => JSON.stringify(e)).join('\n')}\n`);
}
