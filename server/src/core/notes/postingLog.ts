/**
 * The newest postings of the notes term index, for all terms at once: entries of (document id,
 * term frequency, next entry or -1), so each term's newest postings form a chain in arrival order.
 *
 * Entries live in fixed segments. A new segment is allocated when the last is full (nothing is
 * ever copied), and a segment whose entries have all been folded into the pools is reused; so
 * adding never pauses longer than allocating one segment, however big a build grows.
 */
const SEG_BITS = 14;
const SEG_ENTRIES = 1 << SEG_BITS;
const MASK = SEG_ENTRIES - 1;

export class PostingLog {
  private segs: Int32Array[] = [];
  /** Per segment: its entries not yet released. */
  private live: number[] = [];
  private free: number[] = [];
  private cur = -1;
  private used = SEG_ENTRIES;
  /** Entries not yet released, in all segments. */
  size = 0;

  /** A new entry at the end of no chain yet. */
  add(id: number, tf: number): number {
    if (this.used === SEG_ENTRIES) {
      const reuse = this.free.pop();
      if (reuse !== undefined) this.cur = reuse;
      else {
        this.cur = this.segs.length;
        this.segs.push(new Int32Array(3 * SEG_ENTRIES));
        this.live.push(0);
      }
      this.used = 0;
    }
    const i = this.used++;
    const seg = this.segs[this.cur];
    seg[3 * i] = id;
    seg[3 * i + 1] = tf;
    seg[3 * i + 2] = -1;
    this.live[this.cur]++;
    this.size++;
    return (this.cur << SEG_BITS) | i;
  }

  id(e: number): number {
    return this.segs[e >>> SEG_BITS][3 * (e & MASK)];
  }

  tf(e: number): number {
    return this.segs[e >>> SEG_BITS][3 * (e & MASK) + 1];
  }

  next(e: number): number {
    return this.segs[e >>> SEG_BITS][3 * (e & MASK) + 2];
  }

  link(from: number, to: number): void {
    this.segs[from >>> SEG_BITS][3 * (from & MASK) + 2] = to;
  }

  /**
   * Folds the chain from `head` into `pool` from `at` (id, tf pairs of the documents `alive`
   * marks) and releases its entries; returns where the next pair goes.
   */
  fold(head: number, alive: Uint8Array, pool: Int32Array, at: number): number {
    for (let e = head; e >= 0; ) {
      const s = e >>> SEG_BITS;
      const seg = this.segs[s];
      const o = 3 * (e & MASK);
      const id = seg[o];
      if (alive[id]) {
        pool[at++] = id;
        pool[at++] = seg[o + 1];
      }
      e = seg[o + 2];
      this.size--;
      if (!--this.live[s]) this.emptied(s);
    }
    return at;
  }

  /** All entries of segment `s` are folded: it is reused. */
  private emptied(s: number): void {
    if (s === this.cur) this.used = 0;
    else this.free.push(s);
    if (!this.size && this.segs.length > 1) {
      // Everything folded (a settled build): keep one segment, give the rest back.
      this.segs = [this.segs[this.cur]];
      this.live = [0];
      this.free = [];
      this.cur = 0;
      this.used = 0;
    }
  }
}
