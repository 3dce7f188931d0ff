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
  /** For each matched term, the fields it occurs in. */
  match: Record<string, Field[]>;
}

export interface TermSearchOptions {
  /** Only the first `open` query terms bring in documents (default: all). */
  open?: number;
  /**
   * Decides from the open terms a document contains whether it can be an answer at all; the
   * others are dropped before the remaining terms are scored.
   */
  accept?: (terms: string[]) => boolean;
  /** Weight of each query term. */
  boostTerm?: (term: string) => number;
  /** Factor per document (0 drops it). */
  boostDocument?: (id: number) => number;
}

/**
 * Postings of one term in one field: document id and term frequency, interleaved, ids ascending.
 * Plain arrays of small integers: V8 stores them unboxed, and pushing to them is far cheaper than
 * growing typed arrays for the many terms that occur a handful of times.
 */
type Postings = number[];

export class TermIndex {
  /** term → postings per field (undefined where the term never occurs in that field). */
  private readonly terms = new Map<string, (Postings | undefined)[]>();
  /** Per document id: unique-term count per field, 0 for ids not (or no longer) indexed. */
  private lengths = new Uint32Array(FIELD_COUNT * 1024);
  private alive = new Uint8Array(1024);
  private readonly totalLength = new Float64Array(FIELD_COUNT);
  private live = 0;
  private dead = 0;

  get documentCount(): number {
    return this.live;
  }

  /** Indexes a document under `id` (ids must grow; an id is never reused). */
  add(id: number, fields: Record<Field, string[]>): void {
    this.ensure(id);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const counts = new Map<string, number>();
      for (const t of fields[FIELDS[f]]) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let perField = this.terms.get(term);
        if (!perField) this.terms.set(term, (perField = new Array(FIELD_COUNT)));
        (perField[f] ??= []).push(id, Math.min(tf, 0xffff));
      }
      this.lengths[id * FIELD_COUNT + f] = counts.size;
      this.totalLength[f] += counts.size;
    }
    this.alive[id] = 1;
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
   * "queue" was most of a hover's time).
   */
  search(query: string[], opts: TermSearchOptions = {}): TermHit[] {
    const results = new Map<number, TermHit>();
    const avg = [...this.totalLength].map((t) => (this.live ? t / this.live : 0));
    const open = opts.open ?? query.length;
    let candidates: number[] | undefined;
    for (let q = 0; q < query.length; q++) {
      const term = query[q];
      const perField = this.terms.get(term);
      if (!perField) continue;
      if (q >= open && !candidates) {
        if (opts.accept) for (const [id, hit] of results) if (!opts.accept(hit.terms)) results.delete(id);
        candidates = [...results.keys()].sort((a, b) => a - b);
        if (!candidates.length) break;
      }
      const termBoost = opts.boostTerm ? opts.boostTerm(term) : 1;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const postings = perField[f];
        if (!postings) continue;
        let matching = postings.length / 2;
        if (this.dead) for (let i = 0; i < postings.length; i += 2) if (!this.alive[postings[i]]) matching--;
        if (!matching) continue;
        const idf = Math.log(1 + (this.live - matching + 0.5) / (matching + 0.5));
        const fieldBoost = f === 0 ? 1.5 : 1; // a heading that names the term outweighs the body
        // Few candidates: look each up; many: one pass over the postings.
        const at = candidates && candidates.length * 16 < postings.length / 2 ? candidates.map((id) => find(postings, id)).filter((i) => i >= 0) : undefined;
        const count = at ? at.length : postings.length / 2;
        for (let k = 0; k < count; k++) {
          const i = at ? at[k] : 2 * k;
          const id = postings[i];
          if (!this.alive[id]) continue;
          if (candidates && !at && !results.has(id)) continue;
          const docBoost = opts.boostDocument ? opts.boostDocument(id) : 1;
          if (!docBoost) continue;
          const tf = postings[i + 1];
          const len = this.lengths[id * FIELD_COUNT + f];
          const score = termBoost * fieldBoost * docBoost * idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * len) / (avg[f] || 1))));
          let hit = results.get(id);
          if (!hit) results.set(id, (hit = { id, score: 0, terms: [], match: {} }));
          hit.score += score;
          const fields = hit.match[term];
          if (fields) {
            if (!fields.includes(FIELDS[f])) fields.push(FIELDS[f]);
          } else {
            hit.match[term] = [FIELDS[f]];
            hit.terms.push(term);
          }
        }
      }
    }
    if (!candidates && opts.accept) for (const [id, hit] of results) if (!opts.accept(hit.terms)) results.delete(id);
    const hits = [...results.values()];
    for (const h of hits) h.score *= h.terms.length || 1;
    return hits.sort((a, b) => b.score - a.score);
  }

  private ensure(id: number): void {
    if (id < this.alive.length) return;
    let size = this.alive.length;
    while (size <= id) size *= 2;
    const alive = new Uint8Array(size);
    alive.set(this.alive);
    this.alive = alive;
    const lengths = new Uint32Array(size * FIELD_COUNT);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }

  private compact(): void {
    for (const [term, perField] of this.terms) {
      let any = false;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const p = perField[f];
        if (!p) continue;
        let n = 0;
        for (let i = 0; i < p.length; i += 2) {
          if (!this.alive[p[i]]) continue;
          p[n++] = p[i];
          p[n++] = p[i + 1];
        }
        p.length = n;
        if (n) any = true;
        else perField[f] = undefined;
      }
      if (!any) this.terms.delete(term);
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
