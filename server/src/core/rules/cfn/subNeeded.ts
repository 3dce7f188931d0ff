/**
 * `${Name}` written in a plain string (CFN4100). Only `Fn::Sub` substitutes variables; elsewhere
 * the text reaches the service as written (`ImageId: ${AmiId}`), which then fails or names the
 * wrong thing. Reported only when Name is a parameter, resource (or `Resource.Attr`) or pseudo
 * parameter of the template, so text meant for other tools (`${stageVariables.x}`, shell) is left alone.
 */
import { entryFact, templateIndex, type ResourceInfo, type TemplateIndex } from '../../cfn/template';
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

/** A string with `${X}` outside Fn::Sub, and the names it uses (those a DefinitionSubstitutions map provides left out). */
interface Candidate {
  node: ScalarNode;
  vars: string[];
}

/** Every string outside Fn::Sub under `n` that has `${X}` in it. */
function candidates(n: Node, skip: Set<string> | undefined, depth: number, out: Candidate[]): void {
  if (depth > 100) return;
  if (n.kind === 'scalar') {
    if (typeof n.value !== 'string' || !n.value.includes('${')) return;
    const vars = [...n.value.matchAll(VAR)].map((m) => m[1]).filter((v) => !skip?.has(v));
    if (vars.length) out.push({ node: n, vars });
    return;
  }
  if (n.kind === 'seq') {
    for (const it of n.items) candidates(it, skip, depth + 1, out);
    return;
  }
  const fn = intrinsicName(n);
  if (fn === 'Fn::Sub' || fn === 'Fn::Transform' || fn?.startsWith('Fn::ForEach')) return;
  for (const p of n.pairs) {
    const k = keyText(p);
    // A nested template's own `${}` belongs to that template's Fn::Sub.
    if (k.startsWith('Fn::ForEach') || k === 'Fn::Transform' || k === 'TemplateBody') continue;
    candidates(p.value, skip, depth + 1, out);
  }
}

function resourceCandidates(r: ResourceInfo): Candidate[] {
  const out: Candidate[] = [];
  if (isMap(r.node)) {
    const subs = r.type && SUBSTITUTING.has(r.type) ? get(r.properties, 'DefinitionSubstitutions') : undefined;
    const skip = isMap(subs) ? new Set(subs.pairs.map(keyText)) : undefined;
    for (const p of r.node.pairs) if (keyText(p) !== 'Metadata') candidates(p.value, skip, 0, out);
  }
  return out;
}

const candidateFacts = new WeakMap<ResourceInfo, Candidate[]>();

export const subNeeded = cfnRule('CFN4100', '${Name} in a string that is not in Fn::Sub', ['E1029'], (ctx) => {
  if (!ctx.doc.text.includes('${')) return []; // nothing to substitute: skip the walk
  const idx = templateIndex(ctx.doc, ctx.root);
  if (idx.foreignTransform) return []; // a macro may be the one that substitutes
  const out: RawFinding[] = [];
  const report = ({ node, vars }: Candidate): void => {
    const named = vars.filter((v) => names(idx, v));
    if (!named.length) return;
    const shown = [...new Set(named)].map((v) => `\${${v}}`).join(', ');
    out.push({
      message: `${shown} is written in a plain string, so CloudFormation passes it on as text instead of the value. Only Fn::Sub substitutes variables: wrap the string in !Sub.`,
      start: node.start,
      end: node.end,
      data: wrapFix(ctx, node),
    });
  };
  for (const r of idx.resources.values()) entryFact(candidateFacts, r, resourceCandidates).forEach(report);
  const rest: Candidate[] = [];
  for (const o of idx.outputs.values()) candidates(o.value, undefined, 0, rest);
  for (const c of idx.conditions.values()) candidates(c.value, undefined, 0, rest);
  const globals = get(ctx.root, 'Globals');
  if (idx.sam && globals) candidates(globals, undefined, 0, rest);
  rest.forEach(report);
  return out;
});
