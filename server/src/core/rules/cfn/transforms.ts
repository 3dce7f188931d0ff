/**
 * Transform names (CFN4101). Names under `AWS::` are AWS's own transforms, a short fixed list;
 * anything else is a macro the account defines, which we can't see, so only `AWS::` names are checked.
 */
import { get, intrinsicName, isMap, isScalar, isSeq, walk, type Node, type ScalarNode } from '../../document/nodes';
import { closest, didYouMean } from '../../suggest';
import { intrinsicCalls } from '../../cfn/calls';
import { templateIndex } from '../../cfn/template';
import { cfnRule } from '../define';
import type { RawFinding, RuleContext } from '../types';

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

/** Functions and loops that exist only under the AWS::LanguageExtensions transform. */
const EXTENSION_FUNCTIONS = new Set(['Fn::Length', 'Fn::ToJsonString']);
const EXTENSION_SECTIONS = ['Resources', 'Outputs', 'Conditions'];

export const languageExtensionsNeeded = cfnRule('CFN5203', 'Fn::ForEach, Fn::Length or Fn::ToJsonString without the AWS::LanguageExtensions transform', ['E1032', 'E3001', 'E6001'], (ctx) => {
  const { doc, root } = ctx;
  const out: RawFinding[] = [];
  if (!/Fn::(ForEach|Length|ToJsonString)|!(ForEach|Length|ToJsonString)\b/.test(doc.text)) return out;
  const idx = templateIndex(doc, root);
  if (idx.languageExtensions || idx.foreignTransform) return out; // a macro may expand them itself
  const fix = addTransformFix(ctx);
  const report = (at: { start: number; end: number }, what: string) => out.push({
    message: `${what} exists only under the AWS::LanguageExtensions transform, so CloudFormation rejects the template. Add 'Transform: AWS::LanguageExtensions' at the top of the template.`,
    start: at.start,
    end: at.end,
    data: fix,
  });
  for (const section of EXTENSION_SECTIONS) {
    const sec = get(root, section);
    if (!sec) continue;
    walk(sec, (n) => {
      if (!isMap(n)) return;
      for (const p of n.pairs) if (typeof p.key.value === 'string' && p.key.value.startsWith('Fn::ForEach::')) report(p.key, 'Fn::ForEach');
    });
  }
  for (const c of intrinsicCalls(doc, root).calls) if (EXTENSION_FUNCTIONS.has(c.fn)) report(c.node.pairs[0].key, c.fn);
  return out;
});

/** Insert the transform as the first line of a YAML template that has no Transform section (JSON: no fix). */
function addTransformFix({ doc, root }: RuleContext): RawFinding['data'] {
  const first = root.pairs[0];
  if (doc.format !== 'yaml' || get(root, 'Transform') || !first || doc.lines.positionAt(first.start).character !== 0) return undefined;
  return { fix: 'edits', title: 'Add Transform: AWS::LanguageExtensions', edits: [{ start: first.start, end: first.start, text: 'Transform: AWS::LanguageExtensions\n' }] };
}
