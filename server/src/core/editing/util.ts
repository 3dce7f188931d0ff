/** Small helpers shared by the completion modules. */
import { get, isSeq, type Node } from '../document/nodes';
import type { Cursor, Segment } from './cursor';
import type { CompletionItem } from './types';

/** The end of the word the cursor is in, so a completion replaces all of it. */
export function wordEnd(text: string, offset: number, chars: RegExp): number {
  let e = offset;
  while (e < text.length && e - offset < 200 && chars.test(text[e])) e++;
  return e;
}

/** The node at a path of keys and indexes (intrinsic segments are long-form keys in the tree too). */
export function nodeAt(root: Node | null, path: readonly Segment[]): Node | undefined {
  let n: Node | undefined = root ?? undefined;
  for (const seg of path) {
    if (!n) return undefined;
    if (typeof seg === 'number') n = isSeq(n) ? n.items[seg] : undefined;
    else n = get(n, seg);
  }
  return n;
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

/**
 * How a key is inserted: YAML gets `Name` plus a snippet suffix (`: ${1}`, a nested block) unless a
 * colon is already there; JSON gets `"Name": ` outside quotes and the bare name inside them.
 */
export function insertKey(item: CompletionItem, cur: Cursor, suffix: string): CompletionItem {
  if (cur.json) {
    if (!cur.quoted) item.insertText = `"${item.label}": `;
  } else if (!cur.hasColon) {
    item.insertText = escapeSnippet(item.label) + suffix;
    item.isSnippet = true;
  }
  return item;
}
