/**
 * The newest postings of the notes term index, for all terms at once. Each term's newest
 * postings form a chain of blocks in arrival order; a block holds up to `cap` (document id, term
 * frequency) pairs side by side, and a term's next block is twice as big as its last (up to
 * MAX_CAP), so walking a long chain reads mostly consecutive memory. (A chain of single entries
 * spread over the whole log made folding it into a pool a cache miss per posting.)
 *
 * Blocks live in fixed segments. A new segment is allocated when the last is full (nothing is
 * ever copied), and a segment whose blocks have all been folded into the pools is reused; so
 * adding never pauses longer than allocating one segment, however big a build grows.
 */
const SEG_BITS = 16;
const SEG_INTS = 1 << SEG_BITS;
const MASK = SEG_INTS - 1;
/** Block layout: next block (-1: none), pairs used, capacity in pairs, then the pairs. */
const HEADER = 3;
const FIRST_CAP = 2;
const MAX_CAP = 64;

export class PostingLog {
  private segs: Int32Array[] = [];
  /** Per segment: its blocks not yet folded. */
  private live: number[] = [];
  private free: number[] = [];
  private cur = -1;
  private used = SEG_INTS;
  /** Blocks not yet folded, in all segments. */
  private blocks = 0;

  /**
   * Adds a posting after the chain's last block `last` (-1 for a new chain); returns the block
   * it went to, which is `last` unless that was full.
   */
  append(last: number, id: number, tf: number): number {
    let block = last;
    if (last < 0) block = this.allocate(FIRST_CAP);
    else {
      const full = this.segs[last >>> SEG_BITS];
      const o = last & MASK;
      if (full[o + 1] === full[o + 2]) {
        block = this.allocate(Math.min(MAX_CAP, full[o + 2] * 2));
        full[o] = block; // link from the full block (segments never move)
      }
    }
    const seg = this.segs[block >>> SEG_BITS];
    const o = block & MASK;
    const n = seg[o + 1]++;
    seg[o + HEADER + 2 * n] = id;
    seg[o + HEADER + 2 * n + 1] = tf;
    return block;
  }

  private allocate(cap: number): number {
    const size = HEADER + 2 * cap;
    if (this.used + size > SEG_INTS) {
      const reuse = this.free.pop();
      if (reuse !== undefined) this.cur = reuse;
      else {
        this.cur = this.segs.length;
        this.segs.push(new Int32Array(SEG_INTS));
        this.live.push(0);
      }
      this.used = 0;
    }
    const o = this.used;
    this.used += size;
    const seg = this.segs[this.cur];
    seg[o] = -1;
    seg[o + 1] = 0;
    seg[o + 2] = cap;
    this.live[this.cur]++;
    this.blocks++;
    return (this.cur << SEG_BITS) | o;
  }

  /** Calls `visit` with each posting of the chain from `head`, in order. */
  forEach(head: number, visit: (id: number, tf: number) => void): void {
    for (let b = head; b >= 0; ) {
      const seg = this.segs[b >>> SEG_BITS];
      const o = b & MASK;
      const end = o + HEADER + 2 * seg[o + 1];
      for (let i = o + HEADER; i < end; i += 2) visit(seg[i], seg[i + 1]);
      b = seg[o];
    }
  }

  /**
   * Folds the chain from `head` into `pool` from `at` (id, tf pairs of the documents `alive`
   * marks) and frees its blocks; returns where the next pair goes.
   */
  fold(head: number, alive: Uint8Array, pool: Int32Array, at: number): number {
    for (let b = head; b >= 0; ) {
      const s = b >>> SEG_BITS;
      const seg = this.segs[s];
      const o = b & MASK;
      const end = o + HEADER + 2 * seg[o + 1];
      for (let i = o + HEADER; i < end; i += 2) {
        if (!alive[seg[i]]) continue;
        pool[at++] = seg[i];
        pool[at++] = seg[i + 1];
      }
      b = seg[o];
      this.blocks--;
      if (!--this.live[s]) this.emptied(s);
    }
    return at;
  }

  /** All blocks of segment `s` are folded: it is reused. */
  private emptied(s: number): void {
    if (s === this.cur) this.used = 0;
    else this.free.push(s);
    if (!this.blocks && this.segs.length > 1) {
      // Everything folded (a settled build): keep one segment, give the rest back.
      this.segs = [this.segs[this.cur]];
      this.live = [0];
      this.free = [];
      this.cur = 0;
      this.used = 0;
    }
  }
}
