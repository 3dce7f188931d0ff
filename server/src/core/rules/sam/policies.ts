import { templateIndex } from '../../cfn/template';
import { get, intrinsicName, isMap, isScalar, isSeq, keyText, str, type MapNode, type Node } from '../../document/nodes';
import { samRegistry } from '../../schema/registry';
import { closest, didYouMean } from '../../suggest';
import { kindRule } from '../define';
import type { RawFinding, Rule, RuleContext } from '../types';

const SAM = ['sam'] as const;
/** Serverless types whose `Policies` take SAM policy templates and managed policy names. */
const WITH_POLICIES = ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'];

/** Each item of each `Policies` (a single item or a list), with the owning resource's name. */
function eachPolicy(ctx: RuleContext, fn: (item: Node, resource: string, out: RawFinding[]) => void): RawFinding[] {
  const out: RawFinding[] = [];
  const idx = templateIndex(ctx.doc, ctx.root);
  if (idx.foreignTransform) return out;
  const visit = (owner: string, policies: Node | undefined) => {
    if (!policies || intrinsicName(policies)) return;
    for (const item of isSeq(policies) ? policies.items : [policies]) if (!intrinsicName(item)) fn(item, owner, out);
  };
  for (const r of idx.resources.values()) {
    if (r.type && WITH_POLICIES.includes(r.type)) visit(r.name, get(get(r.node, 'Properties'), 'Policies'));
  }
  for (const section of ['Function', 'StateMachine']) visit(`Globals.${section}`, get(get(get(ctx.root, 'Globals'), section), 'Policies'));
  return out;
}

export const samPolicyTemplates = kindRule(SAM, 'SAM1102', 'Unknown SAM policy template, or its parameters wrong', ['E0001'], (ctx) => {
  const templates = samRegistry().policyTemplates;
  const names = Object.keys(templates);
  return eachPolicy(ctx, (item, owner, out) => {
    // A one-key mapping that is not a policy document is a policy template: `SQSPollerPolicy: {QueueName: …}`.
    if (!isMap(item) || item.pairs.length !== 1) return;
    const p = item.pairs[0];
    const name = keyText(p);
    if (name === 'Statement' || name === 'Version' || name.startsWith('Fn::')) return;
    const params = Object.prototype.hasOwnProperty.call(templates, name) ? templates[name] : undefined;
    if (!params) {
      const cands = closest(name, names, 3);
      out.push({
        message: `'${name}' is not a SAM policy template (in the Policies of '${owner}').${didYouMean(cands)}${cands.length ? '' : ' Write an IAM policy document with Statement, or a managed policy name.'}`,
        start: p.key.start,
        end: p.key.end,
        data: cands.length ? { fix: 'replace', start: p.key.start, end: p.key.end, candidates: cands } : undefined,
      });
      return;
    }
    checkParameters(name, params, p.value, p.key, out);
  });
});

function checkParameters(name: string, params: string[], value: Node, key: { start: number; end: number }, out: RawFinding[]): void {
  if (intrinsicName(value)) return;
  if (!isMap(value)) {
    if (isScalar(value) && (value.value === null || value.value === '') && params.length === 0) return;
    out.push({ message: `${name} takes a mapping of its parameters${params.length ? ` (${params.join(', ')})` : ' ({} when it has none)'}.`, start: value.start, end: isScalar(value) ? value.end : value.start + 1 });
    return;
  }
  const map: MapNode = value;
  for (const q of map.pairs) {
    const k = keyText(q);
    if (params.includes(k)) continue;
    const cands = closest(k, params, 2);
    // SAM ignores parameters a template does not use: a warning, since the value is lost.
    out.push({
      severity: 'warning',
      message: `${name} has no parameter '${k}'; SAM ignores it.${didYouMean(cands)} Parameters: ${params.length ? params.join(', ') : 'none'}.`,
      start: q.key.start,
      end: q.key.end,
      data: cands.length ? { fix: 'replace', start: q.key.start, end: q.key.end, candidates: cands } : { fix: 'deletePair', start: q.start, end: q.end, key: k },
    });
  }
  const missing = params.filter((k) => !map.pairs.some((q) => keyText(q) === k) && !map.pairs.some((q) => closest(keyText(q), [k], 1).length));
  if (missing.length) {
    out.push({
      message: `${name} needs ${missing.map((m) => `'${m}'`).join(', ')}. Add ${missing.length === 1 ? 'it' : 'them'}.`,
      start: key.start,
      end: key.end,
      data: map.pairs.length ? { fix: 'addKeys', keys: missing, sibling: map.pairs[0].key.start, lastEnd: map.pairs[map.pairs.length - 1].end } : undefined,
    });
  }
}

export const samManagedPolicies = kindRule(SAM, 'SAM1103', 'Unknown AWS managed policy name in Policies', ['E0001'], (ctx) => {
  const known = samRegistry().managedPolicies;
  return eachPolicy(ctx, (item, owner, out) => {
    const name = str(item);
    // ARNs, variables and dynamic references are used as written; only bare names are looked up.
    if (!isScalar(item) || name === undefined || /^arn:|\$\{|\{\{resolve:/.test(name) || known.includes(name)) return;
    const cands = closest(name, known, 3);
    out.push({
      message: `'${name}' is not an AWS managed policy name (in the Policies of '${owner}').${didYouMean(cands)} Use a managed policy name, a policy ARN, a SAM policy template or a policy document.`,
      start: item.start,
      end: item.end,
      data: cands.length ? { fix: 'replace', start: item.start, end: item.end, candidates: cands } : undefined,
    });
  });
}, 'warning');

export const samPolicyRules: Rule[] = [samPolicyTemplates, samManagedPolicies];
