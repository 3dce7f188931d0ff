import type { Node, Pair } from './nodes';

/** One step from the root to the node under an offset. */
export interface Step {
  node: Node;
  /** The pair this node is the value of (when its parent is a map). */
  pair?: Pair;
  key?: string | number;
}

export interface Located {
  steps: Step[];
  /** The offset is on a mapping key (steps' last pair's key), not on a value. */
  onKey: boolean;
}

/** The chain of nodes containing `offset`, outermost first. Empty when the offset is outside the root. */
export function locate(root: Node | null, offset: number): Located {
  const steps: Step[] = [];
  if (!root || offset < root.start || offset > root.end) return { steps, onKey: false };
  let cur: Node = root;
  steps.push({ node: root });
  for (let guard = 0; guard < 1000; guard++) {
    if (cur.kind === 'map') {
      const p: Pair | undefined = cur.pairs.find((x) => offset >= x.start && offset <= x.end);
      if (!p) break;
      if (offset >= p.key.start && offset <= p.key.end) {
        steps.push({ node: p.value, pair: p, key: String(p.key.value ?? '') });
        return { steps, onKey: true };
      }
      steps.push({ node: p.value, pair: p, key: String(p.key.value ?? '') });
      cur = p.value;
    } else if (cur.kind === 'seq') {
      const i = cur.items.findIndex((x) => offset >= x.start && offset <= x.end);
      if (i < 0) break;
      steps.push({ node: cur.items[i], key: i });
      cur = cur.items[i];
    } else break;
  }
  return { steps, onKey: false };
}
