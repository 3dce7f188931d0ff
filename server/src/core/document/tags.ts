/**
 * CloudFormation's short-form YAML tags and the long-form keys they stand for.
 * `!GetAtt a.b` and `!GetAtt [a, b]` both become `Fn::GetAtt`; `!Condition X` is the
 * condition-reference form used inside `Fn::And`/`Fn::Or`/`Fn::Not`.
 */
export const SHORT_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
  '!ForEach': 'Fn::ForEach',
  '!Contains': 'Fn::Contains',
  '!EachMemberEquals': 'Fn::EachMemberEquals',
  '!EachMemberIn': 'Fn::EachMemberIn',
  '!RefAll': 'Fn::RefAll',
  '!ValueOf': 'Fn::ValueOf',
  '!ValueOfAll': 'Fn::ValueOfAll',
  '!Implies': 'Fn::Implies',
};

/** Every long-form intrinsic name we know (for did-you-mean and "functions allowed here"). */
export const INTRINSICS = new Set(Object.values(SHORT_TAGS).filter((v) => v !== 'Condition'));

/** Where a tag stands: the parser's node range starts at its value, and the tag sits just before it (maybe on the previous line). */
export function findTag(text: string, tag: string, valueStart: number): number {
  const from = Math.max(0, valueStart - 400);
  const i = text.lastIndexOf(tag, valueStart);
  return i >= from ? i : valueStart;
}
