/**
 * Where a template holds IAM policy documents, and which kind each is: identity policies (what a
 * role, user or group may do), trust policies (who may assume a role) and resource policies (who may
 * use a bucket, queue, topic or key). The kind decides which statement elements are required.
 */
import { get, intrinsicName, isMap, isSeq, type Node } from '../document/nodes';
import type { ResourceInfo, TemplateIndex } from './template';

export type PolicyKind = 'identity' | 'trust' | 'resource';

export interface PolicyDocument {
  node: Node;
  kind: PolicyKind;
  resource: ResourceInfo;
}

const IDENTITY_DOCUMENT = new Set(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::RolePolicy', 'AWS::IAM::GroupPolicy']);
const INLINE_POLICIES = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);
const RESOURCE_DOCUMENT: Record<string, string> = {
  'AWS::S3::BucketPolicy': 'PolicyDocument',
  'AWS::SQS::QueuePolicy': 'PolicyDocument',
  'AWS::SNS::TopicPolicy': 'PolicyDocument',
  'AWS::KMS::Key': 'KeyPolicy',
  'AWS::ECR::Repository': 'RepositoryPolicyText',
};
/** Resource policies whose statements name no Resource: the policy applies to the resource that holds it. */
export const RESOURCE_IMPLIED = new Set(['AWS::ECR::Repository']);
const SAM_WITH_POLICIES = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

/** Items of a list, with each `Fn::If` branch in place of the `Fn::If` (other intrinsics give nothing). */
export function listItems(n: Node | undefined): Node[] {
  if (!n) return [];
  const fn = intrinsicName(n);
  if (fn === 'Fn::If') {
    const a = isMap(n) ? n.pairs[0].value : undefined;
    return isSeq(a) && a.items.length === 3 ? [...listItems(a.items[1]), ...listItems(a.items[2])] : [];
  }
  if (fn) return [];
  return isSeq(n) ? n.items.flatMap((it) => (intrinsicName(it) === 'Fn::If' ? listItems(it) : [it])) : [n];
}

export function policyDocuments(idx: TemplateIndex): PolicyDocument[] {
  const out: PolicyDocument[] = [];
  const add = (node: Node | undefined, kind: PolicyKind, resource: ResourceInfo) => {
    if (node) out.push({ node, kind, resource });
  };
  for (const r of idx.resources.values()) {
    const t = r.type;
    if (!t) continue;
    // Properties written whole in `Fn::If` branches: each branch holds its own documents.
    for (const props of listItems(r.properties)) documentsOf(t, props, r, add);
  }
  return out;
}

function documentsOf(t: string, props: Node, r: ResourceInfo, add: (node: Node | undefined, kind: PolicyKind, resource: ResourceInfo) => void): void {
  if (IDENTITY_DOCUMENT.has(t)) add(get(props, 'PolicyDocument'), 'identity', r);
  else if (INLINE_POLICIES.has(t)) {
    for (const p of listItems(get(props, 'Policies'))) add(get(p, 'PolicyDocument'), 'identity', r);
    if (t === 'AWS::IAM::Role') add(get(props, 'AssumeRolePolicyDocument'), 'trust', r);
  } else if (RESOURCE_DOCUMENT[t]) add(get(props, RESOURCE_DOCUMENT[t]), 'resource', r);
  else if (SAM_WITH_POLICIES.has(t)) {
    // SAM Policies: managed policy names, policy templates, or whole policy documents (those have a Statement).
    for (const p of listItems(get(props, 'Policies'))) if (get(p, 'Statement')) add(p, 'identity', r);
    add(get(props, 'AssumeRolePolicyDocument'), 'trust', r);
  }
}
