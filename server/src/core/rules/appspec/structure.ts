/**
 * Table-driven checks shared by appspec and buildspec: unknown keys, value shapes, allowed values,
 * required keys and blank values, all read from a SpecNode tree (schema/appspec.ts,
 * schema/buildspec.ts). One walk per document and table; each rule (one code each) takes its share.
 */
import { isMap, isScalar, isSeq, keyText, type MapNode, type Node, type Pair, type ScalarNode } from '../../document/nodes';
import { specKey, type SpecNode, type SpecType } from '../../schema/specTree';
import { closest, didYouMean } from '../../suggest';
import { isPlaceholder } from '../textFixes';
import type { RawFinding } from '../types';

export interface StructureResult {
  unknownKey: RawFinding[];
  wrongType: RawFinding[];
  notAllowed: RawFinding[];
  required: RawFinding[];
  blank: RawFinding[];
}

export interface StructureOptions {
  /** A dedicated rule reports this key; the walk neither flags nor enters it. */
  skipKey?: (path: (string | number)[], key: string) => boolean;
  /** Extra advice for an unknown key at this place (e.g. where it belongs instead). */
  hint?: (path: (string | number)[], key: string) => string | undefined;
  /** Name of the file kind for messages: "AppSpec" or "buildspec". */
  label: string;
  /** Who ignores unknown keys, for messages: "CodeDeploy" or "CodeBuild". */
  service: string;
  /** Severity of a required key written with no value (`paths:`); absent keys are always errors. */
  emptyRequired?: 'error' | 'warning';
}

const cache = new WeakMap<Node, Map<SpecNode, StructureResult>>();

/** Walk `root` against `spec` once per document and table; later calls reuse the result. */
export function checkStructure(root: MapNode, spec: SpecNode, opts: StructureOptions): StructureResult {
  let perRoot = cache.get(root);
  if (!perRoot) cache.set(root, (perRoot = new Map()));
  const hit = perRoot.get(spec);
  if (hit) return hit;
  const out: StructureResult = { unknownKey: [], wrongType: [], notAllowed: [], required: [], blank: [] };
  new Walker(out, opts).visit(root, spec, [], undefined);
  perRoot.set(spec, out);
  return out;
}

const TYPE_LABEL: Record<SpecType, string> = {
  map: 'a mapping of keys to values',
  list: 'a list (items starting with `- `)',
  string: 'a single value',
  int: 'a whole number',
  bool: 'yes/no (true/false)',
  scalar: 'a single value',
  stringOrList: 'a value or a list of values',
  any: 'anything',
};

const BOOL_WORDS = ['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n'];

export function describeNode(n: Node): string {
  if (isMap(n)) return 'a mapping';
  if (isSeq(n)) return 'a list';
  if (n.value === null) return 'empty';
  if (typeof n.value === 'number') return `the number ${sourceOf(n)}`;
  if (typeof n.value === 'boolean') return `the boolean ${sourceOf(n)}`;
  return `'${n.value}'`;
}

export function sourceOf(n: ScalarNode): string {
  return n.source ?? String(n.value);
}

/** A short name for where a key sits, for messages. */
export function placeOf(path: (string | number)[], label: string): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  if (!names.length) return `at the top level of the ${label} file`;
  const last = names[names.length - 1];
  return typeof path[path.length - 1] === 'number' ? `in an entry of '${last}'` : `under '${last}'`;
}

class Walker {
  constructor(
    private readonly out: StructureResult,
    private readonly opts: StructureOptions,
  ) {}

  /** `owner` is the key whose value `n` is (where type errors and missing keys are reported). */
  visit(n: Node, spec: SpecNode, path: (string | number)[], owner: ScalarNode | undefined, required = false): void {
    if (isPlaceholder(n)) return;
    const name = typeof path[path.length - 1] === 'string' ? (path[path.length - 1] as string) : undefined;
    if (isScalar(n) && n.value === null) {
      // `key:` with nothing after it. Required keys report this themselves (as "needs a value").
      if (spec.type && spec.type !== 'any' && owner && !spec.ownTypeRule && !required) {
        this.out.blank.push({ message: `'${name ?? owner.value}' has no value; give it one or remove the key.`, start: owner.start, end: owner.end, severity: 'warning', path });
      }
      return;
    }
    if (isScalar(n) && typeof n.value === 'string' && n.value.trim() === '' && spec.type && spec.type !== 'any' && !spec.ownTypeRule) {
      this.out.blank.push({
        message: `'${name ?? 'This value'}' is blank. ${this.opts.service} needs a real value here (fine if your pipeline fills it in before deploying).`,
        start: n.start,
        end: n.end,
        severity: 'warning',
        path,
      });
      return;
    }
    if (spec.type && !spec.ownTypeRule && !fitsType(n, spec.type)) {
      const at = isScalar(n) ? n : owner ?? n;
      const label = name ? `'${name}'` : 'Each entry here';
      this.out.wrongType.push({
        message: `${label} must be ${TYPE_LABEL[spec.type]}, not ${describeNode(n)}.`,
        start: at.start,
        end: at.end,
        path,
      });
      return;
    }
    if (isScalar(n)) {
      // A list item is named after its list in messages.
      if (!spec.ownTypeRule) this.checkAllowed(n, spec, path, name ?? lastName(path));
      return;
    }
    if (isSeq(n)) {
      if (spec.items) n.items.forEach((it, i) => this.visit(it, spec.items!, [...path, i], owner));
      return;
    }
    if (isMap(n)) this.visitMap(n, spec, path, owner);
  }

  private visitMap(n: MapNode, spec: SpecNode, path: (string | number)[], owner: ScalarNode | undefined): void {
    if (!spec.keys && !spec.anyKey) return;
    for (const p of n.pairs) {
      const k = keyText(p);
      if (this.opts.skipKey?.(path, k)) continue;
      const known = specKey(spec, k);
      if (known !== undefined) {
        this.visit(p.value, spec.keys![known], [...path, k], p.key, spec.required?.includes(known));
      } else if (spec.anyKey) {
        this.visit(p.value, spec.anyKey, [...path, k], p.key);
      } else if (!spec.ownKeyRule) {
        this.unknownKey(p, spec, path);
      }
    }
    if (path.length > 0) this.checkRequired(n, spec, path, owner);
  }

  private unknownKey(p: Pair, spec: SpecNode, path: (string | number)[]): void {
    const k = keyText(p);
    const names = Object.entries(spec.keys ?? {}).filter(([, s]) => !s.hidden).map(([n]) => n);
    const cands = closest(k, names, 3);
    const hint = this.opts.hint?.(path, k);
    const where = placeOf(path, this.opts.label);
    const list = names.length <= 12 ? ` Keys here: ${names.join(', ')}.` : '';
    this.out.unknownKey.push({
      message: cands.length
        ? `'${k}' is not a key ${where}.${didYouMean(cands)} As written, ${this.opts.service} ignores it.${hint ? ' ' + hint : ''}`
        : `'${k}' is not a key ${where}; ${this.opts.service} ignores it.${hint ? ' ' + hint : list}`,
      start: p.key.start,
      end: p.key.end,
      severity: cands.length ? 'error' : 'warning',
      path: [...path, k],
      data: cands.length ? { fix: 'replace', start: p.key.start, end: p.key.end, candidates: cands } : { fix: 'deletePair', start: p.start, end: p.end, key: k },
    });
  }

  private checkRequired(n: MapNode, spec: SpecNode, path: (string | number)[], owner: ScalarNode | undefined): void {
    for (const req of spec.required ?? []) {
      const pair = n.pairs.find((p) => (spec.anyCase ? keyText(p).toLowerCase() === req.toLowerCase() : keyText(p) === req));
      const value = pair?.value;
      if (pair && !(isScalar(value) && value.value === null)) continue;
      // In a list entry the entry's first key is the smallest token that stands for it.
      const inList = typeof path[path.length - 1] === 'number';
      const at = pair ? pair.key : inList ? n.pairs[0]?.key ?? owner : owner ?? n.pairs[0]?.key;
      if (!at) continue;
      const parent = typeof path[path.length - 1] === 'string' ? `'${path[path.length - 1]}'` : `This entry of '${String(path.filter((s) => typeof s === 'string').pop() ?? 'the list')}'`;
      const child = spec.keys?.[req];
      const why = child ? ` (${firstSentence(child.doc)})` : '';
      this.out.required.push({
        message: pair ? `'${req}' needs a value${why}.` : `${parent} is missing '${req}'${why}.`,
        start: at.start,
        end: at.end,
        ...(pair && this.opts.emptyRequired === 'warning' ? { severity: 'warning' as const } : {}),
        path,
        data:
          !pair && n.pairs.length && child && ['string', 'scalar', 'int'].includes(child.type ?? '')
            ? { fix: 'addKeys', keys: [req], sibling: n.pairs[0].key.start, lastEnd: n.pairs[n.pairs.length - 1].end }
            : undefined,
      });
    }
  }

  private checkAllowed(n: ScalarNode, spec: SpecNode, path: (string | number)[], name: string | undefined): void {
    const v = String(n.value);
    if (spec.type === 'bool') {
      if (typeof n.value === 'boolean' || BOOL_WORDS.includes(v.toLowerCase())) return;
      this.out.notAllowed.push({
        message: `'${name}' takes ${(spec.allowed ?? ['true', 'false']).join(' or ')}, not '${v}'.`,
        start: n.start,
        end: n.end,
        path,
        data: { fix: 'replace', start: n.start, end: n.end, candidates: spec.allowed ?? ['true', 'false'] },
      });
      return;
    }
    if (!spec.allowed) return;
    if (spec.allowed.includes(v) || spec.pattern?.test(v)) return;
    if (spec.allowedAnyCase && spec.allowed.some((a) => a.toLowerCase() === v.toLowerCase())) return;
    const sameCase = spec.allowed.filter((a) => a.toLowerCase() === v.toLowerCase());
    const cands = sameCase.length ? sameCase : closest(v, spec.allowed, 3);
    this.out.notAllowed.push({
      message: `'${v}' is not a valid value for '${name}'.${didYouMean(cands)} Allowed: ${spec.allowed.join(', ')}${spec.pattern ? ' (and the forms described in the hover)' : ''}.`,
      start: n.start,
      end: n.end,
      path,
      data: cands.length ? { fix: 'replace', start: n.start, end: n.end, candidates: cands } : undefined,
    });
  }
}

function lastName(path: (string | number)[]): string {
  return String(path.filter((p) => typeof p === 'string').pop() ?? 'value');
}

export function fitsType(n: Node, t: SpecType): boolean {
  switch (t) {
    case 'map':
      return isMap(n);
    case 'list':
      return isSeq(n);
    case 'string':
    case 'scalar':
    case 'bool':
      return isScalar(n);
    case 'int':
      return isScalar(n) && (typeof n.value === 'number' ? Number.isInteger(n.value) : typeof n.value === 'string' && /^\s*\d+\s*$/.test(n.value));
    case 'stringOrList':
      return isScalar(n) || isSeq(n);
    case 'any':
      return true;
  }
}

/** First sentence of a table description, lower-cased, for "(…)" asides in messages. */
export function firstSentence(s: string): string {
  const masked = s.replace(/\b(e\.g|i\.e)\./g, '$1\u0000');
  const m = /^(.*?[.!?])(\s|$)/.exec(masked);
  return (m ? m[1] : masked).replace(/\.$/, '').replace(/\u0000/g, '.').replace(/^./, (c) => c.toLowerCase());
}
