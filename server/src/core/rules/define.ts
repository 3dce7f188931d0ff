/** Small builders most rules share: the CloudFormation kinds, a rule from its check, a did-you-mean finding. */
import { didYouMean } from '../suggest';
import type { RawFinding, Rule, RuleContext, Severity } from './types';

/** CloudFormation rules run on SAM templates too (SAM is CloudFormation plus a transform). */
export const CFN_KINDS = ['cfn', 'sam'] as const;

/** A CloudFormation/SAM rule whose findings `check` computes. */
export function cfnRule(code: string, title: string, cfnLint: string[], check: (ctx: RuleContext) => RawFinding[], severity: Severity = 'error'): Rule {
  return { code, kinds: CFN_KINDS, severity, title, cfnLint, check };
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
