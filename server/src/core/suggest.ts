/** A long fixed candidate list (resource types, IAM actions), lower-cased once, with each one's character mask. */
interface Prepared {
  lower: string[];
  masks: Int32Array;
}
const prepared = new WeakMap<readonly string[], Prepared>();

function prepare(candidates: Iterable<string>): Prepared | undefined {
  if (!Array.isArray(candidates) || candidates.length < 64) return undefined;
  let p = prepared.get(candidates);
  if (!p || p.lower.length !== candidates.length) {
    const lower = candidates.map((c) => c.toLowerCase());
    prepared.set(candidates, (p = { lower, masks: Int32Array.from(lower, charMask) }));
  }
  return p;
}

/** Which of 32 buckets of characters a string uses (a character's code modulo 32). */
function charMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) & 31);
  return m;
}

function bits(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}

/**
 * A lower bound of the edit distance from the masks: every character one string has and the other
 * lacks takes an edit of its own (a substitution or deletion on one side, an insertion on the other).
 */
function maskBound(a: number, b: number): number {
  return Math.max(bits(a & ~b), bits(b & ~a));
}

const MAX_EDITS = 8;

/** Did-you-mean: the closest candidates by edit distance (case-insensitive), close enough to be a typo. */
export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const w = word.toLowerCase();
  // A third of the word is a typo; more than 8 edits is another name (and long garbage, such as a
  // module path in Type, would otherwise be compared in full with every resource type).
  const limit = Math.min(MAX_EDITS, Math.max(2, Math.floor(word.length / 3)));
  // The best `max` so far, kept sorted; their worst distance caps the next computations.
  const top: { c: string; d: number }[] = [];
  const list = prepare(candidates);
  const wMask = list ? charMask(w) : 0;
  let i = 0;
  for (const c of candidates) {
    const at = i++;
    const lc = list ? list.lower[at] : c.toLowerCase();
    const prefix = lc.startsWith(w) || w.startsWith(lc); // `Resource` → `Resources`
    // The word is the last camel-case part of the candidate: `Url` → `QueueUrl`, ranked as a near miss.
    const part = w.length >= 3 && lc.length > w.length && lc.endsWith(w) && /[A-Z]/.test(c[c.length - w.length]);
    if (Math.abs(lc.length - w.length) > limit && !prefix && !part) continue;
    const cap = top.length < max ? limit + 1 : Math.min(limit + 1, top[top.length - 1].d + 1);
    // Most of a long list is rejected by the masks alone, without the distance table.
    if (list && !part && !prefix && lc !== w && maskBound(wMask, list.masks[at]) >= cap) continue;
    const d = lc === w ? 0 : part ? 1 : prefix ? Math.min(Math.abs(lc.length - w.length), distance(w, lc, cap)) : distance(w, lc, cap);
    if (d > limit || d >= cap) continue;
    top.push({ c, d });
    top.sort((a, b) => a.d - b.d || compareNames(a.c, b.c));
    if (top.length > max) top.pop();
  }
  return top.map((s) => s.c);
}

/**
 * Rows of the distance table, reused across calls: did-you-mean runs over long candidate lists
 * (1,585 resource types, thousands of IAM actions), and three fresh arrays per candidate were most
 * of its cost (and garbage).
 */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Damerau-Levenshtein (optimal string alignment) with an early exit above `cap`. */
export function distance(a: string, b: string, cap = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) >= cap) return cap;
  if (rows[0].length < m + 1 && m < 4096) rows = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  let [prev2, prev, cur] = rows[0].length > m ? rows : [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  prev2.fill(0, 0, m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= cap) return cap;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

export function didYouMean(candidates: string[]): string {
  if (!candidates.length) return '';
  return ` Did you mean ${candidates.map((c) => `'${c}'`).join(' or ')}?`;
}

/**
 * Ties in order of their lower-case spelling, lower case first when only case differs: the
 * locale's order for these ASCII names, without localeCompare, whose first call loads ICU's
 * collator (milliseconds of a fresh server's first diagnostics).
 */
export function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a === b ? 0 : a > b ? -1 : 1;
}
