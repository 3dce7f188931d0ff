// Compacts @aws-cdk/aws-service-spec (CloudFormation resource types, properties, attributes,
// allowed values) into dist/cfn-spec.json. Runs at build time only: loading the full database
// takes ~0.7 s and 40+ MB, the compact file loads in a few tens of ms.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'dist', 'cfn-spec.json');
const outDocs = path.join(root, 'dist', 'cfn-docs.json');
const pkgDir = path.dirname(require.resolve('@aws-cdk/aws-service-spec/package.json'));
const dbFile = path.join(pkgDir, 'db.json.gz');
const pkgVersion = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
const self = fs.statSync(new URL(import.meta.url)).mtimeMs;

if (fs.existsSync(out) && fs.existsSync(outDocs)) {
  const st = fs.statSync(out);
  if (st.mtimeMs > fs.statSync(dbFile).mtimeMs && st.mtimeMs > self) {
    console.log(`cfn-spec.json is up to date (aws-service-spec ${pkgVersion})`);
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

const SIMPLE = { string: 's', integer: 'i', number: 'n', boolean: 'b', json: 'j', 'date-time': 'd', tag: 'tag' };
function type(t) {
  if (!t) return 'j';
  if (SIMPLE[t.type]) {
    if (t.type === 'string' && Array.isArray(t.allowedValues) && t.allowedValues.length) return ['e', ...t.allowedValues];
    return SIMPLE[t.type];
  }
  if (t.type === 'ref') return ['r', t.reference.$ref];
  if (t.type === 'array') return ['l', type(t.element)];
  if (t.type === 'map') return ['m', type(t.element)];
  if (t.type === 'union') return ['u', ...t.types.map(type)];
  return 'j';
}
function propType(p) {
  const cur = type(p.type);
  if (!p.previousTypes?.length) return cur;
  return ['u', cur, ...p.previousTypes.map(type)];
}
function props(ps, owner) {
  const o = {};
  for (const [name, p] of Object.entries(ps ?? {})) {
    const e = { t: propType(p) };
    if (p.required) e.r = 1;
    const d = doc(p.documentation, 240);
    if (d) docs[`${owner}.${name}`] = d;
    o[name] = e;
  }
  return o;
}

const resources = {};
const docs = {};
const usedTypes = new Set();
const collect = (t) => {
  if (!Array.isArray(t)) return;
  if (t[0] === 'r') usedTypes.add(t[1]);
  else if (t[0] !== 'e') t.slice(1).forEach(collect);
};
for (const r of Object.values(db.resource.entities)) {
  const t = r.cloudFormationType;
  const e = { p: props(r.properties, t), a: {} };
  if (r.documentation) docs[t] = doc(r.documentation);
  for (const [name, a] of Object.entries(r.attributes ?? {})) {
    e.a[name] = type(a.type);
    const d = doc(a.documentation, 240);
    if (d) docs[`${t}@${name}`] = d;
  }
  resources[r.cloudFormationType] = e;
}
const types = {};
for (const t of Object.values(db.typeDefinition.entities)) {
  const id = t.$id;
  types[id] = { n: t.name, p: props(t.properties, `#${id}`) };
}
// Trim type definitions no resource reaches (keeps the file small).
for (const r of Object.values(resources)) for (const p of Object.values(r.p)) collect(p.t);
const queue = [...usedTypes];
while (queue.length) {
  const before = new Set(usedTypes);
  for (const p of Object.values(types[queue.pop()]?.p ?? {})) collect(p.t);
  for (const id of usedTypes) if (!before.has(id)) queue.push(id);
}
for (const id of Object.keys(types)) if (!usedTypes.has(id)) delete types[id];
for (const k of Object.keys(docs)) if (k.startsWith('#') && !usedTypes.has(k.slice(1, k.indexOf('.')))) delete docs[k];

// Chunk by service (AWS::S3, AWS::EC2, ...): the server parses only the small outer object at
// start-up and each service's chunk the first time a template uses it. Property type ids are
// qualified with their service so a chunk is self-contained.
const serviceOf = (type) => type.split('::').slice(0, 2).join('::');
const qualify = (svc, t) => {
  if (!Array.isArray(t)) return t;
  if (t[0] === 'r') return ['r', `${svc}#${t[1]}`];
  if (t[0] === 'e') return t;
  return [t[0], ...t.slice(1).map((x) => qualify(svc, x))];
};
const qualifyProps = (svc, ps) => Object.fromEntries(Object.entries(ps).map(([k, v]) => [k, { ...v, t: qualify(svc, v.t) }]));
const byService = new Map();
for (const [name, r] of Object.entries(resources)) {
  const svc = serviceOf(name);
  if (!byService.has(svc)) byService.set(svc, { r: {}, t: {} });
  byService.get(svc).r[name] = { p: qualifyProps(svc, r.p), a: r.a };
}
for (const [svc, chunk] of byService) {
  const reach = new Set();
  const visit = (t) => {
    if (!Array.isArray(t)) return;
    if (t[0] === 'r') {
      const id = t[1];
      if (reach.has(id)) return;
      reach.add(id);
      for (const p of Object.values(types[id]?.p ?? {})) visit(p.t);
    } else if (t[0] !== 'e') t.slice(1).forEach(visit);
  };
  for (const name of Object.keys(chunk.r)) for (const p of Object.values(resources[name].p)) visit(p.t);
  for (const id of reach) chunk.t[`${svc}#${id}`] = { n: types[id].n, p: qualifyProps(svc, types[id].p) };
}
const docChunks = new Map();
const addDoc = (svc, key, value) => {
  if (!docChunks.has(svc)) docChunks.set(svc, {});
  docChunks.get(svc)[key] = value;
};
for (const [k, v] of Object.entries(docs)) {
  if (k.startsWith('#')) {
    const id = k.slice(1, k.indexOf('.'));
    for (const [svc, chunk] of byService) if (chunk.t[`${svc}#${id}`]) addDoc(svc, `${svc}#${id}${k.slice(k.indexOf('.'))}`, v);
  } else addDoc(serviceOf(k), k, v);
}

fs.mkdirSync(path.dirname(out), { recursive: true });
const chunks = Object.fromEntries([...byService].map(([svc, c]) => [svc, JSON.stringify(c)]));
const json = JSON.stringify({ source: `@aws-cdk/aws-service-spec ${pkgVersion}`, names: Object.keys(resources).sort(), chunks });
fs.writeFileSync(out, json);
fs.writeFileSync(outDocs, JSON.stringify({ chunks: Object.fromEntries([...docChunks].map(([svc, c]) => [svc, JSON.stringify(c)])) }));
console.log(`wrote ${path.relative(root, out)}: ${Object.keys(resources).length} resource types, ${Object.keys(types).length} property types in ${byService.size} service chunks, ${(json.length / 1048576).toFixed(1)} MB`);
