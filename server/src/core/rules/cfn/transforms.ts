/**
 * Transform names (CFN4101). Names under `AWS::` are AWS's own transforms, a short fixed list;
 * anything else is a macro the account defines, which we can't see, so only `AWS::` names are checked.
 */
import { get, intrinsicName, isMap, isScalar, isSeq, walk, type Node, type ScalarNode } from '../../document/nodes';
import { closest, didYouMean } from '../../suggest';
import { cfnRule } from '../define';
import type { RawFinding } from '../types';

export const AWS_TRANSFORMS = [
  'AWS::Serverless-2016-10-31',
  'AWS::LanguageExtensions',
  'AWS::Include',
  'AWS::CodeDeployBlueGreen',
  'AWS::SecretsManager-2020-07-23',
  'AWS::SecretsManager-2024-09-16',
];

/** Scalars that name a transform: the Transform section (a name, a list, or `{Name: …}`) and `Fn::Transform`'s Name. */
function transformNames(section: Node | undefined, root: Node): ScalarNode[] {
  const out: ScalarNode[] = [];
  const add = (n: Node | undefined) => {
    if (isScalar(n) && typeof n.value === 'string') out.push(n);
    else if (isMap(n) && !intrinsicName(n)) add(get(n, 'Name'));
  };
  for (const n of isSeq(section) ? section.items : [section]) add(n);
  walk(root, (n) => {
    if (intrinsicName(n) === 'Fn::Transform' && isMap(n)) add(get(n.pairs[0].value, 'Name'));
  });
  return out;
}

export const transformName = cfnRule('CFN4101', 'Unknown AWS transform', ['E1001'], ({ doc, root }) => {
  const out: RawFinding[] = [];
  if (!doc.text.includes('Transform')) return out; // no section, no Fn::Transform: skip the walk
  for (const n of transformNames(get(root, 'Transform'), root)) {
    const name = String(n.value).trim();
    if (!name.startsWith('AWS::') || AWS_TRANSFORMS.includes(name)) continue;
    const cands = closest(name, AWS_TRANSFORMS, 2);
    out.push({
      message: `'${name}' is not one of AWS's transforms, so CloudFormation rejects the template.${didYouMean(cands)} AWS transforms: ${AWS_TRANSFORMS.join(', ')}.`,
      start: n.start,
      end: n.end,
      data: cands.length ? { fix: 'replace', start: n.start, end: n.end, candidates: cands } : undefined,
    });
  }
  return out;
});
