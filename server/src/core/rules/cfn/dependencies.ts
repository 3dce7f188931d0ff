/**
 * Circular dependencies between resources (CFN3200). CloudFormation orders resources by the
 * references between them (Ref, GetAtt, `${X}` in Sub, DependsOn, in any branch of Fn::If), and
 * rejects a template whose references loop. The edges come from the same symbol table go-to and
 * rename use, so every spelling of a reference is counted once.
 */
import { templateIndex, type ResourceInfo } from '../../cfn/template';
import { get, type Node } from '../../document/nodes';
import { entryUses, namesVersion } from '../../editing/references';
import { cfnRule } from '../define';
import type { RawFinding } from '../types';

/** Parts of a SAM resource that SAM moves into resources it generates, so they don't make the resource itself depend on anything. */
function samMovedParts(r: ResourceInfo): Node[] {
  if (r.type !== 'AWS::Serverless::Function' && r.type !== 'AWS::Serverless::StateMachine') return [];
  // Event sources become permissions and mappings; a deployment preference becomes a deployment group and alias policy.
  return ['Events', 'DeploymentPreference'].map((k) => get(r.properties, k)).filter((n): n is Node => !!n);
}

/**
 * The names one resource entry refers to (Ref, GetAtt, `${}`, DependsOn; SAM event sources and
 * deployment preferences left out), from the symbol table's uses in that entry. Kept per entry
 * while the entry and the template's defined names are unchanged: a keystroke reads one entry.
 */
const edgesByEntry = new WeakMap<ResourceInfo, { version: object; names: string[] }>();

function entryEdges(doc: Parameters<typeof entryUses>[0], r: ResourceInfo): string[] {
  const version = namesVersion(doc);
  const hit = edgesByEntry.get(r);
  if (hit && hit.version === version) return hit.names;
  const moved = samMovedParts(r);
  const names = new Set<string>();
  for (const o of entryUses(doc, r.pair)) {
    if (o.ns !== 'logicalId') continue;
    // `MyFunctionRole` is counted as a use of MyFunction for renames; here it names a resource SAM generates.
    if (/[A-Za-z0-9]/.test(doc.text[o.end] ?? '')) continue;
    if (moved.some((n) => o.start >= n.start && o.start < n.end)) continue;
    names.add(o.name);
  }
  const list = [...names];
  edgesByEntry.set(r, { version, names: list });
  return list;
}

/** Resource → resources it refers to (each target once). */
export function dependencyGraph(doc: Parameters<typeof entryUses>[0], root: Parameters<typeof templateIndex>[1]): Map<string, Set<string>> {
  const idx = templateIndex(doc, root);
  const resources = [...idx.resources.values()].sort((a, b) => a.pair.start - b.pair.start);
  const graph = new Map<string, Set<string>>(resources.map((r) => [r.name, new Set<string>()]));
  for (const r of resources) {
    const to = graph.get(r.name)!;
    for (const name of entryEdges(doc, r)) if (idx.resources.has(name)) to.add(name);
  }
  return graph;
}

/** Strongly connected components with a loop in them (Tarjan, iterative so deep chains can't overflow the stack). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { v: string; it: Iterator<string> }[] = [{ v: start, it: graph.get(start)!.values() }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const n = top.it.next();
      if (!n.done) {
        const w = n.value;
        if (!graph.has(w)) continue;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, it: graph.get(w)!.values() });
        } else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].v;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
      }
      if (low.get(top.v) === index.get(top.v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.v);
        if (comp.length > 1 || graph.get(top.v)!.has(top.v)) out.push(comp);
      }
    }
  }
  return out;
}

/** Shortest loop from `start` back to itself inside its component, as names (start first and last). */
function loopFrom(graph: Map<string, Set<string>>, comp: Set<string>, start: string): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    for (const w of graph.get(v)!) {
      if (!comp.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x: string | undefined = v; x !== undefined && x !== start; x = prev.get(x)) path.unshift(x);
        return [start, ...path];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

export const circularDependency = cfnRule('CFN3200', 'Circular dependency between resources', ['E3004'], ({ doc, root }) => {
  const idx = templateIndex(doc, root);
  if (idx.foreignTransform) return []; // a macro may rewrite the references
  const graph = dependencyGraph(doc, root);
  const out: RawFinding[] = [];
  for (const comp of cycles(graph)) {
    const members = new Set(comp);
    for (const name of comp) {
      const key = idx.resources.get(name)!.pair.key;
      const loop = loopFrom(graph, members, name);
      out.push({
        message:
          loop.length === 2
            ? `Resource '${name}' refers to itself, so CloudFormation can't order it and rejects the template. Remove the reference (to name itself, use a pseudo parameter such as AWS::StackName instead).`
            : `Resources depend on each other in a loop: ${loop.join(' → ')}; CloudFormation can't order them and rejects the template. Remove one reference (for security groups that allow each other, move a rule into its own AWS::EC2::SecurityGroupIngress resource).`,
        start: key.start,
        end: key.end,
      });
    }
  }
  return out;
});
