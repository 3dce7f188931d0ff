/** Small builders most rules share: the CloudFormation kinds, a rule from its check, a did-you-mean finding. */
import { templateIndex, type ResourceInfo } from '../cfn/template';
import type { TemplateDocument } from '../document/model';
import { keyText, type MapNode } from '../document/nodes';
import type { Kind } from '../kind';
import { closest, didYouMean } from '../suggest';
import { addTopLevelKey } from './textFixes';
import type { RawFinding, Rule, RuleContext, Severity } from './types';

/**
 * Order of rule codes (upper-case letters and digits, where this equals the locale's order):
 * localeCompare's first call loads the ICU collator, milliseconds of a fresh CLI run.
 */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** CloudFormation rules run on SAM templates too (SAM is CloudFormation plus a transform). */
export const CFN_KINDS = ['cfn', 'sam'] as const;

/** A rule for `kinds` whose findings `check` computes. */
export function kindRule(kinds: readonly Kind[], code: string, title: string, cfnLint: string[], check: (ctx: RuleContext) => RawFinding[], severity: Severity = 'error'): Rule {
  return { code, kinds, severity, title, ...(cfnLint.length ? { cfnLint } : {}), check };
}

/** A CloudFormation/SAM rule whose findings `check` computes. */
export function cfnRule(code: string, title: string, cfnLint: string[], check: (ctx: RuleContext) => RawFinding[], severity: Severity = 'error'): Rule {
  return kindRule(CFN_KINDS, code, title, cfnLint, check, severity);
}

/**
 * A CloudFormation/SAM rule whose findings for a resource read only that resource's entry and the
 * template outside Resources (never another resource): an unchanged entry's findings are reused
 * from the previous lint (ctx.memo).
 */
export function resourceRule(code: string, title: string, cfnLint: string[], check: (ctx: RuleContext, r: ResourceInfo, out: RawFinding[]) => void, severity: Severity = 'error'): Rule {
  const perEntry = (ctx: RuleContext, r: ResourceInfo): RawFinding[] => {
    const out: RawFinding[] = [];
    check(ctx, r, out);
    return out;
  };
  return { ...cfnRule(code, title, cfnLint, (ctx) => eachResource(ctx, code, (r) => perEntry(ctx, r)), severity), perEntry };
}

/** `perResource(r)` of every resource, through ctx.memo under `key` (see resourceRule for what it may read). */
export function eachResource<T extends RawFinding>(ctx: RuleContext, key: string, perResource: (r: ResourceInfo) => T[]): T[] {
  const resources = templateIndex(ctx.doc, ctx.root).resources.values();
  if (ctx.memo) return ctx.memo.each(key, resources, perResource);
  const out: T[] = [];
  for (const r of resources) for (const f of perResource(r)) out.push(f);
  return out;
}

/**
 * A finding on `at` saying `message` plus "Did you mean …?"; its fix replaces `at` with one of the
 * candidates (no fix when there are none).
 */
export function replaceFinding(at: { start: number; end: number }, message: string, candidates: string[], suffix = ''): RawFinding {
  return {
    message: `${message}${didYouMean(candidates)}${suffix}`,
    start: at.start,
    end: at.end,
    data: candidates.length ? { fix: 'replace', start: at.start, end: at.end, candidates } : undefined,
  };
}

/**
 * A file without its `version` key (AppSpec, buildspec): one finding on the first key whose fix adds
 * `version: <value>` at the top. Nothing when a near-miss key (`verison`) is there: the unknown-key
 * rule reports that one with its rename.
 */
export function versionMissing(doc: TemplateDocument, root: MapNode, present: boolean, message: string, value: { yaml: string; json: string }): RawFinding[] {
  if (present || root.pairs.some((p) => closest(keyText(p), ['version'], 1).length)) return [];
  const at = root.pairs[0]?.key ?? root;
  return [{ message, start: at.start, end: at.end, data: addTopLevelKey(doc, root, 'version', value.yaml, value.json, `Add 'version: ${value.yaml}'`) }];
}
