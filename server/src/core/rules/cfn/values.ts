import { intrinsicName, isMap, isScalar, isSeq, keyText, str, type MapNode, type Node } from '../../document/nodes';
import { propertyTypeSpec, typeLabel, type SpecProperty, type SpecType } from '../../schema/cfnSpec';
import { closest, didYouMean } from '../../suggest';
import type { RawFinding } from '../types';

/** Which of the three property checks a finding belongs to (each is its own rule code). */
export type ValueIssue = 'unknown' | 'required' | 'type' | 'enum';
export interface ValueFinding extends RawFinding {
  issue: ValueIssue;
}

/**
 * Check a property value against the spec type. Intrinsic functions are accepted where a value
 * goes (their result type is not known statically), except `Fn::If`, whose branches are checked.
 * Scalars are read leniently, as CloudFormation does: "5" is a fine Integer, "true" a fine Boolean.
 */
export function checkValue(node: Node, t: SpecType, path: (string | number)[], out: ValueFinding[], depth = 0): void {
  if (depth > 40) return;
  const fn = intrinsicName(node);
  if (fn) {
    if (fn === 'Fn::If') {
      const args = (node as MapNode).pairs[0].value;
      if (isSeq(args) && args.items.length === 3) {
        for (const branch of [args.items[1], args.items[2]]) {
          if (!isNoValue(branch)) checkValue(branch, t, path, out, depth + 1);
        }
      }
    }
    return;
  }
  if (typeof t === 'string') return checkSimple(node, t, path, out);
  const [k, ...rest] = t as [string, ...unknown[]];
  switch (k) {
    case 'e': {
      if (!isScalar(node) || node.value === null) return checkSimple(node, 's', path, out);
      const v = String(node.value);
      const allowed = rest as string[];
      if (!allowed.includes(v) && !allowed.some((a) => a.toLowerCase() === v.toLowerCase())) {
        const cands = closest(v, allowed, 3);
        out.push({
          issue: 'enum',
          message: `'${v}' is not an allowed value for ${last(path)}.${didYouMean(cands)} Allowed: ${allowed.slice(0, 12).join(', ')}${allowed.length > 12 ? ', …' : ''}.`,
          start: node.start,
          end: node.end,
          path,
          data: { fix: 'replace', start: node.start, end: node.end, candidates: cands.length ? cands : allowed.slice(0, 5) },
        });
      }
      return;
    }
    case 'r':
      return checkObject(node, rest[0] as string, path, out, depth);
    case 'l':
      if (isSeq(node)) {
        node.items.forEach((it, i) => checkValue(it, rest[0] as SpecType, [...path, i], out, depth + 1));
      } else if (!(isScalar(node) && node.value === null)) {
        out.push(typeFinding(node, `a list (${typeLabel(t)})`, path));
      }
      return;
    case 'm':
      if (isMap(node)) {
        for (const p of node.pairs) checkValue(p.value, rest[0] as SpecType, [...path, keyText(p)], out, depth + 1);
      } else if (!(isScalar(node) && node.value === null)) {
        out.push(typeFinding(node, 'a mapping', path));
      }
      return;
    case 'u': {
      const alts = rest as SpecType[];
      let best: ValueFinding[] | undefined;
      for (const a of alts) {
        const trial: ValueFinding[] = [];
        checkValue(node, a, path, trial, depth + 1);
        if (trial.length === 0) return;
        if (!best || trial.length < best.length) best = trial;
      }
      // Shapes differ between alternatives: report a plain type mismatch, not one branch's detail.
      const shapes = new Set(alts.map(shapeOf));
      if (shapes.size > 1 && best?.some((f) => f.issue === 'type' && f.start === node.start)) {
        out.push(typeFinding(node, alts.map(typeLabel).join(' or '), path));
      } else if (best) out.push(...best);
      return;
    }
  }
}

function shapeOf(t: SpecType): string {
  if (typeof t === 'string') return t === 'tag' ? 'map' : t === 'j' ? 'any' : 'scalar';
  return { e: 'scalar', r: 'map', l: 'list', m: 'map', u: 'any' }[t[0] as string] ?? 'any';
}

function checkSimple(node: Node, t: string, path: (string | number)[], out: ValueFinding[]): void {
  if (t === 'j') return;
  if (t === 'tag') {
    if (!isMap(node)) out.push(typeFinding(node, 'a Key/Value tag mapping', path));
    return;
  }
  if (!isScalar(node)) {
    out.push(typeFinding(node, article(typeLabel(t)), path));
    return;
  }
  const v = node.value;
  if (v === null) {
    out.push({ issue: 'type', message: `${last(path)} has no value; give it ${article(typeLabel(t))} or remove the key.`, start: node.start, end: node.end, path });
    return;
  }
  if (t === 'i' || t === 'n') {
    if (typeof v === 'boolean' || (typeof v === 'string' && (v.trim() === '' || Number.isNaN(Number(v))))) {
      out.push(typeFinding(node, article(typeLabel(t)), path));
    }
  } else if (t === 'b') {
    if (typeof v === 'number' || (typeof v === 'string' && !/^(true|false)$/i.test(v))) out.push(typeFinding(node, 'a Boolean (true or false)', path));
  }
}

function checkObject(node: Node, typeId: string, path: (string | number)[], out: ValueFinding[], depth: number): void {
  const spec = propertyTypeSpec(typeId);
  if (!spec) return;
  if (!isMap(node)) {
    if (!(isScalar(node) && node.value === null)) out.push(typeFinding(node, `a mapping (${spec.n})`, path));
    return;
  }
  checkProperties(node, spec.p, path, out, depth, spec.n);
}

/** Unknown keys, missing required keys, then each value: shared by resource Properties and nested property types. */
export function checkProperties(
  map: MapNode,
  props: Record<string, SpecProperty>,
  path: (string | number)[],
  out: ValueFinding[],
  depth: number,
  owner: string,
  keyRange?: { start: number; end: number },
): void {
  const names = Object.keys(props);
  const present = new Set<string>();
  let hasConditionalKeys = false;
  for (const p of map.pairs) {
    const k = keyText(p);
    present.add(k);
    if (k === 'Fn::Transform' || k.startsWith('Fn::ForEach')) {
      hasConditionalKeys = true;
      continue;
    }
    const spec = Object.prototype.hasOwnProperty.call(props, k) ? props[k] : undefined;
    if (!spec) {
      const cands = closest(k, names, 3);
      out.push({
        issue: 'unknown',
        message: `'${k}' is not a property of ${owner}.${didYouMean(cands)}`,
        start: p.key.start,
        end: p.key.end,
        path: [...path, k],
        data: cands.length ? { fix: 'replace', start: p.key.start, end: p.key.end, candidates: cands } : { fix: 'deletePair', start: p.start, end: p.end, key: k },
      });
      continue;
    }
    if (isNoValue(p.value)) continue;
    checkValue(p.value, spec.t, [...path, k], out, depth + 1);
  }
  if (hasConditionalKeys) return;
  const missing = names.filter((n) => props[n].r && !present.has(n));
  if (missing.length) {
    const at = keyRange ?? { start: map.start, end: map.start };
    out.push({
      issue: 'required',
      message: `${owner} is missing required ${missing.length === 1 ? 'property' : 'properties'} ${missing.map((m) => `'${m}'`).join(', ')}.`,
      start: at.start,
      end: at.end,
      path,
      data: map.pairs.length
        ? { fix: 'addKeys', keys: missing, sibling: map.pairs[0].key.start, lastEnd: map.pairs[map.pairs.length - 1].end }
        : { fix: 'addKeys', keys: missing, parent: keyRange?.start },
    });
  }
}

export function isNoValue(n: Node): boolean {
  return intrinsicName(n) === 'Ref' && str((n as MapNode).pairs[0].value) === 'AWS::NoValue';
}

function typeFinding(node: Node, expected: string, path: (string | number)[]): ValueFinding {
  const got = isMap(node) ? 'a mapping' : isSeq(node) ? 'a list' : isScalar(node) ? `'${String(node.value)}'` : 'this value';
  return { issue: 'type', message: `${last(path)} must be ${expected}, but it is ${got}.`, start: node.start, end: isScalar(node) ? node.end : node.start + 1, path };
}

function last(path: (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return 'The value';
}

function article(label: string): string {
  return /^[AEIOU]/.test(label) ? `an ${label}` : `a ${label}`;
}
