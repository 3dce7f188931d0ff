import { templateIndex } from '../../cfn/template';
import { chooseBranches, conditionSolver, ifConditions, type Scenario } from '../../cfn/conditions';
import { get, getPair, intrinsicName, isMap, str, walk, type Node, type Pair } from '../../document/nodes';
import { registryType } from '../../schema/registry';
import { canonical } from '../jsonschema/literal';
import { cfnRule } from '../define';
import type { RawFinding } from '../types';

/** Does a value depend on a condition (then two resources may never exist together)? */
function conditional(n: Node): boolean {
  let found = false;
  walk(n, (x) => {
    if (intrinsicName(x) === 'Fn::If') found = true;
    return !found; // stop descending once found
  });
  return found;
}

interface Named {
  name: string;
  type: string;
  ids: string[];
  node: Node;
  /** The resource's Condition (undefined: always created). */
  condition?: string;
}

/** The identifier values of a resource in one scenario (undefined: not created, or not all known). */
function valuesIn(r: Named, sc: Scenario): { pairs: Pair[]; values: Node[] } | undefined {
  if (r.condition && !sc.get(r.condition)) return undefined;
  const props = chooseBranches(get(r.node, 'Properties'), sc);
  const pairs: Pair[] = [];
  const values: Node[] = [];
  for (const k of r.ids) {
    const p = isMap(props) ? getPair(props, k) : undefined;
    const v = chooseBranches(p?.value, sc);
    if (!p || !v || conditional(v) || (intrinsicName(v) === 'Ref' && canonical(v) === 's:AWS::NoValue')) return undefined;
    pairs.push(p);
    values.push(v);
  }
  return { pairs, values };
}

export const uniqueIdentifiers = cfnRule('CFN3109', 'Two resources of a type share the name that identifies them', ['E3019'], (ctx) => {
  const idx = templateIndex(ctx.doc, ctx.root);
  if (idx.foreignTransform) return [];
  // type + identifier values → the resources that set them, with the pairs holding the values.
  const groups = new Map<string, { name: string; pairs: Pair[] }[]>();
  // Resources whose identifier depends on a condition: compared pairwise, scenario by scenario.
  const conditionalOnes: Named[] = [];
  const byType = new Map<string, Named[]>();
  for (const r of idx.resources.values()) {
    const ids = r.type ? registryType(r.type)?.primaryIdentifier : undefined;
    if (!ids || !r.type || !isMap(r.node)) continue;
    const cond = get(r.node, 'Condition');
    if (cond && str(cond) === undefined) continue;
    const named: Named = { name: r.name, type: r.type, ids, node: r.node, condition: str(cond) };
    if (!byType.has(r.type)) byType.set(r.type, []);
    byType.get(r.type)!.push(named);
    const pairs = ids.map((k) => getPair(r.properties, k));
    if (cond || intrinsicName(r.properties) === 'Fn::If' || pairs.some((p) => p && conditional(p.value))) {
      conditionalOnes.push(named);
      continue;
    }
    if (pairs.some((p) => !p || intrinsicName(p.value) === 'Ref' && canonical(p.value) === 's:AWS::NoValue')) continue;
    const key = `${r.type}|${pairs.map((p) => canonical(p!.value)).join('|')}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push({ name: r.name, pairs: pairs as Pair[] });
  }
  const out: RawFinding[] = [];
  for (const [key, same] of groups) {
    if (same.length < 2) continue;
    const type = key.slice(0, key.indexOf('|'));
    for (const s of same) {
      const others = same.filter((o) => o !== s).map((o) => `'${o.name}'`).join(', ');
      out.push(finding(s.name, s.pairs.map((x) => String(x.key.value)), s.pairs[0].value, others, type));
    }
  }
  // A conditional resource against every other of its type: a clash in any scenario that can happen.
  const solver = conditionSolver(idx);
  const clashes = new Map<string, { r: Named; at: Node; others: Set<string> }>();
  // Pairs are compared scenario by scenario, which is slow: a resource whose plain Properties lack
  // an identifier has no values in any scenario (see valuesIn), so its pairs are skipped unsolved.
  const order = new Map(conditionalOnes.map((r, i) => [r, i]));
  const mayHaveValues = (r: Named) => {
    const props = get(r.node, 'Properties');
    return intrinsicName(props) === 'Fn::If' || r.ids.every((k) => isMap(props) && getPair(props, k));
  };
  for (const a of conditionalOnes) {
    if (!mayHaveValues(a)) continue;
    for (const b of byType.get(a.type)!) {
      if (a === b || (order.has(b) && order.get(b)! < order.get(a)!) || !mayHaveValues(b)) continue;
      const names = new Set<string>();
      for (const r of [a, b]) {
        if (r.condition) names.add(r.condition);
        ifConditions(get(r.node, 'Properties'), names);
      }
      for (const sc of solver.scenarios([...names]) ?? []) {
        const va = valuesIn(a, sc);
        const vb = va && valuesIn(b, sc);
        if (!va || !vb || va.values.some((v, i) => canonical(v) !== canonical(vb.values[i]))) continue;
        for (const [r, v, o] of [[a, va, b], [b, vb, a]] as const) {
          if (!clashes.has(r.name)) clashes.set(r.name, { r, at: v.values[0], others: new Set() });
          clashes.get(r.name)!.others.add(o.name);
        }
        break;
      }
    }
  }
  for (const { r, at, others } of clashes.values()) {
    out.push(finding(r.name, r.ids, at, [...others].map((o) => `'${o}'`).join(', '), r.type, true));
  }
  return out;
});

function finding(name: string, ids: string[], at: Node, others: string, type: string, someValues = false): RawFinding {
  return {
    message: `${ids.join(', ')} of '${name}' is the same as in ${others}${someValues ? ' for some parameter values (both resources exist then)' : ''}: each ${type} needs its own. Change one of them, or leave it out so CloudFormation generates one.`,
    start: at.start,
    end: at.kind === 'scalar' ? at.end : at.start + 1,
  };
}
