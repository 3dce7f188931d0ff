import { get, getPair, isMap, isScalar, isSeq, keyText, type Node, type ScalarNode } from '../../document/nodes';
import { kindRule } from '../define';
import type { RawFinding, Rule } from '../types';
import { BUILDSPEC } from './context';

const BATCH_TYPES = ['build-list', 'build-matrix', 'build-graph', 'build-fanout'];

function identifier(task: Node): ScalarNode | undefined {
  const id = get(task, 'identifier');
  return isScalar(id) && id.value !== null ? id : undefined;
}

export const buildspecBatch = kindRule(BUILDSPEC, 'BUILDSPEC1017', 'Batch build definition inconsistent', [], ({ root }) => {
  const batch = getPair(root, 'batch');
  if (!batch || !isMap(batch.value)) return [];
  const out: RawFinding[] = [];
  const types = batch.value.pairs.filter((p) => BATCH_TYPES.includes(keyText(p)));
  if (!types.length) {
    out.push({ message: `'batch' names no batch type; add one of ${BATCH_TYPES.join(', ')}, or remove it.`, start: batch.key.start, end: batch.key.end, severity: 'warning' });
  }
  for (const extra of types.slice(1)) {
    out.push({ message: `A batch uses one type; '${keyText(types[0])}' is already given, so '${keyText(extra)}' conflicts. Keep one.`, start: extra.key.start, end: extra.key.end });
  }
  for (const kind of ['build-list', 'build-graph']) {
    const list = get(batch.value, kind);
    if (!isSeq(list)) continue;
    const ids = new Map<string, ScalarNode>();
    for (const task of list.items) {
      const id = identifier(task);
      if (!id) continue;
      const name = String(id.value);
      if (ids.has(name)) out.push({ message: `Identifier '${name}' is used by another task of this batch; identifiers must be unique.`, start: id.start, end: id.end });
      else ids.set(name, id);
      if (!/^[A-Za-z0-9_]+$/.test(name)) {
        out.push({ message: `Identifier '${name}' may contain only letters, digits and underscores.`, start: id.start, end: id.end, severity: 'warning' });
      }
    }
    if (kind !== 'build-graph') continue;
    const deps = new Map<string, string[]>();
    for (const task of list.items) {
      const id = identifier(task);
      const dependOn = get(task, 'depend-on');
      if (!isSeq(dependOn)) continue;
      for (const d of dependOn.items) {
        if (!isScalar(d) || d.value === null) continue;
        const target = String(d.value);
        if (id && target === String(id.value)) out.push({ message: `Task '${target}' depends on itself; it could never start.`, start: d.start, end: d.end });
        else if (!ids.has(target)) out.push({ message: `'depend-on' names '${target}', but no task of this build graph has that identifier.`, start: d.start, end: d.end });
        // Self-dependencies are reported above; the cycle search looks for longer loops.
        if (id && target !== String(id.value)) deps.set(String(id.value), [...(deps.get(String(id.value)) ?? []), target]);
      }
    }
    const cycle = findCycle(deps);
    if (cycle) {
      const at = ids.get(cycle[0])!;
      out.push({ message: `The build graph has a dependency cycle (${cycle.join(' → ')}); none of these tasks can start.`, start: at.start, end: at.end });
    }
  }
  const fanout = get(batch.value, 'build-fanout');
  const par = get(fanout, 'parallelism');
  if (isScalar(par) && typeof par.value === 'number' && par.value < 1) {
    out.push({ message: `'parallelism' must be at least 1, not ${par.value}.`, start: par.start, end: par.end });
  }
  return out;
});

/** A dependency cycle among task identifiers, as a path that returns to its start. */
function findCycle(deps: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const d of deps.get(n) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of deps.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

export const batchRules: Rule[] = [buildspecBatch];
