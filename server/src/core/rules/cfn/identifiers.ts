import { templateIndex } from '../../cfn/template';
import { get, getPair, intrinsicName, isMap, walk, type Node, type Pair } from '../../document/nodes';
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

export const uniqueIdentifiers = cfnRule('CFN3109', 'Two resources of a type share the name that identifies them', ['E3019'], (ctx) => {
  const idx = templateIndex(ctx.doc, ctx.root);
  if (idx.foreignTransform) return [];
  // type + identifier values → the resources that set them, with the pairs holding the values.
  const groups = new Map<string, { name: string; pairs: Pair[] }[]>();
  for (const r of idx.resources.values()) {
    const ids = r.type ? registryType(r.type)?.primaryIdentifier : undefined;
    if (!ids || !isMap(r.node) || get(r.node, 'Condition')) continue; // conditions may keep them apart
    const pairs = ids.map((k) => getPair(r.properties, k));
    if (pairs.some((p) => !p || conditional(p.value) || intrinsicName(p.value) === 'Ref' && canonical(p.value) === 's:AWS::NoValue')) continue;
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
      const p = s.pairs[0];
      out.push({
        message: `${s.pairs.map((x) => x.key.value).join(', ')} of '${s.name}' is the same as in ${others}: each ${type} needs its own. Change one of them, or leave it out so CloudFormation generates one.`,
        start: p.value.start,
        end: p.value.kind === 'scalar' ? p.value.end : p.value.start + 1,
      });
    }
  }
  return out;
});
