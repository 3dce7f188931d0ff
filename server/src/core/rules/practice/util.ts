/**
 * Shared helpers of the best-practice checks (BP1xxx). They read only what the template states
 * literally: a value behind `Ref`, `Fn::If` or another function may be anything at deploy time,
 * so the checks stay silent on it rather than guess.
 */
import { templateIndex, type ResourceInfo } from '../../cfn/template';
import { get, getPair, intrinsicName, isMap, isScalar, isSeq, type Node } from '../../document/nodes';
import { addKeyAfter } from '../textFixes';
import type { TemplateDocument } from '../../document/model';
import { cfnRule, eachResource } from '../define';
import type { FixData, RawFinding, Rule, RuleContext } from '../types';

/**
 * A best-practice rule: a warning, on by default, switchable per code in settings. `check` reads one
 * resource, so its findings are reused while that entry is unchanged (see resourceRule), unless
 * `crossResource` says it also reads other resources.
 */
export function practiceRule(
  code: string,
  title: string,
  scanners: NonNullable<Rule['scanners']>,
  check: (r: ResourceInfo, out: RawFinding[], ctx: RuleContext) => void,
  types?: readonly string[],
  crossResource = false,
): Rule {
  const one = (ctx: RuleContext, r: ResourceInfo): RawFinding[] => {
    const out: RawFinding[] = [];
    if (!types || (r.type && types.includes(r.type))) check(r, out, ctx);
    return out;
  };
  const optIn = (out: RawFinding[]) => out.map((f) => (f.data ? { ...f, data: { ...f.data, optIn: true } } : f));
  const rule = cfnRule(code, title, [], (ctx) => {
    // A macro may rewrite anything; what we read is not what gets deployed.
    if (templateIndex(ctx.doc, ctx.root).foreignTransform) return [];
    return optIn(crossResource ? [...templateIndex(ctx.doc, ctx.root).resources.values()].flatMap((r) => one(ctx, r)) : eachResource(ctx, code, (r) => one(ctx, r)));
  }, 'warning');
  const perEntry = (ctx: RuleContext, r: ResourceInfo) => (templateIndex(ctx.doc, ctx.root).foreignTransform ? [] : optIn(one(ctx, r)));
  return { ...rule, bestPractice: true, scanners, ...(crossResource ? {} : { perEntry }) };
}

/**
 * A boolean property that should be `true` but is missing or literally false: the finding points
 * at the false value (fix: `true`) or at the resource's type (fix: add the property). Undefined
 * when the property is true or not a literal.
 */
export function mustBeTrue(doc: TemplateDocument, r: ResourceInfo, key: string, message: (missing: boolean) => string): RawFinding | undefined {
  const v = get(r.properties, key);
  if (v !== undefined && literalBool(v) !== false) return undefined;
  if (v) return { message: message(false), start: v.start, end: v.end, data: { fix: 'replace', start: v.start, end: v.end, candidates: ['true'] } };
  return { message: message(true), ...typeRange(r), data: addProperty(doc, r, key, 'true') };
}

/** true/false when written literally (`true`, `"false"`), undefined for anything else (absent, a function…). */
export function literalBool(n: Node | undefined): boolean | undefined {
  if (!isScalar(n)) return undefined;
  const v = typeof n.value === 'string' ? n.value.toLowerCase() : n.value;
  return v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;
}

/** A literal number (`22`, `"22"`), else undefined. */
export function literalNumber(n: Node | undefined): number | undefined {
  if (!isScalar(n) || n.value === null || n.value === '') return undefined;
  const v = Number(n.value);
  return Number.isFinite(v) ? v : undefined;
}

/** Items of a list, or the value itself when it is one item (IAM allows both). Functions give nothing. */
export function items(n: Node | undefined): Node[] {
  if (isSeq(n)) return n.items;
  return n && !intrinsicName(n) ? [n] : [];
}

/** Where to point at a resource: its Type value (one short token), else its logical ID. */
export function typeRange(r: ResourceInfo): { start: number; end: number } {
  const n = r.typeNode ?? r.pair.key;
  return { start: n.start, end: n.end };
}

/** Add `key: value` (a one-line flow value) to a resource's Properties, creating Properties when there is none. YAML block style only. */
export function addProperty(doc: TemplateDocument, r: ResourceInfo, key: string, value: string): FixData | undefined {
  const title = `Add ${key}`;
  if (isMap(r.properties) && r.properties.pairs.length) return addKeyAfter(doc, r.properties.pairs[r.properties.pairs.length - 1], key, value, title);
  const type = getPair(r.node, 'Type');
  if (r.properties !== undefined || !type) return undefined;
  return addKeyAfter(doc, type, 'Properties', `{${key}: ${value}}`, title);
}

export function hasKey(n: Node | undefined, key: string): boolean {
  return isMap(n) && n.pairs.some((p) => p.key.value === key);
}

export { get };
