/**
 * A lean inverted index for notes passages: normalized term → postings held in typed arrays.
 *
 * It replaced MiniSearch, whose per-term radix tree and per-posting Maps took 365 MB and 3.9 s for
 * 10 MB of notes. Scoring is the same BM25+ (k 1.2, b 0.7, d 0.5) over two fields (heading, text),
 * summed over query terms and multiplied by the number of query terms matched, so rankings tuned
 * on the evaluation carry over. Removed documents are only marked; their postings are skipped
 * and reclaimed when the dead share grows (merge).
 */
import { PostingLog } from './postingLog';

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

/** At least `min` of `terms` (query terms). */
export interface TermRule {
  terms: readonly string[];
  min: number;
}

export interface TermSearchOptions {
  /** Only the first `open` query terms bring in documents (default: all). */
  open?: number;
  /**
   * A document found by the open terms can be an answer only when it meets one of these rules
   * (default: it can); the others are dropped before the remaining terms are scored.
   */
  accept?: readonly TermRule[];
  /** Weight of each query term. */
  boostTerm?: (term: string) => number;
}

/**
 * Postings are kept two ways: most in pools (Int32Arrays of document id and term frequency,
 * interleaved, each term's run contiguous with ids ascending), the newest in one PostingLog
 * shared by all terms, where each slot's postings form a chain. Appending to the log allocates
 * nothing per term (plain arrays per term did: their growth and copying were a fifth of a 10 MB
 * build, in the garbage collector); a pool packs a run for fast reads. Terms are grouped
 * in buckets of BUCKET slots with one pool each, so folding a bucket's chains into its pool (when
 * they hold a quarter as many postings as it, and when the caller settles a build) is a short
 * pause, never one pass over the whole index.
 */

const BUCKET_BITS = 9;
/** Fewer new postings than this stay in the log (folding them costs more than it saves). */
const MIN_MERGE = 4096;

/** The documents a query found, with what each matched (see TermIndex.run); `k` indexes `ids`. */
export interface Scored {
  /** Candidate document ids, ascending. */
  readonly ids: readonly number[];
  /** BM25+ sum times the number of query terms matched. */
  score(k: number): number;
  /** A set of query terms, for hasAny / inHeadingAny (terms not in the query are ignored). */
  mask(terms: Iterable<string>): Uint32Array;
  hasAny(k: number, mask: Uint32Array): boolean;
  inHeadingAny(k: number, mask: Uint32Array): boolean;
  terms(k: number): string[];
  inHeading(k: number): string[];
}

/** Per-document work arrays of a query, kept between queries (cleared where used). */
interface Scratch {
  /** Words of term bits per document. */
  stride: number;
  score: Float64Array;
  has: Uint32Array;
  inHeading: Uint32Array;
  /** 0 not seen, 1 candidate, 2 seen but not accepted. */
  found: Uint8Array;
}

export class TermIndex {
  /** term → its number; its postings for field f are in slot `number * FIELD_COUNT + f`. */
  private readonly termIds = new Map<string, number>();
  /** Per slot: where its run starts in its bucket's pool and how many postings it holds there. */
  private poolStart = new Int32Array(1024);
  private poolCount = new Int32Array(1024);
  /** Per bucket (slot >> BUCKET_BITS): its pool and how many postings wait in its slots' chains. */
  private readonly pools: Int32Array[] = [];
  private readonly tailPostings: number[] = [];
  /** Postings added since their bucket was last merged. */
  private readonly log = new PostingLog();
  /** Per slot: first and last block of its chain in the log (-1: none) and its postings there. */
  private tailHead = new Int32Array(1024).fill(-1);
  private tailLast = new Int32Array(1024);
  private tailCount = new Int32Array(1024);
  /** Postings added since the buckets were last checked for merging. */
  private sinceCheck = 0;
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
  private scratch: Scratch | undefined;

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
        if (n === undefined) n = this.newTerm(t);
        if (this.counts[n]++ === 0) seen.push(n);
      }
      const { counts, tailPostings } = this;
      for (const n of seen) {
        const slot = n * FIELD_COUNT + f;
        this.append(slot, id, Math.min(counts[n], 0xffff));
        counts[n] = 0;
        tailPostings[slot >> BUCKET_BITS]++;
      }
      this.sinceCheck += seen.length;
      this.lengths[id * FIELD_COUNT + f] = seen.length;
      this.totalLength[f] += seen.length;
    }
    this.alive[id] = 1;
    this.boost[id] = boost;
    this.live++;
    if (this.sinceCheck >= MIN_MERGE) {
      // One bucket per check, the one with the most waiting: a pause while adding is one bucket's
      // merge, never several back to back (the next check takes the next).
      this.sinceCheck = 0;
      let best = -1;
      for (let b = 0; b < this.pools.length; b++) {
        const waiting = this.tailPostings[b];
        if (waiting >= MIN_MERGE && waiting * 4 >= this.pools[b].length && (best < 0 || waiting > this.tailPostings[best])) best = b;
      }
      if (best >= 0) this.merge(best);
    }
  }

  /** Adds a posting at the end of a slot's chain (ids ascend: documents are added in id order). */
  private append(slot: number, id: number, tf: number): void {
    const head = this.tailHead[slot];
    const block = this.log.append(head < 0 ? -1 : this.tailLast[slot], id, tf);
    if (head < 0) this.tailHead[slot] = block;
    this.tailLast[slot] = block;
    this.tailCount[slot]++;
  }

  private newTerm(t: string): number {
    const n = this.termIds.size;
    this.termIds.set(t, n);
    while (this.pools.length <= ((n + 1) * FIELD_COUNT - 1) >> BUCKET_BITS) {
      this.pools.push(new Int32Array(0));
      this.tailPostings.push(0);
    }
    if (n >= this.counts.length) {
      const counts = new Uint32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    if ((n + 1) * FIELD_COUNT > this.poolStart.length) {
      const size = this.poolStart.length * 2;
      for (const key of ['poolStart', 'poolCount', 'tailHead', 'tailLast', 'tailCount'] as const) {
        const grown = new Int32Array(size);
        if (key === 'tailHead') grown.fill(-1);
        grown.set(this[key]);
        this[key] = grown;
      }
    }
    return n;
  }

  remove(id: number): void {
    if (id >= this.alive.length || !this.alive[id]) return;
    this.alive[id] = 0;
    for (let f = 0; f < FIELD_COUNT; f++) this.totalLength[f] -= this.lengths[id * FIELD_COUNT + f];
    this.live--;
    this.dead++;
    if (this.dead > 1000 && this.dead > this.live) {
      for (let b = 0; b < this.pools.length; b++) this.merge(b);
      this.dead = 0;
    }
  }

  /**
   * A build is done: folds the newest postings into the pools (they take 4× the room outside),
   * one bucket at a time, at least one, until `until` (a performance.now() time). True when all
   * are folded.
   */
  settle(until = Infinity): boolean {
    let merged = false;
    for (let b = 0; b < this.pools.length; b++) {
      if (!this.tailPostings[b]) continue;
      if (merged && performance.now() >= until) return false;
      this.merge(b);
      merged = true;
    }
    return true;
  }

  /**
   * Rewrites a bucket's pool with its slots' pooled and newest postings, dropping removed
   * documents. Ids stay ascending: everything in a tail is newer than the pool.
   */
  private merge(b: number): void {
    const old = this.pools[b];
    const pool = new Int32Array(old.length + 2 * this.tailPostings[b]);
    const alive = this.alive;
    const log = this.log;
    const first = b << BUCKET_BITS;
    const slots = Math.min(this.termIds.size * FIELD_COUNT, first + (1 << BUCKET_BITS));
    let at = 0;
    for (let k = first; k < slots; k++) {
      const from = this.poolStart[k];
      const end = from + 2 * this.poolCount[k];
      this.poolStart[k] = at;
      for (let i = from; i < end; i += 2) {
        if (!alive[old[i]]) continue;
        pool[at++] = old[i];
        pool[at++] = old[i + 1];
      }
      at = log.fold(this.tailHead[k], alive, pool, at);
      this.tailHead[k] = -1;
      this.tailCount[k] = 0;
      this.poolCount[k] = (at - this.poolStart[k]) / 2;
    }
    this.pools[b] = at < pool.length ? pool.slice(0, at) : pool;
    this.tailPostings[b] = 0;
  }

  /** BM25+ over the query terms (OR), best first, with the terms each document matched. */
  search(query: string[], opts: TermSearchOptions = {}): TermHit[] {
    const scored = this.run(query, opts);
    return scored.ids
      .map((id, k) => ({ id, score: scored.score(k), terms: scored.terms(k), inHeading: scored.inHeading(k) }))
      .sort((a, b) => b.score - a.score);
  }

  /**
   * Scores the documents a query finds; repeated query terms count again, like MiniSearch.
   * Only the first `open` terms bring in documents; the rest only add to the score of documents
   * already found (context words re-rank, and scoring every passage that says "function" or
   * "queue" was most of a hover's time). Work arrays indexed by document id are kept between
   * queries: nothing is allocated per document.
   */
  run(query: string[], opts: TermSearchOptions = {}): Scored {
    const bitOf = new Map<string, number>();
    const unique: string[] = [];
    for (const t of query) if (!bitOf.has(t)) bitOf.set(t, unique.push(t) - 1);
    const words = Math.max(1, Math.ceil(unique.length / 32));
    const { stride, score, has, inHeading, found } = this.scratchFor(words);
    const { lengths, alive, boost } = this;
    let touched: number[] = [];
    let all = touched; // every document seen, to clear the work arrays after
    let closed = false;
    const maskOf = (terms: Iterable<string>) => {
      const m = new Uint32Array(words);
      for (const t of terms) {
        const b = bitOf.get(t);
        if (b !== undefined) m[b >>> 5] |= 1 << (b & 31);
      }
      return m;
    };
    const close = () => {
      closed = true;
      if (opts.accept) {
        const rules = opts.accept.filter((r) => r.min > 0).map((r) => ({ mask: maskOf(r.terms), min: r.min }));
        const kept: number[] = [];
        for (const id of touched) {
          const meets = rules.some((r) => {
            let n = 0;
            for (let w = 0; w < words; w++) n += popcount(has[id * stride + w] & r.mask[w]);
            return n >= r.min;
          });
          if (meets) kept.push(id);
          else found[id] = 2;
        }
        touched = kept;
      }
      touched.sort((a, b) => a - b);
    };
    const avg = [...this.totalLength].map((t) => (this.live ? t / this.live : 0));
    const open = opts.open ?? query.length;
    try {
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
          const slot = n * FIELD_COUNT + f;
          const pool = this.pools[slot >> BUCKET_BITS];
          const from = this.poolStart[slot];
          const end = from + 2 * this.poolCount[slot];
          const { log } = this;
          const head = this.tailHead[slot];
          const total = (end - from) / 2 + this.tailCount[slot];
          if (!total) continue;
          let matching = total;
          if (this.dead) {
            for (let i = from; i < end; i += 2) if (!alive[pool[i]]) matching--;
            log.forEach(head, (id) => {
              if (!alive[id]) matching--;
            });
          }
          if (!matching) continue;
          const idf = Math.log(1 + (this.live - matching + 0.5) / (matching + 0.5));
          const fieldBoost = f === 0 ? 1.5 : 1; // a heading that names the term outweighs the body
          const avgLength = avg[f] || 1;
          const visit = (id: number, tf: number) => {
            const seen = found[id];
            if (closed ? seen !== 1 : seen === 2 || !alive[id]) return;
            const docBoost = boost[id];
            if (!docBoost) return;
            const len = lengths[id * FIELD_COUNT + f];
            score[id] += termBoost * fieldBoost * docBoost * idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * len) / avgLength)));
            if (!seen) {
              found[id] = 1;
              touched.push(id);
            }
            has[id * stride + word] |= mask;
            if (f === 0) inHeading[id * stride + word] |= mask;
          };
          if (closed && touched.length * 16 < total) {
            // Few candidates: look each up (binary search) rather than pass over every posting.
            for (const id of touched) {
              const i = find(pool, from, end, id);
              if (i >= 0) visit(id, pool[i + 1]);
            }
          } else {
            for (let i = from; i < end; i += 2) visit(pool[i], pool[i + 1]);
          }
          // The newest postings (a chain only while a build is unsettled): visit skips documents
          // the open terms did not find.
          log.forEach(head, visit);
        }
      }
      if (!closed) close();
      // Copied out per candidate, so the work arrays can be cleared for the next query.
      const c = touched.length;
      const out = { score: new Float64Array(c), has: new Uint32Array(c * words), inHeading: new Uint32Array(c * words) };
      for (let k = 0; k < c; k++) {
        const id = touched[k];
        let matched = 0;
        for (let w = 0; w < words; w++) {
          out.has[k * words + w] = has[id * stride + w];
          out.inHeading[k * words + w] = inHeading[id * stride + w];
          matched += popcount(has[id * stride + w]);
        }
        out.score[k] = score[id] * (matched || 1);
      }
      return scoredResult(touched, out, words, unique, maskOf);
    } finally {
      for (const id of all) {
        score[id] = 0;
        found[id] = 0;
        for (let w = 0; w < stride; w++) has[id * stride + w] = inHeading[id * stride + w] = 0;
      }
    }
  }

  private scratchFor(words: number): Scratch {
    const size = this.alive.length;
    const s = this.scratch;
    if (s && s.found.length >= size && s.stride >= words) return s;
    const stride = Math.max(words, s?.stride ?? 1);
    this.scratch = {
      stride,
      score: new Float64Array(size),
      has: new Uint32Array(size * stride),
      inHeading: new Uint32Array(size * stride),
      found: new Uint8Array(size),
    };
    return this.scratch;
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

}

function scoredResult(
  ids: number[],
  out: { score: Float64Array; has: Uint32Array; inHeading: Uint32Array },
  words: number,
  unique: string[],
  mask: (terms: Iterable<string>) => Uint32Array,
): Scored {
  const termsOf = (bits: Uint32Array, k: number) => {
    const terms: string[] = [];
    for (let w = 0; w < words; w++) {
      let v = bits[k * words + w];
      while (v) {
        const low = v & -v;
        terms.push(unique[w * 32 + 31 - Math.clz32(low)]);
        v ^= low;
      }
    }
    return terms;
  };
  const any = (bits: Uint32Array, k: number, m: Uint32Array) => {
    for (let w = 0; w < words; w++) if (bits[k * words + w] & m[w]) return true;
    return false;
  };
  return {
    ids,
    score: (k) => out.score[k],
    mask,
    hasAny: (k, m) => any(out.has, k, m),
    inHeadingAny: (k, m) => any(out.inHeading, k, m),
    terms: (k) => termsOf(out.has, k),
    inHeading: (k) => termsOf(out.inHeading, k),
  };
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Index of the posting of document `id` among interleaved postings [from, end), -1 when absent. */
function find(postings: ArrayLike<number>, from: number, end: number, id: number): number {
  let lo = 0;
  let hi = (end - from) / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = postings[from + 2 * mid];
    if (v === id) return from + 2 * mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
