import type { NoteSection } from './parse';

/** A notes file's text as indexed (no BOM, `\n` line ends), in pieces: passages are ranges of it. */
export interface Source {
  file: string;
  chunks: readonly string[];
  /** Where each piece starts in the whole text. */
  base: number[];
  /** Headings of its passages; passages of one section share one. */
  headings: Heading[];
}

export interface Heading {
  title: string;
  path: string[];
}

/**
 * The indexed passages, by id, as columns of typed arrays: no object per passage (25,776 of them
 * for 10 MB of notes, which every young-generation GC during the build had to copy) and no copy of
 * its text: a passage is a range of its file's text, or its own text when it is not a plain range
 * (indentation removed, a table's header row repeated, a cut line).
 */
export class PassageStore {
  private readonly sources: (Source | undefined)[] = [];
  private sourceOf = new Int32Array(1024).fill(-1);
  private chunkOf = new Int32Array(1024);
  private headingOf = new Int32Array(1024);
  private line = new Int32Array(1024);
  private endLine = new Int32Array(1024);
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  /** Bit 0: code; bits 1-7: header lines. */
  private flags = new Uint8Array(1024);
  private readonly own = new Map<number, string>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Registers a file's text; passages of it are added with its number. */
  addSource(file: string, chunks: readonly string[]): number {
    const base: number[] = [];
    let at = 0;
    for (const c of chunks) {
      base.push(at);
      at += c.length;
    }
    return this.sources.push({ file, chunks, base, headings: [] }) - 1;
  }

  source(n: number): Source | undefined {
    return this.sources[n];
  }

  /** Forgets a file's text (its passages must be removed first). */
  dropSource(n: number): void {
    this.sources[n] = undefined;
  }

  add(id: number, sourceNo: number, s: NoteSection): void {
    this.ensure(id);
    const source = this.sources[sourceNo]!;
    const last = source.headings[source.headings.length - 1];
    if (!last || last.title !== s.title || last.path !== s.headingPath) source.headings.push({ title: s.title, path: s.headingPath });
    // A plain range of one piece of the text (a passage across two pieces keeps its own text).
    let chunk = 0;
    if (s.offset !== undefined) while (chunk + 1 < source.base.length && source.base[chunk + 1] <= s.offset) chunk++;
    const local = s.offset !== undefined ? s.offset - source.base[chunk] : 0;
    const plain = s.offset !== undefined && source.chunks[chunk].startsWith(s.text, local);
    this.sourceOf[id] = sourceNo;
    this.chunkOf[id] = chunk;
    this.headingOf[id] = source.headings.length - 1;
    this.line[id] = s.line;
    this.endLine[id] = s.endLine;
    this.from[id] = plain ? local : 0;
    this.to[id] = plain ? local + s.text.length : 0;
    if (!plain) this.own.set(id, s.text);
    this.flags[id] = (s.kind === 'code' ? 1 : 0) | ((s.headerLines ?? 0) << 1);
    this.count++;
  }

  has(id: number): boolean {
    return id < this.sourceOf.length && this.sourceOf[id] >= 0;
  }

  remove(id: number): boolean {
    if (!this.has(id)) return false;
    this.sourceOf[id] = -1;
    this.own.delete(id);
    this.count--;
    return true;
  }

  heading(id: number): Heading {
    return this.sources[this.sourceOf[id]]!.headings[this.headingOf[id]];
  }

  text(id: number): string {
    return this.own.get(id) ?? this.sources[this.sourceOf[id]]!.chunks[this.chunkOf[id]].slice(this.from[id], this.to[id]);
  }

  /** The passage as parsing gave it. */
  get(id: number): NoteSection | undefined {
    if (!this.has(id)) return undefined;
    const heading = this.heading(id);
    const headerLines = this.flags[id] >> 1;
    return {
      file: this.sources[this.sourceOf[id]]!.file,
      title: heading.title,
      headingPath: heading.path,
      line: this.line[id],
      endLine: this.endLine[id],
      text: this.text(id),
      kind: this.flags[id] & 1 ? 'code' : 'text',
      ...(headerLines ? { headerLines } : {}),
    };
  }

  private ensure(id: number): void {
    if (id < this.sourceOf.length) return;
    let size = this.sourceOf.length;
    while (size <= id) size *= 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, fill = 0): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.fill(fill);
      b.set(a);
      return b;
    };
    this.sourceOf = grow(this.sourceOf, -1);
    this.chunkOf = grow(this.chunkOf);
    this.headingOf = grow(this.headingOf);
    this.line = grow(this.line);
    this.endLine = grow(this.endLine);
    this.from = grow(this.from);
    this.to = grow(this.to);
    this.flags = grow(this.flags);
  }
}
