/**
 * A lean inverted index for notes passages: normalized term → postings held in typed arrays.
 *
 * It replaced MiniSearch, whose per-term radix tree and per-posting Maps took 365 MB and 3.9 s for
 * 10 MB of notes. Scoring is the same BM25+ (k 1.2, b 0.7, d 0.5) over two fields (heading, text),
 * summed over query terms and multiplied by the number of query terms matched, so rankings tuned
 * on the evaluation carry over. Removed documents are only marked; their postings are skipped
 * and reclaimed when the dead share grows (compact).
 */

const K = 1.2;
const B = 0.7;
const D = 0.5;

export const FIELDS = ['heading', 'text'] as const;
export type Field = (typeof FIELDS)[number];
const FIELD_COUNT = FIELDS.length;

export interface TermHit {
  id: number;
  score: number;
  /** The query terms the document contains. */
  terms: string[];
  /** The matched terms that occur in the heading. */
  inHeading: string[];
}

export interface TermSearchOptions {
  /** Only the first `open` query terms bring in documents (default: all). */
  open?: number;
  /**
   * Decides from the open terms a document contains whether it can be an answer at all; the
   * others are dropped before the remaining terms are scored.
   */
  accept?: (contains: (term: string) => boolean) => boolean;
  /** Weight of each query term. */
  boostTerm?: (term: string) => number;
}

/**
 * Postings of one term in one field: document id and term frequency, interleaved, ids ascending.
 * Plain arrays of small integers: V8 stores them unboxed, and pushing to them is far cheaper than
 * growing typed arrays for the many terms that occur a handful of times.
 */
type Postings = number[];

export class TermIndex {
  /** term → its number; its postings for field f are at `postings[number * FIELD_COUNT + f]`. */
  private readonly termIds = new Map<string, number>();
  private readonly postings: (Postings | undefined)[] = [];
  /** Occurrences per term number in the document being added (zero between documents). */
  private counts = new Uint32Array(1024);
  private readonly seen: number[] = [];
  /** Per document id: unique-term count per field, 0 for ids not (or no longer) indexed. */
  private lengths = new Uint32Array(FIELD_COUNT * 1024);
  private alive = new Uint8Array(1024);
  /** Per document id: its score factor (code examples rank below prose). */
  private boost = new Float64Array(1024);
  private readonly totalLength = new Float64Array(FIELD_COUNT);
  private live = 0;
  private dead = 0;

  get documentCount(): number {
    return this.live;
  }

  /** Indexes a document under `id` (ids must grow; an id is never reused) with a score factor. */
  add(id: number, fields: Record<Field, string[]>, boost = 1): void {
    this.ensure(id);
    // Counting in a flat array by term number: no map per document (this loop is the build).
    const seen = this.seen;
    for (let f = 0; f < FIELD_COUNT; f++) {
      seen.length = 0;
      for (const t of fields[FIELDS[f]]) {
        if (!t) continue;
        let n = this.termIds.get(t);
        if (n === undefined) {
          n = this.termIds.size;
          this.termIds.set(t, n);
          for (let k = 0; k < FIELD_COUNT; k++) this.postings.push(undefined);
          if (n >= this.counts.length) {
            const counts = new Uint32Array(this.counts.length * 2);
            counts.set(this.counts);
            this.counts = counts;
          }
        }
        if (this.counts[n]++ === 0) seen.push(n);
      }
      for (const n of seen) {
        (this.postings[n * FIELD_COUNT + f] ??= []).push(id, Math.min(this.counts[n], 0xffff));
        this.counts[n] = 0;
      }
      this.lengths[id * FIELD_COUNT + f] = seen.length;
      this.totalLength[f] += seen.length;
    }
    this.alive[id] = 1;
    this.boost[id] = boost;
    this.live++;
  }

  remove(id: number): void {
    if (id >= this.alive.length || !this.alive[id]) return;
    this.alive[id] = 0;
    for (let f = 0; f < FIELD_COUNT; f++) this.totalLength[f] -= this.lengths[id * FIELD_COUNT + f];
    this.live--;
    this.dead++;
    if (this.dead > 1000 && this.dead > this.live) this.compact();
  }

  /**
   * BM25+ over the query terms (OR), best first. Repeated query terms count again, like MiniSearch.
   * Only the first `open` terms bring in documents; the rest only add to the score of documents
   * already found (context words re-rank, and scoring every passage that says "function" or
   * "queue" was most of a hover's time). Scores and matched terms are kept in flat arrays indexed
   * by document id; objects are made only for the documents returned.
   */
  search(query: string[], opts: TermSearchOptions = {}): TermHit[] {
    const bitOf = new Map<string, number>();
    const unique: string[] = [];
    for (const t of query) if (!bitOf.has(t)) bitOf.set(t, unique.push(t) - 1);
    const words = Math.max(1, Math.ceil(unique.length / 32));
    const size = this.alive.length;
    const score = new Float64Array(size);
    const has = new Uint32Array(size * words); // query terms a document contains, as bits
    const inHeading = new Uint32Array(size * words);
    const found = new Uint8Array(size);
    let touched: number[] = [];
    let closed = false;
    // Visits only the set bits (a passage matches a handful of the query's terms).
    const termsOf = (bits: Uint32Array, id: number) => {
      const out: string[] = [];
      for (let w = 0; w < words; w++) {
        let v = bits[id * words + w];
        while (v) {
          const low = v & -v;
          out.push(unique[w * 32 + 31 - Math.clz32(low)]);
          v ^= low;
        }
      }
      return out;
    };
    let current = 0;
    const contains = (term: string) => {
      const b = bitOf.get(term);
      return b !== undefined && (has[current * words + (b >>> 5)] & (1 << (b & 31))) !== 0;
    };
    const close = () => {
      closed = true;
      if (opts.accept) {
        const kept: number[] = [];
        for (const id of touched) {
          current = id;
          if (opts.accept(contains)) kept.push(id);
        }
        for (const id of touched) found[id] = 0;
        for (const id of kept) found[id] = 1;
        touched = kept;
      }
      touched.sort((a, b) => a - b);
    };
    const avg = [...this.totalLength].map((t) => (this.live ? t / this.live : 0));
    const open = opts.open ?? query.length;
    for (let q = 0; q < query.length; q++) {
      const term = query[q];
      const n = this.termIds.get(term);
      if (n === undefined) continue;
      if (q >= open && !closed) {
        close();
        if (!touched.length) break;
      }
      const bit = bitOf.get(term)!;
      const word = bit >>> 5;
      const mask = 1 << (bit & 31);
      const termBoost = opts.boostTerm ? opts.boostTerm(term) : 1;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const postings = this.postings[n * FIELD_COUNT + f];
        if (!postings) continue;
        let matching = postings.length / 2;
        if (this.dead) for (let i = 0; i < postings.length; i += 2) if (!this.alive[postings[i]]) matching--;
        if (!matching) continue;
        const idf = Math.log(1 + (this.live - matching + 0.5) / (matching + 0.5));
        const fieldBoost = f === 0 ? 1.5 : 1; // a heading that names the term outweighs the body
        // Few candidates: look each up; many: one pass over the postings.
        const at = closed && touched.length * 16 < postings.length / 2 ? touched.map((id) => find(postings, id)).filter((i) => i >= 0) : undefined;
        const count = at ? at.length : postings.length / 2;
        const avgLength = avg[f] || 1;
        for (let k = 0; k < count; k++) {
          const i = at ? at[k] : 2 * k;
          const id = postings[i];
          if (!this.alive[id] || (closed && !found[id])) continue;
          const docBoost = this.boost[id];
          if (!docBoost) continue;
          const tf = postings[i + 1];
          const len = this.lengths[id * FIELD_COUNT + f];
          score[id] += termBoost * fieldBoost * docBoost * idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * len) / avgLength)));
          if (!found[id]) {
            found[id] = 1;
            touched.push(id);
          }
          has[id * words + word] |= mask;
          if (f === 0) inHeading[id * words + word] |= mask;
        }
      }
    }
    if (!closed) close();
    const hits = touched.map((id) => {
      const terms = termsOf(has, id);
      return { id, score: score[id] * (terms.length || 1), terms, inHeading: termsOf(inHeading, id) };
    });
    return hits.sort((a, b) => b.score - a.score);
  }

  private ensure(id: number): void {
    if (id < this.alive.length) return;
    let size = this.alive.length;
    while (size <= id) size *= 2;
    const alive = new Uint8Array(size);
    alive.set(this.alive);
    this.alive = alive;
    const boost = new Float64Array(size);
    boost.set(this.boost);
    this.boost = boost;
    const lengths = new Uint32Array(size * FIELD_COUNT);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }

  private compact(): void {
    for (let k = 0; k < this.postings.length; k++) {
      const p = this.postings[k];
      if (!p) continue;
      let n = 0;
      for (let i = 0; i < p.length; i += 2) {
        if (!this.alive[p[i]]) continue;
        p[n++] = p[i];
        p[n++] = p[i + 1];
      }
      p.length = n;
      if (!n) this.postings[k] = undefined;
    }
    this.dead = 0;
  }
}

/** Index in interleaved postings of the document `id` (binary search), -1 when absent. */
function find(postings: Postings, id: number): number {
  let lo = 0;
  let hi = postings.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = postings[2 * mid];
    if (v === id) return 2 * mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
