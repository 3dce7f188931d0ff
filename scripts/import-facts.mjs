#!/usr/bin/env node
// Compacts the fact tables cfn-lint ships (Lambda runtime lifecycle, IAM actions, stateful
// resource types) into the small JSON tables the product commits under server/data/facts/.
// Usage: node scripts/import-facts.mjs <folder holding lambda-runtime-lifecycle.json, iam-actions.json, stateful-resources.json> [--schemas <folder of aws-*.json>]
// With --schemas, the `lifecycle` of registry schemas (services AWS shut down or is shutting down) becomes resource-lifecycle.json.
// The product never reads the source folder; rerun this script to refresh the committed tables.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'server', 'data', 'facts');
const argv = process.argv.slice(2);
const schemasAt = argv.indexOf('--schemas');
const schemas = schemasAt >= 0 ? argv.splice(schemasAt, 2)[1] : undefined;
const src = argv[0];
if (!src || !fs.existsSync(src)) {
  console.error('usage: node scripts/import-facts.mjs <facts folder>');
  process.exit(2);
}
const read = (f) => JSON.parse(fs.readFileSync(path.join(src, f), 'utf8'));
const SOURCE = 'cfn-lint 1.51.0 data files (MIT-0), compacted by scripts/import-facts.mjs';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function write(name, table) {
  const file = path.join(outDir, name);
  const text = JSON.stringify(table) + '\n';
  if (text.length >= 1024 * 1024) throw new Error(`${name} would be ${text.length} bytes; the tables must stay under 1 MB`);
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(root, file)} (${text.length} bytes)`);
}

// Runtime → [deprecated, create-block, update-block, successor | null], dates as YYYY-MM-DD.
const runtimes = {};
for (const [name, r] of Object.entries(read('lambda-runtime-lifecycle.json')).sort(([a], [b]) => a.localeCompare(b))) {
  for (const k of ['deprecated', 'create-block', 'update-block']) {
    if (!DATE.test(r[k] ?? '')) throw new Error(`runtime ${name}: ${k} is not a date`);
  }
  runtimes[name] = [r.deprecated, r['create-block'], r['update-block'], r.successor ?? null];
}
write('lambda-runtimes.json', { source: SOURCE, fields: ['deprecated', 'createBlock', 'updateBlock', 'successor'], runtimes });

// Service prefix → its action names (lower case, space separated: the resource types are not needed).
const services = {};
for (const [prefix, s] of Object.entries(read('iam-actions.json')).sort(([a], [b]) => a.localeCompare(b))) {
  const actions = Object.keys(s.Actions ?? {}).map((a) => a.toLowerCase()).sort();
  services[prefix.toLowerCase()] = [...new Set(actions)].join(' ');
}
write('iam-actions.json', { source: SOURCE, services });

// Resource types whose replacement or deletion loses data.
const stateful = read('stateful-resources.json').ResourceTypes ?? {};
write('stateful-resources.json', {
  source: SOURCE,
  types: Object.keys(stateful).sort(),
  deleteRequiresEmpty: Object.keys(stateful).filter((t) => stateful[t]?.DeleteRequiresEmptyResource).sort(),
});

// Resource type → [status, date | null] for types whose service is shut down or being shut down.
if (schemas) {
  const types = {};
  for (const f of fs.readdirSync(schemas).filter((x) => /^aws-.*\.json$/.test(x)).sort()) {
    const d = JSON.parse(fs.readFileSync(path.join(schemas, f), 'utf8'));
    const l = d.lifecycle;
    if (!d.typeName || !l || !['shutdown', 'sunset'].includes(l.status)) continue;
    if (l.date !== undefined && !DATE.test(l.date)) throw new Error(`${d.typeName}: lifecycle date is not a date`);
    types[d.typeName] = [l.status, l.date ?? null];
  }
  write('resource-lifecycle.json', { source: 'CloudFormation registry schemas (lifecycle), as packaged by cfn-lint 1.51.0 (MIT-0); compacted by scripts/import-facts.mjs', fields: ['status', 'date'], types });
}
