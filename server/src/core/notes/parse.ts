/**
 * Splits a study-notes file into small passages a hover can quote.
 *
 * Notes come in every format (markdown, markdown-ish, plain text with `--Topic--` lines,
 * tab-indented outlines, `**bold**` pseudo-headings) and file extensions say nothing about
 * which, so structure is detected line by line from the content:
 *   1. headings (any of the styles above) open sections and give each passage a heading path;
 *   2. a section body is cut into blocks: a line plus the more-indented lines under it,
 *      a fenced code block, or a table;
 *   3. blocks are packed into passages of a few lines; a block that is too big is split at
 *      its children, and its parent line is remembered in the heading path.
 */

export interface NoteSection {
  file: string;
  /** Nearest heading above the passage ('' before the first heading). */
  title: string;
  /** Headings from outermost to innermost, plus outline parents of a split block. */
  headingPath: string[];
  /** 1-based first line of the passage. */
  line: number;
  /** 1-based last line (inclusive). */
  endLine: number;
  /** The passage's lines, common indentation removed. */
  text: string;
  /** 'code' when the passage is only a fenced code block (examples rank below explanations). */
  kind: 'text' | 'code';
  /**
   * Lines at the top of `text` repeated from elsewhere (a long table's header row and rule):
   * `line` is where the text after them starts.
   */
  headerLines?: number;
  /**
   * Where the first line of the passage starts in the text parsed (set when that text has no
   * `\r`): the index keeps one string per file and passages as ranges of it.
   */
  offset?: number;
}

/** Passage size targets: small enough to read in a hover, big enough to carry a fact. */
export const PASSAGE_MAX_LINES = 6;
export const PASSAGE_MAX_CHARS = 600;
/** Passages shorter than this are merged with the next block even across a blank line. */
const PASSAGE_MIN_CHARS = 160;
/** Lines longer than this are cut for indexing (minified or generated text is not notes). */
const MAX_LINE_CHARS = 4000;
const MAX_LINES = 200_000;
const MAX_TITLE_CHARS = 120;

interface Heading {
  level: number;
  title: string;
}

/** True for content that is clearly not text (NUL bytes or mostly control characters). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    else if (c === 0xfffd) control++; // replacement char from decoding binary as UTF-8
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Indentation width with tabs counted as 4 columns. */
function indentWidth(line: string): number {
  let w = 0;
  for (const ch of line) {
    if (ch === ' ') w++;
    else if (ch === '\t') w += 4 - (w % 4);
    else break;
  }
  return w;
}

/** `|---|:---:|` under a table's header row. */
function isTableRule(line: string | undefined): boolean {
  return line !== undefined && line.includes('-') && /^[\s:|-]+$/.test(line);
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** `---`, `===`, `+++`, `***`, `___` on their own: separators, not content. */
function isRule(line: string): boolean {
  return /^\s*([=\-+*_~])(\s*\1){2,}\s*$/.test(line);
}

function cleanTitle(raw: string): string {
  let t = raw.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
  let end = t.length;
  while (end > 0 && (t[end - 1] === ':' || t[end - 1] === ' ')) end--;
  t = t.slice(0, end);
  return t.length > MAX_TITLE_CHARS ? t.slice(0, MAX_TITLE_CHARS - 1) + '…' : t;
}

/**
 * Heading levels from different styles share one scale so mixed files nest sensibly:
 * markdown `#`..`######` → 1..6; `===X===` / `--X--` → by indentation (`=` outranks `-`);
 * bold pseudo-headings → 7 + indentation, i.e. below any markdown heading.
 */
export function detectHeading(line: string): Heading | undefined {
  // Every pattern here runs on user text: trim first and keep each regex anchored with no two
  // adjacent quantifiers that can match the same characters (a `# a` + 4,000 spaces + `x` line
  // took seconds with `(.*?)[ \t]*#*[ \t]*$`).
  const body = line.trimEnd();
  const atx = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(body);
  if (atx) {
    const title = cleanTitle(trimClosingHashes(body.slice(atx[0].length)));
    if (/[A-Za-z]/.test(title)) return { level: atx[1].length, title };
    return undefined;
  }
  const delimited = delimitedHeading(body);
  if (delimited) return delimited;
  const bold = /^(\s*)(?:[-*+][ \t]+)?(\*\*|__)([^*_]+)(\*\*|__):?$/.exec(body);
  if (bold && bold[2] === bold[4]) {
    const title = cleanTitle(bold[3]);
    if (/[A-Za-z]/.test(title)) {
      const depth = Math.floor(indentWidth(bold[1]) / 4);
      return { level: 7 + depth, title };
    }
  }
  return undefined;
}

/** `Title ##` → `Title` (closing hashes of an ATX heading), without a backtracking regex. */
function trimClosingHashes(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '#') end--;
  if (end === s.length) return s;
  if (end === 0) return '';
  return s[end - 1] === ' ' || s[end - 1] === '\t' ? s.slice(0, end).trimEnd() : s;
}

/**
 * `--Topic--`, `===Topic===`, optionally followed by a gloss: `---EBS---  Elastic Block Store`.
 * Scanned by hand: the regex form of this had nested lazy/greedy runs (quadratic or worse).
 */
function delimitedHeading(body: string): Heading | undefined {
  const lead = /^\s*/.exec(body)![0];
  const ch = body[lead.length];
  if (ch !== '=' && ch !== '-') return undefined;
  let i = lead.length;
  while (body[i] === ch) i++;
  if (i - lead.length < 2) return undefined;
  while (body[i] === ' ' || body[i] === '\t') i++;
  if (!/[A-Za-z0-9(]/.test(body[i] ?? '')) return undefined;
  const close = body.indexOf(ch + ch, i);
  if (close < 0) return undefined;
  const topic = body.slice(i, close).trim();
  let j = close;
  while (body[j] === ch) j++;
  const rest = body.slice(j);
  const gloss = rest.trim();
  if (gloss && (!/^\s/.test(rest) || !/^[A-Za-z(]/.test(gloss))) return undefined;
  const title = cleanTitle(gloss ? `${topic} (${gloss})` : topic);
  if (!/[A-Za-z]/.test(title) || title.includes('==') || title.includes('--')) return undefined;
  const depth = Math.floor(indentWidth(lead) / 4);
  return { level: 1 + depth * 2 + (ch === '=' ? 0 : 1), title };
}

function fenceMarker(line: string): string | undefined {
  const m = /^\s*(`{3,}|~{3,})/.exec(line);
  return m ? m[1] : undefined;
}

interface Block {
  start: number; // 0-based index into lines, inclusive
  end: number; // inclusive
  /** Outline blocks may be split at their children; code and tables only by line count. */
  kind: 'outline' | 'code' | 'table';
}

interface Section {
  title: string;
  path: string[];
  bodyStart: number; // 0-based, inclusive
  bodyEnd: number; // exclusive
}

/**
 * The lines of a notes text, each read from the text when asked for: 10 MB of notes is 400,000
 * lines, and as an array of strings they stayed in memory through the whole build. The text may
 * come in pieces (see decodeNotesInChunks), each but the last ending with `\n`; offsets count
 * from the start of the first. A line longer than MAX_LINE_CHARS is cut (minified or generated
 * text is not notes).
 */
export class NoteLines {
  readonly length: number;
  /**
   * @param chunks the text without `\r` (line ends are `\n`), in pieces
   * @param base where each piece starts in the whole text
   * @param starts where each line starts; `count` of them are set
   * @param chunkOf the piece each line is in
   * @param exact whether the text is the text the caller gave (offsets into it are meaningful)
   */
  constructor(
    private readonly chunks: readonly string[],
    private readonly base: readonly number[],
    private readonly starts: Int32Array,
    private readonly chunkOf: Int32Array,
    private readonly count: number,
    readonly exact: boolean,
  ) {
    this.length = Math.min(count, MAX_LINES);
  }

  /** Where line `i` starts in the text. */
  start(i: number): number {
    return this.starts[i];
  }

  private end(i: number): number {
    if (i + 1 < this.count) return this.starts[i + 1] - 1;
    const last = this.chunks.length - 1;
    return this.base[last] + this.chunks[last].length;
  }

  at(i: number): string {
    if (i < 0 || i >= this.length) return undefined as unknown as string; // as an array would
    const c = this.chunkOf[i];
    const from = this.starts[i] - this.base[c];
    const to = this.end(i) - this.base[c];
    return to - from > MAX_LINE_CHARS ? this.chunks[c].slice(from, from + MAX_LINE_CHARS) + '…' : this.chunks[c].slice(from, to);
  }

  /** at(i).length without making the string. */
  size(i: number): number {
    const n = this.end(i) - this.starts[i];
    return n > MAX_LINE_CHARS ? MAX_LINE_CHARS + 1 : n;
  }

  slice(from: number, to: number): string[] {
    const out: string[] = [];
    for (let i = from; i < Math.min(to, this.length); i++) out.push(this.at(i));
    return out;
  }
}

/** Finds line starts a stretch of text at a time (see linesOf and linesInSlices). */
class LineScanner {
  private starts: Int32Array = new Int32Array(1024);
  private chunkOf: Int32Array = new Int32Array(1024);
  private count = 1; // line 0 starts at 0, in piece 0
  private chunk = 0;
  private at = 0;
  private readonly base: number[] = [];

  constructor(private readonly chunks: readonly string[]) {
    let offset = 0;
    for (const c of chunks) {
      this.base.push(offset);
      offset += c.length;
    }
  }

  /** Scans until about `chars` more characters are covered; false when the text is done. */
  scan(chars: number): boolean {
    let budget = chars;
    while (this.chunk < this.chunks.length && budget > 0 && this.count <= MAX_LINES) {
      const text = this.chunks[this.chunk];
      const stop = Math.min(text.length, this.at + budget);
      budget -= stop - this.at;
      let nl = text.indexOf('\n', this.at);
      // One start past MAX_LINES: it says where the last line kept ends.
      while (nl >= 0 && nl < stop && this.count <= MAX_LINES) {
        if (this.count === this.starts.length) {
          this.starts = grow(this.starts);
          this.chunkOf = grow(this.chunkOf);
        }
        // A `\n` that ends a piece starts the next line in the next piece (if there is one).
        const next = nl + 1 === text.length && this.chunk + 1 < this.chunks.length ? this.chunk + 1 : this.chunk;
        this.starts[this.count] = this.base[this.chunk] + nl + 1;
        this.chunkOf[this.count++] = next;
        nl = text.indexOf('\n', nl + 1);
      }
      if (nl < 0 || nl >= text.length || stop >= text.length) {
        this.chunk++;
        this.at = 0;
      } else this.at = stop;
    }
    return this.chunk < this.chunks.length && this.count <= MAX_LINES;
  }

  lines(exact: boolean): NoteLines {
    return new NoteLines(this.chunks, this.base, this.starts, this.chunkOf, this.count, exact);
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The lines of a text; line ends `\r\n`, `\r` and `\n` all count. */
function linesOf(text: string): NoteLines {
  const crlf = text.includes('\r');
  const scanner = new LineScanner([crlf ? text.replace(/\r\n?/g, '\n') : text]);
  scanner.scan(Infinity);
  return scanner.lines(!crlf);
}

/** Characters of text scanned for line ends between two pauses (a few ms). */
const SCAN_CHUNK = 1 << 21;

/** linesOf for a text without `\r` in pieces (see NoteLines), a stretch at a time with `pause` in between. */
export async function linesInSlices(chunks: readonly string[], pause: () => Promise<void>): Promise<NoteLines> {
  const scanner = new LineScanner(chunks);
  while (scanner.scan(SCAN_CHUNK)) await pause();
  return scanner.lines(true);
}

/** Pass 1: find headings (outside code fences) and the body range of every section, as it goes. */
function* findSections(lines: NoteLines): Generator<Section> {
  const stack: Heading[] = [];
  let current: Section = { title: '', path: [], bodyStart: 0, bodyEnd: lines.length };
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines.at(i);
    const marker = fenceMarker(line);
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const h = detectHeading(line);
    if (!h) continue;
    current.bodyEnd = i;
    if (current.bodyEnd > current.bodyStart) yield current;
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    stack.push(h);
    current = { title: h.title, path: stack.map((s) => s.title), bodyStart: i + 1, bodyEnd: lines.length };
  }
  if (current.bodyEnd > current.bodyStart) yield current;
}

/** Pass 2a: cut a line range into blocks. */
function blocksOf(lines: NoteLines, start: number, end: number): Block[] {
  const blocks: Block[] = [];
  let i = start;
  while (i < end) {
    const line = lines.at(i);
    if (isBlank(line) || isRule(line)) {
      i++;
      continue;
    }
    const marker = fenceMarker(line);
    if (marker) {
      let j = i + 1;
      while (j < end) {
        const m = fenceMarker(lines.at(j));
        if (m && m[0] === marker[0] && m.length >= marker.length) break;
        j++;
      }
      const last = Math.min(j, end - 1);
      blocks.push({ start: i, end: last, kind: 'code' });
      i = last + 1;
      continue;
    }
    if (/^\s*\|/.test(line)) {
      let j = i;
      while (j + 1 < end && /^\s*\|/.test(lines.at(j + 1))) j++;
      blocks.push({ start: i, end: j, kind: 'table' });
      i = j + 1;
      continue;
    }
    // An outline item: this line plus every following non-blank line indented deeper.
    // A blank line inside the children is allowed when deeper lines continue after it.
    const base = indentWidth(line);
    let j = i;
    while (j + 1 < end) {
      const next = lines.at(j + 1);
      if (isBlank(next)) {
        let k = j + 2;
        while (k < end && isBlank(lines.at(k))) k++;
        if (k < end && indentWidth(lines.at(k)) > base && !fenceMarker(lines.at(k)) && k - j <= 3) {
          j = k;
          continue;
        }
        break;
      }
      if (isRule(next) || fenceMarker(next) || indentWidth(next) <= base) break;
      j++;
    }
    blocks.push({ start: i, end: j, kind: 'outline' });
    i = j + 1;
  }
  return blocks;
}

function charsOf(lines: NoteLines, start: number, end: number): number {
  let n = 0;
  for (let i = start; i <= end; i++) n += lines.size(i) + 1;
  return n;
}

function dedent(lines: string[]): string {
  let min = Infinity;
  for (const l of lines) if (!isBlank(l)) min = Math.min(min, indentWidth(l));
  if (!Number.isFinite(min) || min === 0) return lines.join('\n').trimEnd();
  return lines
    .map((l) => {
      let w = 0;
      let k = 0;
      while (k < l.length && w < min && (l[k] === ' ' || l[k] === '\t')) {
        w += l[k] === '\t' ? 4 - (w % 4) : 1;
        k++;
      }
      return l.slice(k);
    })
    .join('\n')
    .trimEnd();
}

/** The text of an outline parent line, as a heading-path entry. */
function outlineLabel(line: string): string {
  return cleanTitle(line.replace(/^\s*(?:[-*+\u2022>]+|\d+[.)])\s*/, ''));
}

/** Pass 2b: pack blocks into passages, splitting oversized blocks. */
function packPassages(
  lines: NoteLines,
  blocks: Block[],
  path: string[],
  emit: (start: number, end: number, path: string[], code: boolean, header?: string[]) => void,
): void {
  let curStart = -1;
  let curEnd = -1;
  let curCode = true;
  const flush = () => {
    if (curStart >= 0) emit(curStart, curEnd, path, curCode);
    curStart = -1;
    curEnd = -1;
    curCode = true;
  };
  for (const b of blocks) {
    const lineCount = b.end - b.start + 1;
    const chars = charsOf(lines, b.start, b.end);
    const big = lineCount > PASSAGE_MAX_LINES || chars > PASSAGE_MAX_CHARS;
    if (big) {
      flush();
      if (b.kind === 'outline' && b.end > b.start) {
        // Parent line alone or with its first children; the rest under a longer heading path.
        const childBlocks = blocksOf(lines, b.start + 1, b.end + 1);
        const label = outlineLabel(lines.at(b.start));
        const childPath = label ? [...path, label] : path;
        const first = childBlocks[0];
        if (first && first.end - b.start + 1 <= PASSAGE_MAX_LINES && charsOf(lines, b.start, first.end) <= PASSAGE_MAX_CHARS) {
          emit(b.start, first.end, path, false);
          packPassages(lines, childBlocks.slice(1), childPath, emit);
        } else {
          emit(b.start, b.start, path, false);
          packPassages(lines, childBlocks, childPath, emit);
        }
      } else if (b.kind === 'table' && lineCount > 2) {
        // Every piece of a long table carries its header row (and rule) so its columns stay named.
        const headerEnd = isTableRule(lines.at(b.start + 1)) ? b.start + 1 : b.start;
        for (let s = headerEnd + 1; s <= b.end; s += PASSAGE_MAX_LINES)
          emit(s, Math.min(b.end, s + PASSAGE_MAX_LINES - 1), path, false, lines.slice(b.start, headerEnd + 1));
      } else if (lineCount > 1) {
        for (let s = b.start; s <= b.end; s += PASSAGE_MAX_LINES)
          emit(s, Math.min(b.end, s + PASSAGE_MAX_LINES - 1), path, b.kind === 'code');
      } else {
        emit(b.start, b.end, path, b.kind === 'code'); // one very long line: the hover shows a window
      }
      continue;
    }
    if (curStart >= 0) {
      const mergedLines = b.end - curStart + 1;
      const mergedChars = charsOf(lines, curStart, b.end);
      // A blank line usually ends a thought: only glue across it when the passage so far is tiny.
      const gap = b.start > curEnd + 1;
      const tiny = charsOf(lines, curStart, curEnd) < PASSAGE_MIN_CHARS;
      if (mergedLines > PASSAGE_MAX_LINES || mergedChars > PASSAGE_MAX_CHARS || (gap && !tiny)) flush();
    }
    if (curStart < 0) curStart = b.start;
    curEnd = b.end;
    if (b.kind !== 'code') curCode = false;
  }
  flush();
}

/**
 * Whether a passage says anything: a flashcard "- 1 RCU = 4 KB." or a Cyrillic line does; a
 * passage of only images, in-page TOC links, `{{TOC}}`, table rules or punctuation does not.
 * Bounded runs keep the patterns linear on hostile text.
 */
export function hasReadableText(body: string): boolean {
  // Most passages have letters and no markup to strip: decide without copying them.
  const rest = !/[[{]/.test(body)
    ? body
    : body
        .replace(/!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)/g, ' ') // images
        .replace(/\[[^\]\n]{0,300}\]\(#[^)\n]{0,300}\)/g, ' ') // links to headings of the same page
        .replace(/\{\{TOC\}\}|\[TOC\]/gi, ' ');
  const letter = /\p{L}/gu;
  return letter.test(rest) && letter.test(rest);
}

/**
 * Parses one notes file into passages. Never throws: odd input (binary, huge lines, empty)
 * just yields fewer or no passages.
 */
export function parseNotes(file: string, text: string): NoteSection[] {
  try {
    return [...notePassages(file, text)];
  } catch {
    return [];
  }
}

/**
 * The passages of a notes file one at a time, so a caller can pause between them (a 10 MB file
 * must not hold the server). May throw on odd input; parseNotes does not.
 */
export function* notePassages(file: string, text: string): Generator<NoteSection> {
  if (typeof text !== 'string' || text.length === 0 || looksBinary(text)) return;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  yield* linePassages(file, linesOf(bom ? text.slice(1) : text), bom);
}

/** notePassages over lines already found (offsets count `base` characters before the first line). */
export function* linePassages(file: string, lines: NoteLines, base = 0): Generator<NoteSection> {
  for (const section of findSections(lines)) {
    const out: NoteSection[] = [];
    const blocks = blocksOf(lines, section.bodyStart, section.bodyEnd);
    packPassages(lines, blocks, section.path, (start, end, path, code, header) => {
      // Trim blank lines at the edges so line numbers point at content.
      while (start < end && isBlank(lines.at(start))) start++;
      while (end > start && isBlank(lines.at(end))) end--;
      const body = dedent([...(header ?? []), ...lines.slice(start, end + 1)]);
      if (!hasReadableText(body)) return;
      out.push({
        file,
        title: section.title,
        headingPath: path,
        line: start + 1,
        endLine: end + 1,
        text: body,
        kind: code ? 'code' : 'text',
        ...(header?.length ? { headerLines: header.length } : {}),
        ...(lines.exact && !header?.length ? { offset: base + lines.start(start) } : {}),
      });
    });
    yield* out;
  }
}
