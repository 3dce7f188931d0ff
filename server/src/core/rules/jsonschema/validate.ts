import { intrinsicName, isMap, isScalar, isSeq, keyText, str, type MapNode, type Node, type ScalarNode } from '../../document/nodes';
import { resolveRef, type JsonSchema } from '../../schema/registry';
import { closest, didYouMean } from '../../suggest';
import type { RawFinding } from '../types';
import { canonical, describeValue, expectedTypes, literalTypeOk } from './literal';
import { matchesPattern } from './pattern';

/** Which check a finding comes from; rules map each to its own code. */
export type SchemaIssueKind =
  | 'unknown' | 'required' | 'type' | 'enum' | 'range' | 'length' | 'pattern' | 'items' | 'unique' | 'alternatives' | 'dependent' | 'readOnly';

export interface SchemaIssue extends RawFinding {
  issue: SchemaIssueKind;
}

export interface SchemaContext {
  /** The schema `$ref`s resolve against (a resource type's schema, with its definitions). */
  root: JsonSchema;
  /** AllowedValues of a template parameter, so `Ref: Param` is checked with each value it can take. */
  allowedValues?(param: string): string[] | undefined;
  /** A `$ref` that stands for a schema elsewhere (SAM's pass-through properties → the CloudFormation type's). */
  external?(ref: string, at: Place): { root: JsonSchema; schema: JsonSchema } | undefined;
}

/** Where a value sits: its path, its name for messages, and the key that owns it (for "missing" findings). */
export interface Place {
  path: (string | number)[];
  name: string;
  key?: { start: number; end: number };
  /** The value is an item of a list (its first key shares the line with `- `). */
  inItem?: boolean;
}

const MAX_DEPTH = 60;

/**
 * Validate a template value against a JSON Schema, at every depth. Constraints apply to literals:
 * `Fn::If` is checked on each branch, `Ref` to a parameter with AllowedValues on each value, any
 * other intrinsic function is accepted unseen (its value is only known at deploy time).
 */
export function validateValue(ctx: SchemaContext, node: Node, schema: JsonSchema, at: Place, out: SchemaIssue[], depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (schema.$ref) {
    const ext = ctx.external?.(schema.$ref, at);
    if (ext) validateValue({ root: ext.root, allowedValues: ctx.allowedValues }, node, ext.schema, at, out, depth + 1);
    const target = resolveRef(ctx.root, schema.$ref);
    if (target) validateValue(ctx, node, target, at, out, depth + 1);
    // Nothing but the reference: its target said it all (going on would check Fn::If branches twice).
    if (Object.keys(schema).length === 1) return;
  }
  const fn = intrinsicName(node);
  if (fn) return intrinsic(ctx, fn, node as MapNode, schema, at, out, depth);
  const types = expectedTypes(schema);
  if (types && !types.some((t) => literalTypeOk(node, t))) {
    out.push(typeIssue(node, types, at));
    return;
  }
  for (const s of schema.allOf ?? []) validateValue(ctx, node, s, at, out, depth + 1);
  if (schema.anyOf) alternatives(ctx, node, schema.anyOf, false, at, out, depth);
  if (schema.oneOf) alternatives(ctx, node, schema.oneOf, true, at, out, depth);
  if (isMap(node)) objectChecks(ctx, node, schema, at, out, depth);
  else if (isSeq(node)) arrayChecks(ctx, node, schema, at, out, depth);
  else scalarChecks(node, schema, at, out);
}

function intrinsic(ctx: SchemaContext, fn: string, node: MapNode, schema: JsonSchema, at: Place, out: SchemaIssue[], depth: number): void {
  const arg = node.pairs[0].value;
  if (fn === 'Fn::If') {
    if (isSeq(arg) && arg.items.length === 3) {
      // Findings about a branch as a whole (a missing key) point at that branch.
      // An empty mapping branch (`{}`) has no key of its own: it is marked itself.
      for (const branch of arg.items.slice(1)) if (!isNoValue(branch)) validateValue(ctx, branch, schema, { ...at, key: itemKey(branch) ?? (isMap(branch) ? { start: branch.start, end: branch.end } : at.key) }, out, depth + 1);
    }
    return;
  }
  if (fn !== 'Ref' || !ctx.allowedValues) return;
  const param = str(arg);
  const values = param === undefined ? undefined : ctx.allowedValues(param);
  if (!values) return;
  // A parameter's value is a string: check each allowed one as if written here (scalar constraints only).
  for (const v of values) {
    const lit: ScalarNode = { kind: 'scalar', value: v, quoted: true, start: node.start, end: node.end };
    const found: SchemaIssue[] = [];
    validateValue({ root: ctx.root }, lit, schema, at, found, depth + 1);
    const first = found.find((f) => f.issue !== 'type');
    if (first) {
      out.push({ ...first, message: `Parameter '${param}' allows '${v}': ${first.message} Change the parameter's AllowedValues.`, data: undefined });
      return;
    }
  }
}

/** anyOf / oneOf: silent unless we can say precisely what is wrong. */
function alternatives(ctx: SchemaContext, node: Node, alts: JsonSchema[], exactlyOne: boolean, at: Place, out: SchemaIssue[], depth: number): void {
  const results = alts.map((s) => {
    const found: SchemaIssue[] = [];
    validateValue(ctx, node, s, at, found, depth + 1);
    return found;
  });
  const passing = results.filter((r) => r.length === 0).length;
  const requiredOnly = alts.every((s) => s.required?.length && Object.keys(s).every((k) => k === 'required'));
  if (passing === 0) {
    if (requiredOnly && isMap(node) && !hasDynamicKeys(node)) {
      const names = [...new Set(alts.flatMap((s) => s.required!))];
      out.push({
        issue: 'alternatives',
        message: `${at.name} needs ${exactlyOne ? 'one' : 'at least one'} of ${names.map((n) => `'${n}'`).join(', ')}.`,
        ...keyOrStart(node, at),
        path: at.path,
      });
      return;
    }
    // Every alternative wants another kind of value: one type finding, not one per alternative.
    if (results.every((r) => r.some((f) => f.issue === 'type' && f.start === node.start))) {
      const types = [...new Set(alts.flatMap((s) => expectedTypes(resolved(ctx, s)) ?? []))];
      if (types.length) out.push(typeIssue(node, types, at));
      return;
    }
    // Only one alternative has the right shape (and the right discriminator, such as an event's
    // `Type`): its findings are the ones that matter.
    let shaped = results.filter((r) => !r.some((f) => f.issue === 'type' && f.start === node.start));
    if (shaped.length > 1 && isMap(node)) shaped = shaped.filter((r) => !r.some((f) => f.issue === 'enum' && f.path?.length === at.path.length + 1));
    if (shaped.length === 1) out.push(...shaped[0]);
    return;
  }
  if (exactlyOne && passing > 1 && requiredOnly && isMap(node)) {
    const present = [...new Set(alts.flatMap((s) => s.required!).filter((k) => presence(node, k) === 'yes'))];
    if (present.length > 1) onlyOne(node, present, at, out);
  }
}

/** Mutually exclusive keys set together: each one is marked (the user decides which to keep), and its fix removes it. */
function onlyOne(map: MapNode, present: string[], at: Place, out: SchemaIssue[]): void {
  for (const k of present) {
    const p = map.pairs.find((q) => keyText(q) === k);
    if (!p) continue;
    const others = present.filter((o) => o !== k).map((o) => `'${o}'`).join(', ');
    out.push({
      issue: 'alternatives',
      message: `${at.name} takes only one of ${present.map((n) => `'${n}'`).join(', ')}: '${k}' cannot be used together with ${others}. Keep one and remove the others.`,
      start: p.key.start,
      end: p.key.end,
      path: [...at.path, k],
      // Deleting the first key of a list item would take its `- ` along: no fix there.
      data: at.inItem && p === map.pairs[0] ? undefined : { fix: 'deletePair', start: p.start, end: p.end, key: k },
    });
  }
}

function resolved(ctx: SchemaContext, s: JsonSchema): JsonSchema {
  return s.$ref ? resolveRef(ctx.root, s.$ref) ?? s : s;
}

function objectChecks(ctx: SchemaContext, map: MapNode, schema: JsonSchema, at: Place, out: SchemaIssue[], depth: number): void {
  const props = schema.properties ?? {};
  const dynamic = hasDynamicKeys(map);
  const present = new Set(map.pairs.map(keyText));
  // Required names offered as a rename of a misspelled key: adding them too would make a duplicate.
  const renamed = new Set<string>();
  for (const p of map.pairs) {
    const k = keyText(p);
    if (k.startsWith('Fn::')) continue;
    const place: Place = { path: [...at.path, k], name: k, key: { start: p.key.start, end: p.key.end } };
    let sub: JsonSchema | undefined = Object.prototype.hasOwnProperty.call(props, k) ? props[k] : undefined;
    if (!sub && schema.patternProperties) {
      for (const [re, s] of Object.entries(schema.patternProperties)) if (matchesPattern(re, k)) sub = s;
    }
    if (!sub) {
      if (schema.additionalProperties === false && schema.properties) {
        const cands = closest(k, Object.keys(props).filter((n) => !present.has(n)), 3);
        for (const c of cands) renamed.add(c);
        out.push({
          issue: 'unknown',
          message: `'${k}' is not a property of ${at.name}.${didYouMean(cands)}${cands.length ? '' : ' Remove it.'}`,
          start: p.key.start,
          end: p.key.end,
          path: place.path,
          // Deleting the first key of a list item would take its `- ` along: no fix there.
          data: cands.length ? { fix: 'replace', start: p.key.start, end: p.key.end, candidates: cands } : at.inItem && p === map.pairs[0] ? undefined : { fix: 'deletePair', start: p.start, end: p.end, key: k },
        });
        continue;
      }
      if (typeof schema.additionalProperties === 'object') sub = schema.additionalProperties;
    }
    if (sub && !isNoValue(p.value)) validateValue(ctx, p.value, sub, place, out, depth + 1);
  }
  if (dynamic) return; // keys a transform or loop adds: presence rules can't be judged
  const missing = (schema.required ?? []).filter((k) => presence(map, k) === 'no');
  if (missing.length) {
    const toAdd = missing.filter((k) => !renamed.has(k));
    out.push({
      issue: 'required',
      message: `${at.name} is missing required ${missing.length === 1 ? 'property' : 'properties'} ${missing.map((m) => `'${m}'`).join(', ')}. Add ${missing.length === 1 ? 'it' : 'them'}.`,
      ...keyOrStart(map, at),
      path: at.path,
      // A key present as AWS::NoValue counts as missing, but adding it again would duplicate it.
      data: !toAdd.length || toAdd.some((k) => present.has(k)) ? undefined : map.pairs.length
        ? { fix: 'addKeys', keys: toAdd, sibling: map.pairs[0].key.start, lastEnd: map.pairs[map.pairs.length - 1].end }
        : at.key ? { fix: 'addKeys', keys: toAdd, parent: at.key.start } : undefined,
    });
  }
  const xor = schema.requiredXor;
  if (xor?.length) {
    const present = xor.filter((k) => presence(map, k) === 'yes');
    const maybe = xor.filter((k) => presence(map, k) === 'maybe');
    if (present.length > 1) onlyOne(map, present, at, out);
    else if (present.length + maybe.length === 0) {
      out.push({ issue: 'alternatives', message: `${at.name} needs one of ${xor.map((n) => `'${n}'`).join(', ')}.`, ...keyOrStart(map, at), path: at.path });
    }
  }
  const or = schema.requiredOr;
  if (or?.length && or.every((k) => presence(map, k) === 'no')) {
    out.push({ issue: 'alternatives', message: `${at.name} needs at least one of ${or.map((n) => `'${n}'`).join(', ')}.`, ...keyOrStart(map, at), path: at.path });
  }
  const needs: Record<string, string[]> = { ...schema.dependentRequired };
  for (const [k, d] of Object.entries(schema.dependencies ?? {})) if (Array.isArray(d)) needs[k] = [...(needs[k] ?? []), ...d];
  for (const [k, deps] of Object.entries(needs)) {
    if (presence(map, k) !== 'yes') continue;
    const absent = deps.filter((d) => presence(map, d) === 'no');
    if (absent.length) {
      const p = map.pairs.find((x) => keyText(x) === k)!;
      out.push({
        issue: 'dependent',
        message: `'${k}' needs ${absent.map((n) => `'${n}'`).join(', ')} in ${at.name}. Add ${absent.length === 1 ? 'it' : 'them'}, or remove '${k}'.`,
        start: p.key.start,
        end: p.key.end,
        path: [...at.path, k],
        data: { fix: 'addKeys', keys: absent, sibling: map.pairs[0].key.start, lastEnd: map.pairs[map.pairs.length - 1].end },
      });
    }
  }
  for (const [k, excluded] of Object.entries(schema.dependentExcluded ?? {})) {
    if (presence(map, k) !== 'yes') continue;
    for (const x of excluded) {
      if (presence(map, x) !== 'yes') continue;
      const p = map.pairs.find((q) => keyText(q) === x)!;
      out.push({
        issue: 'dependent',
        message: `'${x}' cannot be used together with '${k}' in ${at.name}; remove one of them.`,
        start: p.key.start,
        end: p.key.end,
        path: [...at.path, x],
      });
    }
  }
  if (schema.if && schema.then) {
    const trial: SchemaIssue[] = [];
    validateValue(ctx, map, schema.if, at, trial, depth + 1);
    if (!trial.length) validateValue(ctx, map, schema.then, at, out, depth + 1);
  }
}

function arrayChecks(ctx: SchemaContext, seq: Node & { kind: 'seq' }, schema: JsonSchema, at: Place, out: SchemaIssue[], depth: number): void {
  if (schema.items) seq.items.forEach((it, i) => {
    if (!isNoValue(it)) validateValue(ctx, it, schema.items!, { path: [...at.path, i], name: at.name, key: itemKey(it), inItem: true }, out, depth + 1);
  });
  // An intrinsic item may stand for several values or none: counts are only judged on plain lists.
  if (seq.items.some((it) => intrinsicName(it))) return;
  const n = seq.items.length;
  if (schema.minItems !== undefined && n < schema.minItems) {
    out.push({ issue: 'items', message: `${at.name} has ${n} item${n === 1 ? '' : 's'}; it needs at least ${schema.minItems}.`, ...keyOrStart(seq, at), path: at.path });
  } else if (schema.maxItems !== undefined && n > schema.maxItems) {
    const extra = seq.items[schema.maxItems];
    out.push({ issue: 'items', message: `${at.name} has ${n} items; at most ${schema.maxItems} are allowed. Remove ${n - schema.maxItems}.`, start: extra.start, end: extra.end, path: at.path });
  }
  if (schema.uniqueItems) {
    const seen = new Set<string>();
    for (const it of seq.items) {
      const k = canonical(it);
      if (seen.has(k)) {
        out.push({ issue: 'unique', message: `${at.name} lists ${isScalar(it) ? `'${String(it.value)}'` : 'this item'} more than once; items must be unique. Remove the duplicate.`, start: it.start, end: isScalar(it) ? it.end : it.start + 1, path: at.path });
        break;
      }
      seen.add(k);
    }
  }
}

function scalarChecks(node: Node, schema: JsonSchema, at: Place, out: SchemaIssue[]): void {
  if (!isScalar(node) || node.value === null) return;
  const v = node.value;
  // A dynamic reference ({{resolve:ssm:…}}) is replaced by its value at deploy time: its text proves nothing.
  if (typeof v === 'string' && v.includes('{{resolve:')) return;
  const text = String(v);
  const allowed = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
  if (allowed && allowed.length) {
    const names = allowed.map(String);
    const lower = text.toLowerCase();
    // CloudFormation and the services are case-tolerant for many enums: only a value no casing fixes is reported.
    if (!names.includes(text) && !names.some((a) => a.toLowerCase() === lower)) {
      const cands = closest(text, names, 3);
      out.push({
        issue: 'enum',
        message: `'${text}' is not an allowed value for ${at.name}.${didYouMean(cands)} Allowed: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}.`,
        start: node.start,
        end: node.end,
        path: at.path,
        data: { fix: 'replace', start: node.start, end: node.end, candidates: cands.length ? cands : names.slice(0, 5) },
      });
    }
    return;
  }
  const num = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined;
  if (num !== undefined && (schema.minimum !== undefined || schema.maximum !== undefined || schema.exclusiveMinimum !== undefined || schema.exclusiveMaximum !== undefined)) {
    const low = schema.minimum !== undefined && num < schema.minimum;
    const high = schema.maximum !== undefined && num > schema.maximum;
    const lowX = schema.exclusiveMinimum !== undefined && num <= schema.exclusiveMinimum;
    const highX = schema.exclusiveMaximum !== undefined && num >= schema.exclusiveMaximum;
    if (low || high || lowX || highX) {
      const bound = low ? `at least ${schema.minimum}` : high ? `at most ${schema.maximum}` : lowX ? `greater than ${schema.exclusiveMinimum}` : `less than ${schema.exclusiveMaximum}`;
      const clamp = low ? schema.minimum : high ? schema.maximum : undefined;
      out.push({
        issue: 'range',
        message: `${at.name} is ${text}; it must be ${bound}${rangeText(schema)}.${clamp !== undefined ? ` Use ${clamp}.` : ''}`,
        start: node.start,
        end: node.end,
        path: at.path,
        data: clamp !== undefined ? { fix: 'replace', start: node.start, end: node.end, candidates: [String(clamp)] } : undefined,
      });
    }
  }
  if (typeof v !== 'string') return;
  if (schema.minLength !== undefined && v.length < schema.minLength) {
    out.push({ issue: 'length', message: `${at.name} is ${v.length} character${v.length === 1 ? '' : 's'} long; it needs at least ${schema.minLength}.`, start: node.start, end: node.end, path: at.path });
  } else if (schema.maxLength !== undefined && v.length > schema.maxLength) {
    out.push({ issue: 'length', message: `${at.name} is ${v.length} characters long; at most ${schema.maxLength} are allowed. Shorten it.`, start: node.start, end: node.end, path: at.path });
  }
  // `${X}` in a plain string is most likely a missing Fn::Sub (reported elsewhere): don't pile on.
  if (schema.pattern && !v.includes('${') && matchesPattern(schema.pattern, v) === false) {
    out.push({ issue: 'pattern', message: `'${short(v)}' is not a valid ${at.name}: it must match ${schema.pattern}.`, start: node.start, end: node.end, path: at.path });
  }
}

function rangeText(s: JsonSchema): string {
  return s.minimum !== undefined && s.maximum !== undefined ? ` (${s.minimum} to ${s.maximum})` : '';
}

function short(v: string): string {
  return v.length > 60 ? `${v.slice(0, 57)}…` : v;
}

function typeIssue(node: Node, types: string[], at: Place): SchemaIssue {
  const want = types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
  if (isScalar(node) && node.value === null) {
    return { issue: 'type', message: `${at.name} has no value; give it ${want} or remove the key.`, start: node.start, end: node.end, path: at.path };
  }
  // A scalar is marked whole; a list or mapping where something else belongs, on the key that holds it
  // (its first character alone is hard to see, and often sits on the next line).
  const range = isScalar(node) ? { start: node.start, end: node.end } : at.key ?? { start: node.start, end: node.start + 1 };
  return { issue: 'type', message: `${at.name} must be ${want}, but it is ${describeValue(node)}.`, ...range, path: at.path };
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a Boolean (true or false)', object: 'a mapping', array: 'a list', null: 'empty',
};

/** 'yes' present, 'no' absent, 'maybe' present only under some condition (an Fn::If with an AWS::NoValue branch). */
function presence(map: MapNode, key: string): 'yes' | 'no' | 'maybe' {
  const p = map.pairs.find((x) => keyText(x) === key);
  if (!p || isNoValue(p.value)) return 'no';
  if (intrinsicName(p.value) === 'Fn::If') {
    const a = p.value.kind === 'map' ? p.value.pairs[0].value : undefined;
    if (isSeq(a) && a.items.some(isNoValue)) return 'maybe';
  }
  return 'yes';
}

function hasDynamicKeys(map: MapNode): boolean {
  return map.pairs.some((p) => keyText(p).startsWith('Fn::'));
}

function keyOrStart(n: Node, at: Place): { start: number; end: number } {
  return at.key ?? { start: n.start, end: n.start + 1 };
}

function itemKey(it: Node): { start: number; end: number } | undefined {
  return isMap(it) && it.pairs.length ? { start: it.pairs[0].key.start, end: it.pairs[0].key.end } : undefined;
}


export function isNoValue(n: Node): boolean {
  return intrinsicName(n) === 'Ref' && str((n as MapNode).pairs[0].value) === 'AWS::NoValue';
}
