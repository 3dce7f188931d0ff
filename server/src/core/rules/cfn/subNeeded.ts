/**
 * `${Name}` written in a plain string (CFN4100). Only `Fn::Sub` substitutes variables; elsewhere
 * the text reaches the service as written (`ImageId: ${AmiId}`), which then fails or names the
 * wrong thing. Reported only when Name is a parameter, resource (or `Resource.Attr`) or pseudo
 * parameter of the template, so text meant for other tools (`${stageVariables.x}`, shell) is left alone.
 */
import { templateIndex, type TemplateIndex } from '../../cfn/template';
import { PSEUDO_PARAMETERS } from '../../cfn/vocabulary';
import { get, intrinsicName, isMap, keyText, type Node, type ScalarNode } from '../../document/nodes';
import { cfnRule } from '../define';
import type { RawFinding, RuleContext } from '../types';

const VAR = /\$\{([A-Za-z0-9_:.]+)\}/g;
/** Resources whose definition strings get `${X}` replaced from DefinitionSubstitutions. */
const SUBSTITUTING = new Set(['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine']);

function names(idx: TemplateIndex, name: string): boolean {
  if (idx.parameters.has(name) || PSEUDO_PARAMETERS.includes(name)) return true;
  const dot = name.indexOf('.');
  return idx.resources.has(dot < 0 ? name : name.slice(0, dot));
}

function wrapFix(ctx: RuleContext, n: ScalarNode): RawFinding['data'] {
  if (n.tag) return undefined;
  if (ctx.doc.format === 'json') {
    return { fix: 'edits', title: 'Wrap in Fn::Sub', edits: [{ start: n.start, end: n.start, text: '{"Fn::Sub": ' }, { start: n.end, end: n.end, text: '}' }] };
  }
  return { fix: 'edits', title: 'Wrap in !Sub', edits: [{ start: n.start, end: n.start, text: '!Sub ' }] };
}

export const subNeeded = cfnRule('CFN4100', '${Name} in a string that is not in Fn::Sub', ['E1029'], (ctx) => {
  if (!ctx.doc.text.includes('${')) return []; // nothing to substitute: skip the walk
  const idx = templateIndex(ctx.doc, ctx.root);
  if (idx.foreignTransform) return []; // a macro may be the one that substitutes
  const out: RawFinding[] = [];
  const visit = (n: Node, skip: Set<string> | undefined, depth: number): void => {
    if (depth > 100) return;
    if (n.kind === 'scalar') {
      if (typeof n.value !== 'string' || !n.value.includes('${')) return;
      const vars = [...n.value.matchAll(VAR)].map((m) => m[1]).filter((v) => names(idx, v) && !skip?.has(v));
      if (!vars.length) return;
      const shown = [...new Set(vars)].map((v) => `\${${v}}`).join(', ');
      out.push({
        message: `${shown} is written in a plain string, so CloudFormation passes it on as text instead of the value. Only Fn::Sub substitutes variables: wrap the string in !Sub.`,
        start: n.start,
        end: n.end,
        data: wrapFix(ctx, n),
      });
      return;
    }
    if (n.kind === 'seq') {
      for (const it of n.items) visit(it, skip, depth + 1);
      return;
    }
    const fn = intrinsicName(n);
    if (fn === 'Fn::Sub' || fn === 'Fn::Transform' || fn?.startsWith('Fn::ForEach')) return;
    for (const p of n.pairs) {
      const k = keyText(p);
      // A nested template's own `${}` belongs to that template's Fn::Sub.
      if (k.startsWith('Fn::ForEach') || k === 'Fn::Transform' || k === 'TemplateBody') continue;
      visit(p.value, skip, depth + 1);
    }
  };
  for (const r of idx.resources.values()) {
    if (!isMap(r.node)) continue;
    const subs = r.type && SUBSTITUTING.has(r.type) ? get(r.properties, 'DefinitionSubstitutions') : undefined;
    const skip = isMap(subs) ? new Set(subs.pairs.map(keyText)) : undefined;
    for (const p of r.node.pairs) if (keyText(p) !== 'Metadata') visit(p.value, skip, 0);
  }
  for (const o of idx.outputs.values()) visit(o.value, undefined, 0);
  for (const c of idx.conditions.values()) visit(c.value, undefined, 0);
  const globals = get(ctx.root, 'Globals');
  if (idx.sam && globals) visit(globals, undefined, 0);
  return out;
});
