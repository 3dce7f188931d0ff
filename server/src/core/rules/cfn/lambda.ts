/**
 * Lambda runtime lifecycle (LAMBDA1001 deprecated, LAMBDA1002 creation blocked), from the dates in
 * server/data/facts/lambda-runtimes.json compared with the lint date. Checked where a runtime is written:
 * AWS::Lambda::Function and AWS::Serverless::Function `Runtime`, and SAM `Globals.Function.Runtime`.
 */
import { runtimeLifecycle, type RuntimeLifecycle } from '../../facts';
import { get, intrinsicName, isScalar, isSeq, type MapNode, type Node, type ScalarNode } from '../../document/nodes';
import { cfnRule } from '../define';
import type { RawFinding, Rule, RuleContext } from '../types';
import { templateIndex } from '../../cfn/template';
import { isoDay } from '../../day';

const FUNCTION_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/** Literal runtime names a value can take (each branch of `Fn::If`); intrinsics we can't resolve give none. */
function literals(n: Node | undefined, out: ScalarNode[] = [], depth = 0): ScalarNode[] {
  if (!n || depth > 10) return out;
  if (isScalar(n)) {
    if (typeof n.value === 'string') out.push(n);
  } else if (intrinsicName(n) === 'Fn::If') {
    const a = (n as MapNode).pairs[0].value;
    if (isSeq(a) && a.items.length === 3) for (const b of a.items.slice(1)) literals(b, out, depth + 1);
  }
  return out;
}

interface RuntimeUse {
  node: ScalarNode;
  life: RuntimeLifecycle;
}

const cache = new WeakMap<RuleContext['doc'], RuntimeUse[]>();

function runtimeUses(ctx: RuleContext): RuntimeUse[] {
  const hit = cache.get(ctx.doc);
  if (hit) return hit;
  const idx = templateIndex(ctx.doc, ctx.root);
  const values: Node[] = [];
  for (const r of idx.resources.values()) {
    if (r.type && FUNCTION_TYPES.has(r.type)) {
      const v = get(r.properties, 'Runtime');
      if (v) values.push(v);
    }
  }
  if (idx.sam) {
    const g = get(get(get(ctx.root, 'Globals'), 'Function'), 'Runtime');
    if (g) values.push(g);
  }
  const uses: RuntimeUse[] = [];
  for (const v of values) {
    for (const node of literals(v)) {
      const life = runtimeLifecycle(String(node.value).trim());
      if (life) uses.push({ node, life });
    }
  }
  cache.set(ctx.doc, uses);
  return uses;
}

function finding(u: RuntimeUse, message: string): RawFinding {
  const s = u.life.successor;
  return {
    message: message + (s ? ` Use '${s}' (its successor) or a newer runtime.` : ''),
    start: u.node.start,
    end: u.node.end,
    data: s ? { fix: 'replace', start: u.node.start, end: u.node.end, candidates: [s] } : undefined,
  };
}

export const lambdaRuntimeDeprecated = cfnRule('LAMBDA1001', 'Deprecated Lambda runtime', ['W2531'], (ctx) => {
  const today = isoDay(ctx.today ?? new Date());
  return runtimeUses(ctx)
    .filter((u) => u.life.deprecated <= today && today < u.life.createBlock && today < u.life.updateBlock)
    .map((u) =>
      finding(u, `Runtime '${u.life.runtime}' is deprecated since ${u.life.deprecated}: it gets no more security patches, and Lambda blocks creating functions with it from ${u.life.createBlock} and updating them from ${u.life.updateBlock}.`),
    );
}, 'warning');

export const lambdaRuntimeBlocked = cfnRule('LAMBDA1002', 'Lambda runtime that can no longer be deployed', ['E2531', 'E2533'], (ctx) => {
  const today = isoDay(ctx.today ?? new Date());
  return runtimeUses(ctx)
    .filter((u) => u.life.createBlock <= today || u.life.updateBlock <= today)
    .map((u) => {
      const l = u.life;
      const update = l.updateBlock <= today ? `and updating them since ${l.updateBlock}` : `and blocks updating them from ${l.updateBlock}`;
      return finding(u, `Runtime '${l.runtime}' is past its end of life: Lambda blocks creating functions with it since ${l.createBlock} ${update}, so the stack fails.`);
    });
});

export const lambdaRules: Rule[] = [lambdaRuntimeDeprecated, lambdaRuntimeBlocked];
