// Writes dist/docs/: the documentation text of CloudFormation resource types, their
// properties and attributes, from @aws-cdk/aws-service-spec, for hovers and completion items.
// Text only: every fact (types, properties, required, allowed values, attributes) comes from the
// committed registry table (server/data/registry). Runs at build time; nothing here is committed.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'dist', 'docs');
const outDocs = path.join(outDir, 'index.json');
const pkgDir = path.dirname(require.resolve('@aws-cdk/aws-service-spec/package.json'));
const dbFile = path.join(pkgDir, 'db.json.gz');
const pkgVersion = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
const self = fs.statSync(new URL(import.meta.url)).mtimeMs;

// The property/attribute table this script used to write is gone (the registry replaced it), and
// the documentation moved from one file to one per service.
for (const old of ['cfn-spec.json', 'cfn-docs.json']) fs.rmSync(path.join(root, 'dist', old), { force: true });
if (fs.existsSync(outDocs)) {
  const st = fs.statSync(outDocs);
  if (st.mtimeMs > fs.statSync(dbFile).mtimeMs && st.mtimeMs > self) {
    console.log(`dist/docs is up to date (aws-service-spec ${pkgVersion})`);
    process.exit(0);
  }
}

const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(dbFile))).schema;

/** First paragraph, markdown links reduced to their text, bounded length. */
function doc(s, max = 320) {
  if (!s) return undefined;
  let p = s.split(/\n\s*\n/)[0].replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  if (p.length > max) p = p.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
  return p || undefined;
}

/** Type definition ids a property type refers to (through lists, maps and unions). */
function refsOf(t, out) {
  if (!t) return;
  if (t.type === 'ref') out.push(t.reference.$ref);
  else if (t.type === 'array' || t.type === 'map') refsOf(t.element, out);
  else if (t.type === 'union') t.types.forEach((x) => refsOf(x, out));
}

const typeDefs = Object.fromEntries(Object.values(db.typeDefinition.entities).map((d) => [d.$id, d]));
// Keyed by service (`AWS::S3`) so the server parses one service's text at a time. A nested
// type's properties are keyed by the resource and the type's name, which is the name of the
// registry schema's definition (`AWS::S3::Bucket#BucketEncryption.ServerSideEncryptionConfiguration`).
const byService = new Map();
const add = (type, key, text) => {
  if (!text) return;
  const svc = type.split('::').slice(0, 2).join('::');
  if (!byService.has(svc)) byService.set(svc, {});
  byService.get(svc)[key] = text;
};
let entries = 0;
for (const r of Object.values(db.resource.entities)) {
  const t = r.cloudFormationType;
  add(t, t, doc(r.documentation));
  const queue = [];
  for (const [name, p] of Object.entries(r.properties ?? {})) {
    add(t, `${t}.${name}`, doc(p.documentation, 240));
    refsOf(p.type, queue);
  }
  for (const [name, a] of Object.entries(r.attributes ?? {})) add(t, `${t}@${name}`, doc(a.documentation, 240));
  const seen = new Set();
  while (queue.length) {
    const id = queue.pop();
    if (seen.has(id) || !typeDefs[id]) continue;
    seen.add(id);
    for (const [name, p] of Object.entries(typeDefs[id].properties ?? {})) {
      add(t, `${t}#${typeDefs[id].name}.${name}`, doc(p.documentation, 240));
      refsOf(p.type, queue);
    }
  }
}
for (const c of byService.values()) entries += Object.keys(c).length;

// One file per service, like the registry table: a hover reads only its service's text.
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
let bytes = 0;
for (const [svc, c] of byService) {
  const text = JSON.stringify(c);
  bytes += text.length;
  fs.writeFileSync(path.join(outDir, `${svc.replace('::', '-')}.json`), text);
}
// Written last: its date tells the next build the folder is complete.
fs.writeFileSync(outDocs, JSON.stringify({ source: `@aws-cdk/aws-service-spec ${pkgVersion}`, services: [...byService.keys()].sort() }));
console.log(`wrote ${path.relative(root, outDir)}: ${entries} documentation entries in ${byService.size} service files, ${(bytes / 1048576).toFixed(1)} MB`);
