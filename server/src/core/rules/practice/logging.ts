/** Logs: Lambda log retention (BP1012) and CloudTrail log file validation (BP1013). */
import type { ResourceInfo } from '../../cfn/template';
import { templateIndex } from '../../cfn/template';
import { get, str } from '../../document/nodes';
import type { RawFinding } from '../types';
import { hasKey, mustBeTrue, practiceRule, typeRange } from './util';

/**
 * A log group in the template that is this function's: its LogGroupName mentions the function
 * (by logical ID through Ref/Sub, or by its literal FunctionName).
 */
function ownLogGroup(text: string, fn: ResourceInfo, groups: ResourceInfo[]): ResourceInfo | undefined {
  const name = str(get(fn.properties, 'FunctionName'));
  const mention = new RegExp(`(^|[^A-Za-z0-9])(${[fn.name, name].filter(Boolean).map((s) => s!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})([^A-Za-z0-9]|$)`);
  return groups.find((g) => {
    const n = get(g.properties, 'LogGroupName');
    return n && mention.test(text.slice(n.start, n.end));
  });
}

export const lambdaLogRetention = practiceRule(
  'BP1012',
  'Lambda function without log retention',
  { cfnNag: ['W86'], checkov: ['CKV_AWS_66'], guard: ['CW_LOGGROUP_RETENTION_PERIOD_CHECK'] },
  (r, out: RawFinding[], ctx) => {
    // A log group of its own choosing: the retention is that group's business.
    if (hasKey(get(r.properties, 'LoggingConfig'), 'LogGroup')) return;
    const idx = templateIndex(ctx.doc, ctx.root);
    const groups = [...idx.resources.values()].filter((g) => g.type === 'AWS::Logs::LogGroup');
    const group = ownLogGroup(ctx.doc.text, r, groups);
    if (group && hasKey(group.properties, 'RetentionInDays')) return;
    out.push({
      message: group
        ? `Log group ${group.name} of ${r.name} has no RetentionInDays, so its logs are kept (and billed) forever. Set RetentionInDays.`
        : `${r.name} writes to a log group Lambda creates on first run, which keeps logs (and bills for them) forever and outlives the stack. Declare an AWS::Logs::LogGroup named /aws/lambda/<function name> with RetentionInDays.`,
      ...typeRange(group ?? r),
    });
  },
  ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
  true, // reads the template's log groups
);

export const trailValidation = practiceRule(
  'BP1013',
  'CloudTrail trail without log file validation',
  { cfnNag: [], checkov: ['CKV_AWS_36'], guard: ['CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED'] },
  (r, out: RawFinding[], ctx) => {
    const f = mustBeTrue(ctx.doc, r, 'EnableLogFileValidation', (missing) => `Trail ${r.name} does not validate its log files${missing ? ' (EnableLogFileValidation is not set)' : ''}: someone who deletes or edits a log file leaves no trace. Set EnableLogFileValidation: true.`);
    if (f) out.push(f);
  },
  ['AWS::CloudTrail::Trail'],
);
