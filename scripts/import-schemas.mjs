#!/usr/bin/env node
// Imports CloudFormation registry resource schemas (AWS's own format: one JSON file per type, as in
// the per-region CloudformationSchema.zip) and the SAM schema into server/data/registry/: facts only
// (names, types, limits, patterns), no descriptions. The product reads only these committed files.
//
//   node scripts/import-schemas.mjs <folder-or-CloudformationSchema.zip> [--sam <sam folder>] [--facts <facts folder>]
//
// <folder> holds aws-*.json files; beside it, optional sam/ (sam.schema.json, policy_templates.json)
// and facts/managed-policies.json are picked up too (or pass --sam / --facts).
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'server', 'data', 'registry');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const samOpt = opt('--sam');
const factsOpt = opt('--facts');
let input = args[0];
if (!input) {
  console.error('usage: node scripts/import-schemas.mjs <folder of aws-*.json | CloudformationSchema.zip> [--sam dir] [--facts dir]');
  process.exit(2);
}
input = path.resolve(input);
let schemaDir = input;
if (input.endsWith('.zip')) {
  schemaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-schemas-'));
  execFileSync('unzip', ['-q', '-o', input, '-d', schemaDir]);
}
// A folder like ../shared/cfn-schemas holds the region folder, sam/ and facts/ side by side.
const regionDirs = fs.readdirSync(schemaDir, { withFileTypes: true }).filter((d) => d.isDirectory() && /^[a-z]{2}(-[a-z]+)+-\d$/.test(d.name));
const base = regionDirs.length ? schemaDir : path.dirname(schemaDir);
if (regionDirs.length) schemaDir = path.join(schemaDir, regionDirs.find((d) => d.name === 'us-east-1')?.name ?? regionDirs[0].name);
const samDir = samOpt ?? path.join(base, 'sam');
const factsDir = factsOpt ?? path.join(base, 'facts');

// JSON Schema keywords the validator uses; everything else (descriptions, handlers, tagging, ...) is dropped.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_LISTS = new Set(['oneOf', 'anyOf', 'allOf', 'prefixItems']);
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'if', 'then', 'else', 'not', 'contains']);
const FACTS = new Set([
  '$ref', 'type', 'required', 'enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
  'dependentRequired', 'dependentExcluded', 'requiredXor', 'requiredOr', 'enumCaseInsensitive', 'dependencies',
]);
let droppedPatterns = 0;

function jsPattern(raw) {
  // Registry patterns are written for Python/Java: translate their anchors and group names, then
  // keep only those JavaScript reads the same way.
  const p = raw.replace(/\\Z|\\z/g, '$').replace(/\\A/g, '^').replace(/\(\?P</g, '(?<');
  if (/\\[ZzAG]|\(\?[imsx]/.test(p)) {
    droppedPatterns++;
    return undefined;
  }
  for (const flags of ['u', '']) {
    try {
      new RegExp(p, flags);
      return p;
    } catch {
      /* try the next flag set */
    }
  }
  droppedPatterns++;
  return undefined;
}

function compact(s) {
  if (Array.isArray(s)) return s.map(compact);
  if (!s || typeof s !== 'object') return s;
  const o = {};
  for (const k of Object.keys(s).sort()) {
    const v = s[k];
    if (k === 'patternProperties' && v && typeof v === 'object') {
      const keys = Object.keys(v).map((n) => [jsPattern(n), v[n]]);
      o[k] = Object.fromEntries(keys.filter(([n]) => n !== undefined).map(([n, d]) => [n, compact(d)]));
      // A key pattern we cannot read would make its keys look unknown: accept any key instead.
      if (keys.some(([n]) => n === undefined)) o.additionalProperties = true;
    } else if (SCHEMA_MAPS.has(k) && v && typeof v === 'object') o[k] = Object.fromEntries(Object.keys(v).map((n) => [n, compact(v[n])]));
    else if (SCHEMA_LISTS.has(k) && Array.isArray(v)) o[k] = v.map(compact);
    else if (SCHEMA_ONE.has(k)) {
      if (!(k === 'additionalProperties' && o[k] === true)) o[k] = typeof v === 'object' ? compact(v) : v;
    }
    else if (k === 'pattern') {
      const p = typeof v === 'string' ? jsPattern(v) : undefined;
      if (p !== undefined) o[k] = p;
    } else if (k === 'dependencies' && v && typeof v === 'object') {
      o[k] = Object.fromEntries(Object.entries(v).map(([n, d]) => [n, Array.isArray(d) ? d : compact(d)]));
    } else if (FACTS.has(k)) o[k] = v;
  }
  return o;
}

/** `$ref`s used anywhere under a schema, to keep only the definitions a type reaches. */
function refs(s, out = new Set()) {
  if (Array.isArray(s)) s.forEach((x) => refs(x, out));
  else if (s && typeof s === 'object') for (const [k, v] of Object.entries(s)) k === '$ref' && typeof v === 'string' ? out.add(v) : refs(v, out);
  return out;
}

// Types whose settable properties GetAtt also reads (CloudFormation's older resources): facts kept
// beside this script because the schemas' readOnlyProperties do not say so.
const GETATT_EXTRAS = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'getatt-extras.json'), 'utf8'));

/** Read-only properties, plus every property (scalar leaves, dotted) of the types GetAtt reads whole. */
function getAttAttributes(raw, readOnly) {
  const out = new Set(readOnly);
  for (const name of GETATT_EXTRAS.alsoProperties[raw.typeName] ?? []) out.add(name);
  if (GETATT_EXTRAS.allProperties.includes(raw.typeName)) {
    const walk = (s, name, depth) => {
      const m = typeof s?.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(s.$ref) : null;
      if (m) return depth < 20 && walk(raw.definitions?.[m[1]], name, depth + 1);
      const types = [s?.type].flat();
      if (types.includes('object')) {
        for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${name}.${k}`, depth + 1);
      } else if (types.includes('array')) {
        // GetAtt does not reach into lists of objects or lists of lists.
        const it = [s.items?.type].flat();
        if (!it.includes('object') && !it.includes('array')) out.add(name);
      } else out.add(name);
    };
    for (const [k, v] of Object.entries(raw.properties ?? {})) walk(v, k, 0);
  }
  return [...out].sort();
}

function resourceEntry(raw) {
  const top = {};
  for (const k of ['properties', 'required', 'additionalProperties', 'oneOf', 'anyOf', 'allOf', 'dependentRequired', 'dependentExcluded', 'requiredXor', 'requiredOr', 'if', 'then']) {
    if (raw[k] !== undefined) top[k] = raw[k];
  }
  const e = compact(top);
  // Keep reachable definitions only.
  const defs = raw.definitions ?? {};
  const keep = new Set();
  const queue = [...refs(e)];
  while (queue.length) {
    const r = queue.pop();
    const m = /^#\/definitions\/(.+)$/.exec(r);
    if (!m || keep.has(m[1]) || !defs[m[1]]) continue;
    keep.add(m[1]);
    queue.push(...refs(defs[m[1]]));
  }
  if (keep.size) e.definitions = Object.fromEntries([...keep].sort().map((n) => [n, compact(defs[n])]));
  // Read-only properties are GetAtt attributes and must not be set in a template: `Endpoint.Address`.
  const ro = (raw.readOnlyProperties ?? []).map((p) => p.replace(/^\/properties\//, '').split('/').filter((x) => x !== '*').join('.'));
  if (ro.length) e.readOnly = [...new Set(ro)].sort();
  // What GetAtt also reads beyond the read-only properties (see getatt-extras.json).
  const more = getAttAttributes(raw, e.readOnly ?? []).filter((a) => !(e.readOnly ?? []).includes(a));
  if (more.length) e.getAtt = more;
  // A primary identifier the template sets (RoleName, BucketName, ...) must be unique per type.
  const pid = (raw.primaryIdentifier ?? []).map((p) => p.replace(/^\/properties\//, ''));
  if (pid.length && pid.every((p) => !p.includes('/') && raw.properties?.[p] && !ro.includes(p))) e.primaryIdentifier = pid;
  return e;
}

const serviceOf = (type) => type.split('::').slice(0, 2).join('::');
const fileOf = (svc) => `${svc.replace('::', '-')}.json`;
const files = fs.readdirSync(schemaDir).filter((f) => f.endsWith('.json')).sort();
const byService = new Map();
let source = `CloudFormation registry schemas (${files.length} types) from ${path.basename(input)}`;
const metaFile = path.join(base, 'README.md');
if (fs.existsSync(metaFile) && /cfn-lint (\d+\.\d+\.\d+)/.test(fs.readFileSync(metaFile, 'utf8'))) {
  source += `, as packaged with cfn-lint ${/cfn-lint (\d+\.\d+\.\d+)/.exec(fs.readFileSync(metaFile, 'utf8'))[1]}`;
}
for (const f of files) {
  const raw = JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8'));
  if (typeof raw.typeName !== 'string' || !raw.typeName.includes('::')) continue;
  const svc = serviceOf(raw.typeName);
  if (!byService.has(svc)) byService.set(svc, {});
  byService.get(svc)[raw.typeName] = resourceEntry(raw);
}

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const write = (name, obj) => {
  const text = JSON.stringify(obj);
  if (text.length >= 1 << 20) throw new Error(`${name} is ${text.length} bytes; keep every committed file under 1 MB`);
  fs.writeFileSync(path.join(outDir, name), text + '\n');
  return text.length;
};
let total = 0;
const names = [];
for (const [svc, types] of [...byService].sort()) {
  names.push(...Object.keys(types));
  total += write(fileOf(svc), { source, types });
}
total += write('index.json', { source, generated: 'scripts/import-schemas.mjs', types: names.sort() });

// SAM: the translator's schema (resources, event sources, Globals), its policy templates, managed policy names.
const samSchemaFile = path.join(samDir, 'sam.schema.json');
if (fs.existsSync(samSchemaFile)) {
  const sam = JSON.parse(fs.readFileSync(samSchemaFile, 'utf8'));
  const out = { source: 'AWS SAM specification schema (aws-sam-translator models)', definitions: {} };
  for (const [n, d] of Object.entries(sam.definitions ?? {})) out.definitions[n] = compact(d);
  out.properties = compact({ properties: sam.properties }).properties;
  const pt = path.join(samDir, 'policy_templates.json');
  if (fs.existsSync(pt)) {
    const t = JSON.parse(fs.readFileSync(pt, 'utf8')).Templates ?? {};
    out.policyTemplates = Object.fromEntries(Object.keys(t).sort().map((n) => [n, Object.keys(t[n].Parameters ?? {})]));
  }
  const mp = path.join(factsDir, 'managed-policies.json');
  if (fs.existsSync(mp)) out.managedPolicies = Object.keys(JSON.parse(fs.readFileSync(mp, 'utf8'))).sort();
  total += write('sam.json', out);
}
console.log(`wrote ${path.relative(root, outDir)}: ${names.length} types in ${byService.size} service files, ${(total / 1048576).toFixed(2)} MB (${droppedPatterns} patterns JavaScript cannot read dropped)`);
