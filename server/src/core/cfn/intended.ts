import type { MapNode, Pair } from '../document/nodes';
import type { Kind } from '../kind';
import { closest, distance } from '../suggest';
import { SECTIONS } from './vocabulary';

/**
 * The template as its author meant it: a misspelled top-level section (`Resource:`, `Output:`) whose
 * nearest section is unambiguous and not written elsewhere is read under its real name, so every
 * check but the one that reports the misspelling (CFN1001, which reads the written root) sees the
 * section. One root cause, one error: no dangling `!Ref`s, no "Resources missing". Positions are
 * unchanged (only the key's value is renamed, on a copy).
 */
export function readAsIntended(root: MapNode, kind: Kind): MapNode {
  if (kind !== 'cfn' && kind !== 'sam') return root;
  const names = Object.keys(SECTIONS).filter((s) => s !== 'Globals' || kind === 'sam');
  const written = new Set(root.pairs.map((p) => String(p.key.value ?? '')));
  const claimed = new Map<string, number>();
  const renames = new Map<Pair, string>();
  for (const p of root.pairs) {
    const k = String(p.key.value ?? '');
    if (names.includes(k)) continue;
    const cands = closest(k, names, 2);
    const best = cands[0];
    if (!best || written.has(best)) continue;
    // Only when one section is clearly meant: the next candidate must be farther.
    const d = (c: string) => distance(k.toLowerCase(), c.toLowerCase());
    if (cands.length > 1 && d(cands[1]) <= d(best)) continue;
    renames.set(p, best);
    claimed.set(best, (claimed.get(best) ?? 0) + 1);
  }
  if (!renames.size) return root;
  return {
    ...root,
    pairs: root.pairs.map((p) => {
      const to = renames.get(p);
      if (!to || claimed.get(to)! > 1) return p;
      return { ...p, key: { ...p.key, value: to } };
    }),
  };
}
