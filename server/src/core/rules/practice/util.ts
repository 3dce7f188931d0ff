/**
 * Shared helpers of the best-practice checks (BP1xxx). They read only what the template states
 * literally: a value behind `Ref`, `Fn::If` or another function may be anything at deploy time,
 * so the checks stay silent on it rather than guess.
 */
import { templateIndex, type ResourceInfo } from '../../cfn/template';
import { get, intrinsicName, isMap, isScalar, isSeq, type Node } from '../../document/nodes';
import type { RawFinding, Rule, RuleContext } from '../types';

export const CFN_KINDS = ['cfn', 'sam'] as const;

/** A best-practice rule: a warning, on by default, switchable per code in settings. */
export function practiceRule(
  code: string,
  title: string,
  scanners: NonNullable<Rule['scanners']>,
  check: (r: ResourceInfo, out: RawFinding[], ctx: RuleContext) => void,
  types?: readonly string[],
): Rule {
  return {
    code,
    title,
    kinds: CFN_KINDS,
    severity: 'warning',
    bestPractice: true,
    scanners,
    check(ctx) {
      const idx = templateIndex(ctx.doc, ctx.root);
      // A macro may rewrite anything; what we read is not what gets deployed.
      if (idx.foreignTransform) return [];
      const out: RawFinding[] = [];
      for (const r of idx.resources.values()) if (!types || (r.type && types.includes(r.type))) check(r, out, ctx);
      return out;
    },
  };
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

export function hasKey(n: Node | undefined, key: string): boolean {
  return isMap(n) && n.pairs.some((p) => p.key.value === key);
}

export { get };
