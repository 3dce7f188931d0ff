/**
 * The quickest YAML front end: a scanner written for the block style templates are written in
 * (block maps and lists, plain scalars over one or more lines, one-line quoted scalars, `|`/`>`
 * blocks, `[ ]`/`{ }` lists, tags, comments, a leading `---`). It builds our tree straight from
 * the text, about ten times faster than going through the `yaml` package's lexer and CST.
 *
 * It accepts only what it reads exactly as the `yaml` package does: on anything else (anchors,
 * `!!` tags, multi-line quoted scalars, tabs, several documents, odd indentation, anything YAML
 * rejects) it gives up and the CST front end decides. Tests compare it with the composer on every
 * fixture, the corpus and random mutations.
 */
import type { DuplicateKey, ParseResult } from './model';
import type { MapNode, Node, Pair, ScalarNode, SeqNode } from './nodes';
import { SHORT_TAGS } from './tags';
import { addPair, coreValue, shortTagNode } from './yamlTree';

/** Thrown (never escapes) when the scanner meets something it does not read exactly. */
class GiveUp {}
const GIVE_UP = new GiveUp();
function giveUp(): never {
  throw GIVE_UP;
}

/** Same limit as the CST front end: deeper texts are left to the parsers that report depth. */
const MAX_DEPTH = 400;
/** YAML caps an implicit key at 1,024 characters. */
const MAX_KEY = 1000;

/**
 * Whitespace that is not a space or line break (tabs, NBSP, U+2028...), control characters, a CR
 * without LF, or a directive: left to the full parsers.
 */
const NOT_HANDLED = /[^\S \n\r]|[\x00-\x08\x0e-\x1f\x7f-\x9f]|\r(?!\n)|^%/m;
/** A tag the scanner reads: `!Name` (CloudFormation's, or a macro's such as `!Rain::Embed`), never `!!type` or `!<verbatim>`. */
const TAG = /^![A-Za-z][\w:.-]*$/;
/** Document markers: only a `---` that opens the only document is read here. */
const MARKER = /^(?:---|\.\.\.)(?=[ \r\n]|$)/gm;

const SP = 32;
const LF = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;

/** The tree, or undefined when the text needs one of the full parsers. */
export function parseYamlQuick(text: string): ParseResult | undefined {
  if (NOT_HANDLED.test(text)) return undefined;
  MARKER.lastIndex = 0;
  const marker = MARKER.exec(text);
  if (marker && (marker[0] !== '---' || MARKER.exec(text))) return undefined;
  try {
    return new Scanner(text).run(marker ? marker.index : -1);
  } catch {
    return undefined; // GiveUp, or anything unforeseen: the full parsers decide
  }
}

/** A parsed node and where the next content starts (first character of the next non-blank, non-comment line, or the text's length). */
interface Read {
  node: Node;
  at: number;
}

class Scanner {
  private readonly duplicates: DuplicateKey[] = [];
  private readonly n: number;

  constructor(private readonly s: string) {
    this.n = s.length;
  }

  /** `docStart`: where a `---` stands, if the text has one. */
  run(docStart: number): ParseResult {
    let at = this.skipBlank(0);
    if (docStart >= 0) {
      if (at !== docStart) giveUp(); // content before the marker
      at = this.endOfLine(at + 3);
    }
    if (at >= this.n) giveUp();
    const col = this.column(at);
    let r: Read;
    if (this.isDash(at)) r = this.blockSeq(at, col, 0);
    else if (this.keyAt(at)) r = this.blockMap(at, col, 0);
    else giveUp(); // a lone scalar or flow collection: not a template
    if (r.at < this.n) giveUp();
    return { root: r.node, problems: [], duplicates: this.duplicates };
  }

  // ---- lines ----------------------------------------------------------------------------------

  private column(p: number): number {
    return p - (this.s.lastIndexOf('\n', p - 1) + 1);
  }

  /** The first position at or after p that is not a space. */
  private pastSpaces(p: number): number {
    while (p < this.n && this.s.charCodeAt(p) === SP) p++;
    return p;
  }

  /** The tag written at p (`!Name`, up to the next space or line break), and where it ends. */
  private tagAt(p: number): { tag: string; end: number } {
    let e = p;
    while (e < this.n && this.s.charCodeAt(e) > SP) e++;
    const tag = this.s.slice(p, e);
    if (!TAG.test(tag)) giveUp();
    return { tag, end: e };
  }

  /** From a line start: past blank and comment-only lines, to the first character of the next content line (or the end). */
  private skipBlank(p: number): number {
    const { s, n } = this;
    while (p < n) {
      let q = p;
      q = this.pastSpaces(q);
      const c = s.charCodeAt(q);
      if (q < n && c !== HASH && c !== LF && c !== CR) return q;
      const nl = s.indexOf('\n', q);
      if (nl < 0) return n;
      p = nl + 1;
    }
    return n;
  }

  /** After a value: spaces, maybe a comment, then the line break; returns the next content (see Read.at). */
  private endOfLine(p: number): number {
    const { s, n } = this;
    const from = p;
    p = this.pastSpaces(p);
    if (p >= n) return n;
    let c = s.charCodeAt(p);
    if (c === HASH) {
      if (p === from) giveUp(); // `"a"#b`: not a comment
      const nl = s.indexOf('\n', p);
      return nl < 0 ? n : this.skipBlank(nl + 1);
    }
    if (c === CR) c = s.charCodeAt(++p);
    if (c !== LF) giveUp();
    return this.skipBlank(p + 1);
  }

  private isDash(p: number): boolean {
    if (this.s.charCodeAt(p) !== 45) return false;
    const c = this.s.charCodeAt(p + 1);
    return p + 1 >= this.n || c === SP || c === LF || c === CR;
  }

  /** Space, line break or end after p: a `:` there ends a key. */
  private breakAfter(p: number): boolean {
    const c = this.s.charCodeAt(p + 1);
    return p + 1 >= this.n || c === SP || c === LF || c === CR;
  }

  // ---- block collections ------------------------------------------------------------------------

  /** A key at p (`Name:` or `"Name":` followed by a space or line break): the key and its colon, else undefined. */
  private keyAt(p: number): { key: ScalarNode; colon: number } | undefined {
    const { s, n } = this;
    const c = s.charCodeAt(p);
    if (c === 34 || c === 39) {
      const key = this.quoted(p);
      return s.charCodeAt(key.end) === COLON && this.breakAfter(key.end) ? { key, colon: key.end } : undefined;
    }
    if (!this.plainStart(p, false)) return undefined;
    for (let q = p; q < n; q++) {
      const d = s.charCodeAt(q);
      if (d === LF || d === CR) return undefined;
      if (d === HASH && s.charCodeAt(q - 1) === SP) return undefined;
      if (d === COLON && this.breakAfter(q)) {
        let e = q;
        while (s.charCodeAt(e - 1) === SP) e--;
        if (e - p > MAX_KEY) giveUp();
        const text = s.slice(p, e);
        return { key: { kind: 'scalar', value: coreValue(text), quoted: false, start: p, end: e, source: text } as ScalarNode, colon: q };
      }
    }
    return undefined;
  }

  private blockMap(p: number, col: number, depth: number): Read {
    if (depth > MAX_DEPTH) giveUp();
    const pairs: Pair[] = [];
    const seen = new Map<string, ScalarNode>();
    let at = p;
    for (;;) {
      const k = this.keyAt(at) ?? giveUp();
      const v = this.value(k.colon + 1, col, depth + 1, true);
      addPair(pairs, seen, this.duplicates, k.key, v.node);
      at = v.at;
      if (at >= this.n) break;
      const c = this.column(at);
      if (c < col) break;
      if (c > col || this.isDash(at)) giveUp();
    }
    const map: MapNode = { kind: 'map', pairs, start: p, end: pairs[pairs.length - 1].end };
    return { node: map, at };
  }

  private blockSeq(p: number, col: number, depth: number): Read {
    if (depth > MAX_DEPTH) giveUp();
    const items: Node[] = [];
    let at = p;
    for (;;) {
      const v = this.value(at + 1, col, depth + 1, false);
      items.push(v.node);
      at = v.at;
      if (at >= this.n) break;
      const c = this.column(at);
      if (c < col || (c === col && !this.isDash(at))) break; // the parent goes on (a list at its map's indentation)
      if (c > col) giveUp();
    }
    const seq: SeqNode = { kind: 'seq', items, start: p, end: Math.max(items[items.length - 1].end, p) };
    return { node: seq, at };
  }

  /**
   * The value after a key's colon or a list's dash at `p`; `col` is that map's or list's
   * indentation. On the same line, or on the lines below (more indented, or a list at the map's
   * own indentation). A list item may also be a map or list starting on its own line.
   */
  private value(p: number, col: number, depth: number, ofMap: boolean): Read {
    const { s, n } = this;
    let q = p;
    q = this.pastSpaces(q);
    let tag: string | undefined;
    if (s.charCodeAt(q) === 33 /* ! */) {
      const t = this.tagAt(q);
      tag = t.tag;
      q = this.pastSpaces(t.end);
    }
    const c = s.charCodeAt(q);
    let r: Read;
    if (q >= n || c === LF || c === CR || c === HASH) {
      const nl = s.indexOf('\n', q);
      const at = nl < 0 ? n : this.skipBlank(nl + 1);
      const c2 = at < n ? this.column(at) : -1;
      if (c2 > col) r = this.block(at, c2, col, depth, !!tag);
      else if (c2 === col && ofMap && this.isDash(at)) r = this.blockSeq(at, c2, depth);
      else {
        // Nothing: null (or '' when tagged), placed after the spaces that follow the colon, dash or tag.
        const node = { kind: 'scalar', value: tag ? '' : null, quoted: false, start: q, end: q, source: '' } as ScalarNode;
        r = { node, at };
      }
    } else if (!ofMap && !tag && this.isDash(q)) {
      r = this.blockSeq(q, this.column(q), depth); // `- - a`
    } else if (!ofMap && !tag && this.keyAt(q)) {
      r = this.blockMap(q, this.column(q), depth); // `- Key: v`
    } else r = this.inline(q, col, depth, !!tag);
    if (tag) r.node = this.tagged(r.node, tag);
    return r;
  }

  /** A value that starts on its own line at `p` (column `c`, inside a collection indented `col`). */
  private block(p: number, c: number, col: number, depth: number, tagged: boolean): Read {
    if (this.isDash(p)) return this.blockSeq(p, c, depth);
    if (this.keyAt(p)) return this.blockMap(p, c, depth);
    const ch = this.s.charCodeAt(p);
    if (ch === 124 || ch === 62) giveUp(); // a block scalar header on its own line
    if (ch === 33) {
      if (tagged) giveUp(); // a second tag for one node
      return this.value(p, col, depth, false); // a tag on its own line, its value beside or below it
    }
    return this.inline(p, col, depth, false);
  }

  // ---- scalars and flow collections on one line ------------------------------------------------------

  private inline(p: number, col: number, depth: number, tagged: boolean): Read {
    const c = this.s.charCodeAt(p);
    if (c === 91 || c === 123) {
      const f = this.flow(p, col, depth);
      return { node: f, at: this.endOfLine(f.end) };
    }
    if (c === 34 || c === 39) {
      const q = this.quoted(p);
      return { node: q, at: this.endOfLine(q.end) };
    }
    if (c === 124 || c === 62) return this.blockScalar(p, col);
    if (!this.plainStart(p, false)) giveUp();
    return this.plainLine(p, col, tagged);
  }

  /** Can a plain scalar start at p? Not with an indicator, except `-?:` followed by a non-space. */
  private plainStart(p: number, flow: boolean): boolean {
    const c = this.s.charCodeAt(p);
    switch (c) {
      case 45: // -
      case 63: // ?
      case COLON: {
        const d = this.s.charCodeAt(p + 1);
        return p + 1 < this.n && d !== SP && d !== LF && d !== CR && !(flow && (d === 44 || d === 91 || d === 93 || d === 123 || d === 125));
      }
      case 44: // , [ ] { } # & * ! | > ' " % @ `
      case 91:
      case 93:
      case 123:
      case 125:
      case HASH:
      case 38:
      case 42:
      case 33:
      case 124:
      case 62:
      case 39:
      case 34:
      case 37:
      case 64:
      case 96:
        return false;
      default:
        return p < this.n && c !== SP && c !== LF && c !== CR;
    }
  }

  /**
   * A plain scalar in a block collection indented `col`: its line, then any lines indented deeper
   * (folded: one break is a space, a blank line a break), up to a comment.
   */
  private plainLine(p: number, col: number, tagged: boolean): Read {
    const { s, n } = this;
    let [end, stop] = this.plainText(p);
    let value = s.slice(p, end);
    let nl = s.indexOf('\n', stop);
    if (s.charCodeAt(stop) !== SP) {
      let breaks = 0;
      for (let l = nl; l >= 0; ) {
        let x = l + 1;
        x = this.pastSpaces(x);
        const d = s.charCodeAt(x);
        if (x >= n || d === HASH) break;
        if (d === LF || d === CR) {
          breaks++;
          l = s.indexOf('\n', x);
          continue;
        }
        if (x - (l + 1) <= col) break;
        if (!this.plainStart(x, false) || d === 45 || d === 63 || d === COLON) giveUp(); // a line that reads as something else
        [end, stop] = this.plainText(x);
        value += (breaks ? '\n'.repeat(breaks) : ' ') + s.slice(x, end);
        breaks = 0;
        nl = l = s.indexOf('\n', stop);
        if (s.charCodeAt(stop) === SP) break; // a comment ends it
      }
    }
    const node = { kind: 'scalar', value: tagged ? value : coreValue(value), quoted: false, start: p, end, source: value } as ScalarNode;
    return { node, at: nl < 0 ? n : this.skipBlank(nl + 1) };
  }

  /** One line of a plain scalar from p: where its text ends (before trailing spaces) and where the scan stopped (a line break, the end, or the space before ` #`). */
  private plainText(p: number): [number, number] {
    const { s, n } = this;
    let q = p;
    let end = p;
    for (; q < n; q++) {
      const d = s.charCodeAt(q);
      if (d === LF || d === CR) break;
      if (d === SP) {
        if (s.charCodeAt(q + 1) === HASH) break;
        continue;
      }
      if (d === COLON && this.breakAfter(q)) giveUp(); // `a: b: c`
      end = q + 1;
    }
    return [end, q];
  }

  /** A one-line quoted scalar starting at its quote; its end is past the closing quote. */
  private quoted(p: number): ScalarNode {
    const { s, n } = this;
    const quote = s.charCodeAt(p);
    let value = '';
    let from = p + 1;
    let q = from;
    for (;;) {
      if (q >= n) giveUp();
      const c = s.charCodeAt(q);
      if (c === LF || c === CR) giveUp(); // multi-line: folding rules left to the full parsers
      if (c === quote) {
        if (quote === 39 && s.charCodeAt(q + 1) === 39) {
          value += s.slice(from, q + 1);
          q += 2;
          from = q;
          continue;
        }
        break;
      }
      if (c === 92 && quote === 34) {
        value += s.slice(from, q);
        const [text, len] = escape(s, q + 1);
        value += text;
        q += 1 + len;
        from = q;
        continue;
      }
      q++;
    }
    value += s.slice(from, q);
    return { kind: 'scalar', value, quoted: true, start: p, end: q + 1 };
  }

  /** `|` or `>` with an optional `-` or `+` (no indentation digit), then indented lines. */
  private blockScalar(p: number, col: number): Read {
    const { s, n } = this;
    const folded = s.charCodeAt(p) === 62;
    let h = p + 1;
    const chomp = s.charCodeAt(h);
    const strip = chomp === 45;
    const keep = chomp === 43;
    if (strip || keep) h++;
    let q = h;
    q = this.pastSpaces(q);
    if (s.charCodeAt(q) === HASH && q > h) q = s.indexOf('\n', q) < 0 ? n : s.indexOf('\n', q);
    if (q < n && s.charCodeAt(q) === CR) q++;
    if (q >= n || s.charCodeAt(q) !== LF) giveUp(); // `|2`, text after the header, or nothing below
    // Lines below: the first non-blank one sets the indentation; the block ends at a line indented less.
    const lines: string[] = [];
    let indent = -1;
    let lastText = -1;
    let endOffset = p + 1;
    let line = q + 1;
    while (line < n) {
      let x = line;
      x = this.pastSpaces(x);
      const spaces = x - line;
      let e = s.indexOf('\n', x);
      const hasBreak = e >= 0;
      if (e < 0) e = n;
      const contentEnd = hasBreak && s.charCodeAt(e - 1) === CR ? e - 1 : e;
      if (x >= contentEnd) {
        if (indent >= 0 && spaces > indent) giveUp(); // a blank line's extra spaces are content
        lines.push('');
      } else {
        if (indent < 0) {
          if (spaces <= col) break;
          indent = spaces;
          if (lines.length) giveUp(); // leading blank lines: left to the full parsers
        } else if (spaces < indent) break;
        const textLine = s.slice(line + indent, contentEnd);
        lines.push(textLine);
        lastText = lines.length - 1;
        let t = contentEnd;
        while (s.charCodeAt(t - 1) === SP) t--;
        endOffset = t;
      }
      line = hasBreak ? e + 1 : n;
    }
    if (lastText < 0) giveUp(); // empty block
    const body = lines.slice(0, lastText + 1);
    let value = folded ? fold(body) : body.join('\n');
    if (!strip) value += '\n'; // even at the end of the text, as the yaml package does
    if (keep) value += '\n'.repeat(lines.length - 1 - lastText);
    const node = { kind: 'scalar', value, quoted: false, start: p, end: endOffset } as ScalarNode;
    return { node, at: line < n ? this.skipBlank(line) : n };
  }

  /** `[ ... ]` or `{ ... }`, maybe over several lines indented deeper than `col`. */
  private flow(p: number, col: number, depth: number): MapNode | SeqNode {
    if (depth > MAX_DEPTH) giveUp();
    const { s } = this;
    const isMap = s.charCodeAt(p) === 123;
    const close = isMap ? 125 : 93;
    const items: Node[] = [];
    const pairs: Pair[] = [];
    const seen = new Map<string, ScalarNode>();
    let q = this.flowSpace(p + 1, col);
    if (s.charCodeAt(q) !== close) {
      for (;;) {
        if (isMap) {
          const c = s.charCodeAt(q);
          const key = c === 34 || c === 39 ? this.quoted(q) : this.plainStart(q, true) ? this.flowPlain(q, col, false) : giveUp();
          q = this.flowSpace(key.end, col);
          if (s.charCodeAt(q) !== COLON) giveUp();
          q = this.flowSpace(q + 1, col);
          const v = this.flowNode(q, col, depth + 1);
          addPair(pairs, seen, this.duplicates, key, v);
          q = this.flowSpace(v.end, col);
        } else {
          const v = this.flowNode(q, col, depth + 1);
          items.push(v);
          q = this.flowSpace(v.end, col);
          if (s.charCodeAt(q) === COLON) giveUp(); // `[a: b]`
        }
        const c = s.charCodeAt(q);
        if (c === close) break;
        if (c !== 44) giveUp();
        q = this.flowSpace(q + 1, col);
        if (s.charCodeAt(q) === close) break; // a trailing comma, as YAML allows
      }
    }
    const end = q + 1;
    return isMap ? { kind: 'map', pairs, start: p, end } : { kind: 'seq', items, start: p, end };
  }

  /** Past spaces and line breaks inside a flow collection; continuation lines must be indented deeper than `col`, comments are left to the full parsers. */
  private flowSpace(p: number, col: number): number {
    const { s, n } = this;
    let lineStart = -1;
    for (;;) {
      if (p >= n) giveUp();
      const c = s.charCodeAt(p);
      if (c === SP) p++;
      else if (c === LF || c === CR) {
        p++;
        if (c === LF) lineStart = p;
      } else if (c === HASH) giveUp();
      else {
        if (lineStart >= 0 && p - lineStart <= col) giveUp();
        return p;
      }
    }
  }

  private flowNode(p: number, col: number, depth: number, tagged = false): Node {
    const { s } = this;
    const c = s.charCodeAt(p);
    if (c === 91 || c === 123) return this.flow(p, col, depth);
    if (c === 34 || c === 39) return this.quoted(p);
    if (c === 33) {
      const { tag, end } = this.tagAt(p);
      if (s.charCodeAt(end) !== SP) giveUp();
      const e = this.pastSpaces(end);
      const d = s.charCodeAt(e);
      if (d === 33 || d === 124 || d === 62) giveUp();
      return this.tagged(this.flowNode(e, col, depth, true), tag);
    }
    if (!this.plainStart(p, true)) giveUp();
    return this.flowPlain(p, col, tagged);
  }

  /** A CloudFormation tag becomes its long form; any other is kept on the node (a check reports it). */
  private tagged(n: Node, tag: string): Node {
    if (Object.prototype.hasOwnProperty.call(SHORT_TAGS, tag)) return shortTagNode(this.s, n, tag);
    n.tag = tag;
    return n;
  }

  /** A plain scalar inside `[ ]`/`{ }`: up to `,` `]` `}` or a `:` that ends a key; never over a line break. */
  private flowPlain(p: number, col: number, tagged: boolean): ScalarNode {
    const { s, n } = this;
    let q = p;
    let end = p;
    for (; q < n; q++) {
      const d = s.charCodeAt(q);
      if (d === 44 || d === 93 || d === 125 || d === LF || d === CR) break;
      if (d === 91 || d === 123) giveUp();
      if (d === COLON) {
        const e = s.charCodeAt(q + 1);
        if (q + 1 >= n || e === SP || e === LF || e === CR || e === 44 || e === 91 || e === 93 || e === 123 || e === 125) break;
      }
      if (d === SP) {
        if (s.charCodeAt(q + 1) === HASH) giveUp();
        continue;
      }
      end = q + 1;
    }
    if (s.charCodeAt(q) === LF || s.charCodeAt(q) === CR) {
      // Only a `,` `]` `}` may follow on the next line; anything else would continue the scalar.
      const x = this.flowSpace(q, col);
      const d = s.charCodeAt(x);
      if (d !== 44 && d !== 93 && d !== 125) giveUp();
    }
    const text = s.slice(p, end);
    return { kind: 'scalar', value: tagged ? text : coreValue(text), quoted: false, start: p, end, source: text } as ScalarNode;
  }
}

/**
 * Folding of a `>` block: one break between two text lines is a space, n+1 breaks are n; breaks
 * next to a more-indented line (one that starts with a space) are all kept.
 */
function fold(lines: string[]): string {
  let out = '';
  let breaks = 0;
  let prev: 'none' | 'text' | 'spaced' = 'none';
  for (const l of lines) {
    if (l === '') {
      breaks++;
      continue;
    }
    const spaced = l.charCodeAt(0) === SP;
    if (prev === 'none') out += '\n'.repeat(breaks);
    else if (prev === 'text' && !spaced) out += breaks ? '\n'.repeat(breaks) : ' ';
    else out += '\n'.repeat(breaks + 1);
    out += l;
    prev = spaced ? 'spaced' : 'text';
    breaks = 0;
  }
  return out;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A double-quoted escape after its backslash at `p`: the text it stands for and how many characters it took. */
function escape(s: string, p: number): [string, number] {
  const c = s[p];
  if (c !== undefined && Object.prototype.hasOwnProperty.call(ESCAPES, c)) return [ESCAPES[c], 1];
  const len = HEX_LENGTH[c];
  if (!len) giveUp();
  const hex = s.slice(p + 1, p + 1 + len);
  if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) giveUp();
  return [String.fromCodePoint(code), 1 + len];
}
