/**
 * Completion in CodeDeploy AppSpec and CodeBuild buildspec files, read from the same key tables
 * the rules and hovers use: the keys that fit where the cursor is, lifecycle hooks in the order
 * CodeDeploy runs them, build phases in the order CodeBuild runs them, and allowed values.
 */
import type { TemplateDocument } from '../document/model';
import { isMap, isSeq, keyText, type Node } from '../document/nodes';
import type { Kind } from '../kind';
import { APPSPEC_SPECS, appspecHookCompletions, appspecPlatform, EVENTS, hookOrder, type AppspecPlatform } from '../schema/appspec';
import { BUILDSPEC_SPEC, PHASE_DOCS, PHASES, RUNTIMES, type PhaseName } from '../schema/buildspec';
import { specAt, type SpecNode } from '../schema/specTree';
import type { Cursor, Segment } from './cursor';
import { inlineContext } from './cursor';
import type { CompletionItem } from './types';
import { insertKey, nodeAt, wordEnd } from './util';

interface Target {
  spec: SpecNode;
  platform?: AppspecPlatform;
}

export function specCompletions(doc: TemplateDocument, kind: Kind, offset: number, cur: Cursor): CompletionItem[] {
  const targets = specsFor(doc.root, kind);
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  // Without a detectable platform (a new AppSpec with only `version`), offer what any platform has.
  for (const t of targets) {
    for (const item of itemsFor(doc, offset, cur, t)) {
      if (seen.has(item.label)) continue;
      seen.add(item.label);
      out.push(item);
    }
  }
  return out;
}

function specsFor(root: Node | null, kind: Kind): Target[] {
  if (kind === 'buildspec') return [{ spec: BUILDSPEC_SPEC }];
  const p = appspecPlatform(root);
  const platforms: AppspecPlatform[] = p ? [p] : ['server', 'ecs', 'lambda'];
  return platforms.map((platform) => ({ spec: APPSPEC_SPECS[platform], platform }));
}

function itemsFor(doc: TemplateDocument, offset: number, cur: Cursor, t: Target): CompletionItem[] {
  const path = cur.path;
  const spec = specAt(t.spec, path);
  if (!spec) return [];
  const keyLike = cur.at === 'key' || (cur.at === 'item' && !cur.json && /^[A-Za-z][\w-]*$|^$/.test(cur.text) && !!spec.keys);
  if (keyLike) return keyItems(doc, offset, cur, t, spec);
  // A value, or a scalar list entry: the allowed values.
  const inline = inlineContext(cur.text);
  const allowed = spec.allowed ?? (spec.type === 'bool' ? ['true', 'false'] : undefined);
  if (!allowed) return [];
  const replace = { start: cur.start + inline.wordAt, end: wordEnd(doc.text, offset, /[\w.\-/]/) };
  return allowed.map((v, i) => {
    const item: CompletionItem = { label: v, kind: 'value', replace, sortText: String(i).padStart(2, '0'), documentation: spec.doc };
    // `0.0` unquoted is the number 0 to YAML; the version must stay a string.
    if (!inline.quoted && (cur.json ? !/^(true|false)$/.test(v) : /^\d+\.\d+$/.test(v))) item.insertText = cur.json ? JSON.stringify(v) : `'${v}'`;
    return item;
  });
}

function keyItems(doc: TemplateDocument, offset: number, cur: Cursor, t: Target, spec: SpecNode): CompletionItem[] {
  const path = cur.path;
  const replace = { start: cur.start, end: wordEnd(doc.text, offset, /[\w\-]/) };
  const existing = existingKeys(doc, offset, path, t);
  const out: CompletionItem[] = [];
  const hookList = hookNames(path, t);
  if (hookList) {
    hookList.forEach((h, i) => {
      if (existing.has(h)) return;
      const ev = EVENTS[t.platform!][h];
      const order = hookOrder(t.platform!, h);
      const item: CompletionItem = { label: h, kind: 'hook', detail: order ? order.replace(/^runs /, 'Runs ') : undefined, documentation: ev?.doc, sortText: String(i).padStart(2, '0'), replace };
      out.push(insertKey(item, cur, t.platform === 'server' ? ':\n  - location: ${1}' : ': ${1}'));
    });
    return out;
  }
  if (t.platform === undefined && path.length === 1 && path[0] === 'phases') {
    PHASES.forEach((p, i) => {
      if (existing.has(p)) return;
      const item: CompletionItem = { label: p, kind: 'phase', detail: `Phase ${i + 1} of 4`, documentation: PHASE_DOCS[p as PhaseName], sortText: String(i), replace };
      out.push(insertKey(item, cur, ':\n  commands:\n    - ${1}'));
    });
    return out;
  }
  if (t.platform === undefined && path.length === 3 && path[0] === 'phases' && path[2] === 'runtime-versions') {
    for (const r of RUNTIMES) {
      if (existing.has(r)) continue;
      out.push(insertKey({ label: r, kind: 'key', detail: 'Runtime', documentation: spec.anyKey?.doc, replace }, cur, ': ${1:latest}'));
    }
    return out;
  }
  if (!spec.keys) return out;
  const required = new Set(spec.required ?? []);
  Object.entries(spec.keys).forEach(([k, s], i) => {
    if (s.hidden || existing.has(k) || existing.has(k.toLowerCase())) return;
    const item: CompletionItem = {
      label: k,
      kind: 'key',
      detail: required.has(k) ? 'required' : undefined,
      documentation: s.doc,
      sortText: (required.has(k) ? '0' : '1') + String(i).padStart(2, '0'),
      replace,
    };
    out.push(insertKey(item, cur, keySuffix(s)));
  });
  return out;
}

/** Hook names in run order when the cursor is where hooks are written, else undefined. */
function hookNames(path: readonly Segment[], t: Target): string[] | undefined {
  if (!t.platform) return undefined;
  const top = typeof path[0] === 'string' ? path[0].toLowerCase() : '';
  if (top !== 'hooks') return undefined;
  if (t.platform === 'server' ? path.length === 1 : path.length === 2 && typeof path[1] === 'number') return appspecHookCompletions(t.platform);
  return undefined;
}

function keySuffix(s: SpecNode): string {
  if (s.allowed?.length && s.allowed.every((v) => !/[,|$}]/.test(v))) {
    const values = s.allowed.map((v) => (/^\d+\.\d+$/.test(v) ? `'${v}'` : v));
    return `: \${1|${values.join(',')}|}`;
  }
  if (s.type === 'map') return ':\n  ${0}';
  if (s.type === 'list') return ':\n  - ${0}';
  return ': ${0}';
}

/** Keys already written where the cursor is; for ECS/Lambda hook lists, hooks in every entry. */
function existingKeys(doc: TemplateDocument, offset: number, path: readonly Segment[], t: Target): Set<string> {
  const out = new Set<string>();
  const add = (n: Node | undefined) => {
    if (isMap(n)) for (const p of n.pairs) if (!(offset >= p.key.start && offset <= p.key.end)) out.add(keyText(p));
  };
  if (t.platform && t.platform !== 'server' && path.length === 2 && typeof path[1] === 'number') {
    const list = nodeAt(doc.root, path.slice(0, 1)) ?? nodeAt(doc.root, [String(path[0]).toLowerCase()]);
    if (isSeq(list)) list.items.forEach(add);
    return out;
  }
  add(nodeAt(doc.root, path));
  return out;
}
