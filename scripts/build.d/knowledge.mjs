// Build step: validates the bundled knowledge base (server/src/core/knowledge/data/*.yaml) and
// writes dist/knowledge.json, which the language server and CLI load lazily at runtime.
// Imported by scripts/build.mjs after bundling; can also be run on its own.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const dataDir = path.join(root, 'server', 'src', 'core', 'knowledge', 'data');
const outFile = path.join(root, 'dist', 'knowledge.json');

const ID_RE = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Same normalization as normalizeKey() in server/src/core/knowledge/index.ts (kept in sync by a
 * unit test that resolves every alias at runtime): lowercase, `!X` short tags as `fn::x`,
 * `${...}` and quotes unwrapped, spaces/underscores/hyphens dropped.
 */
function normalizeKey(term) {
  let s = String(term).trim();
  s = s.replace(/^\$\{(.*)\}$/, '$1').replace(/^["']|["']$/g, '').replace(/:+$/, '').trim();
  s = s.toLowerCase();
  if (s.startsWith('!')) {
    const name = s.slice(1);
    s = name === 'ref' || name === 'condition' ? name : `fn::${name}`;
  }
  return s.replace(/[\s_-]+/g, '');
}

function fail(errors) {
  throw new Error(`knowledge base is invalid:\n  - ${errors.join('\n  - ')}`);
}

export function loadKnowledgeSources(dir = dataDir) {
  const errors = [];
  const entries = [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  for (const file of files) {
    let doc;
    try {
      doc = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      errors.push(`${file}: ${e.message}`);
      continue;
    }
    if (!doc || !Array.isArray(doc.entries)) {
      errors.push(`${file}: expected a top-level "entries" list`);
      continue;
    }
    const service = typeof doc.service === 'string' ? doc.service : path.basename(file, path.extname(file));
    doc.entries.forEach((e, i) => {
      const where = `${file} entry ${i + 1}${e && e.id ? ` (${e.id})` : ''}`;
      if (!e || typeof e !== 'object') return errors.push(`${where}: not a mapping`);
      if (typeof e.id !== 'string' || !ID_RE.test(e.id)) errors.push(`${where}: id must match ${ID_RE}`);
      for (const key of ['title', 'summary']) {
        if (typeof e[key] !== 'string' || !e[key].trim()) errors.push(`${where}: missing ${key}`);
      }
      for (const key of ['aliases', 'facts', 'related']) {
        if (e[key] === undefined || e[key] === null) continue;
        if (!Array.isArray(e[key]) || e[key].some((x) => typeof x !== 'string' || !x.trim()))
          errors.push(`${where}: ${key} must be a list of non-empty strings`);
      }
      if (!Array.isArray(e.facts)) errors.push(`${where}: missing facts (use [] for none)`);
      const known = new Set(['id', 'title', 'aliases', 'summary', 'facts', 'related']);
      for (const k of Object.keys(e)) if (!known.has(k)) errors.push(`${where}: unknown field ${k}`);
      entries.push({
        id: e.id,
        title: typeof e.title === 'string' ? e.title.trim() : '',
        aliases: [...new Set((e.aliases ?? []).map((a) => String(a).trim()))],
        summary: typeof e.summary === 'string' ? e.summary.replace(/\s+/g, ' ').trim() : '',
        facts: (e.facts ?? []).map((f) => String(f).replace(/\s+/g, ' ').trim()),
        related: e.related ?? [],
        service,
        source: file,
      });
    });
  }
  return { entries, errors };
}

export function validateKnowledge(entries) {
  const errors = [];
  const ids = new Map();
  for (const e of entries) {
    if (ids.has(e.id)) errors.push(`duplicate id ${e.id} (${ids.get(e.id).source} and ${e.source})`);
    else ids.set(e.id, e);
  }
  for (const e of entries) {
    for (const r of e.related) if (!ids.has(r)) errors.push(`${e.id}: related id ${r} does not exist`);
  }
  // An alias may appear in two entries only with different letter case ("Install" for CodeDeploy,
  // "install" for CodeBuild): lookup prefers the exact spelling, so the spellings must differ.
  const surface = (a) => a.replace(/[\s_-]+/g, '');
  const owners = new Map(); // normalized key → Map(surface spelling → entry id)
  for (const e of entries) {
    for (const a of [e.id, ...e.aliases]) {
      const key = normalizeKey(a);
      if (!key) {
        errors.push(`${e.id}: alias "${a}" normalizes to nothing`);
        continue;
      }
      const bySurface = owners.get(key) ?? new Map();
      const owner = bySurface.get(surface(a));
      if (owner && owner !== e.id) errors.push(`alias "${a}" is used by both ${owner} and ${e.id}`);
      else bySurface.set(surface(a), e.id);
      owners.set(key, bySurface);
    }
  }
  return errors;
}

export function buildKnowledge({ write = true } = {}) {
  const { entries, errors } = loadKnowledgeSources();
  errors.push(...validateKnowledge(entries));
  if (errors.length) fail(errors);
  const json = { version: 1, entries };
  if (write) {
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    // Write then rename, so a running server or test never reads a half-written file.
    const tmp = `${outFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(json));
    fs.renameSync(tmp, outFile);
  }
  return json;
}

const result = buildKnowledge();
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  console.log(`knowledge: ${result.entries.length} entries → ${path.relative(root, outFile)}`);
}
