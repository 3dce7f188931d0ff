/**
 * CloudFormation reads YAML with PyYAML's rules, which are laxer than YAML 1.2 (and the `yaml`
 * library) in two ways real templates rely on:
 * - quoted scalars and flow collections (`[...]`, `{...}`) may continue on lines indented no deeper
 *   than their key (PyYAML checks no indentation inside them);
 * - a lone `-` inside a flow collection (`!Join [-, [a, b]]`) is the string "-", not a block
 *   sequence indicator.
 * `widenForPyYaml` rewrites only those spots, by inserting characters (indentation, or quotes around
 * the `-`), so the strict parser reads what PyYAML reads; `Insertions` maps offsets back.
 */

export interface Insertion {
  /** Offset in the original text before which `text` was inserted. */
  at: number;
  text: string;
}

export type Leniency = 'indent' | 'dash';

/**
 * A real syntax error whose intended structure is clear (`Type:AWS::EC2::Instance` above a
 * `Properties:` block, a quote never closed): reported once, with the insertion that repairs it, and
 * read as repaired so the rest of the file is checked without a cascade.
 */
export interface Recovery {
  start: number;
  end: number;
  message: string;
  fix: Insertion & { title: string };
}

export interface Widened {
  text: string;
  /** PyYAML leniency and recoveries, in offset order. */
  insertions: Insertion[];
  /** Where the first relied-on leniency is (original offset), and which one; how many spots in all. */
  first: { at: number; what: Leniency } | undefined;
  count: number;
  recoveries: Recovery[];
}

export function widenForPyYaml(text: string): Widened | undefined {
  const s = new Scanner(text);
  s.run();
  if (!s.insertions.length) return undefined;
  let out = '';
  let from = 0;
  for (const ins of s.insertions) {
    out += text.slice(from, ins.at) + ins.text;
    from = ins.at;
  }
  out += text.slice(from);
  return { text: out, insertions: s.insertions, first: s.first, count: s.count, recoveries: s.recoveries };
}

/** Maps an offset in the widened text back to the original: inside an insertion, to where it was inserted. */
export function unwidenOffset(insertions: Insertion[]): (offset: number) => number {
  const starts: number[] = [];
  const before: number[] = []; // inserted length before insertion k
  let total = 0;
  for (const ins of insertions) {
    starts.push(ins.at + total);
    before.push(total);
    total += ins.text.length;
  }
  return (r) => {
    let lo = 0;
    let hi = starts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < r) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return r;
    const ins = insertions[k];
    return r < starts[k] + ins.text.length ? ins.at : r - before[k] - ins.text.length;
  };
}

const isBlank = (c: string | undefined): boolean => c === undefined || c === '\n' || c === '\r';
const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** A small PyYAML-like tokenizer: just enough to know where quoted scalars and flow collections are. */
class Scanner {
  readonly insertions: Insertion[] = [];
  first: { at: number; what: Leniency } | undefined;
  count = 0;
  readonly recoveries: Recovery[] = [];
  private i = 0;
  private unclosed = false;

  constructor(private readonly t: string) {}

  run(): void {
    while (this.i < this.t.length) this.line();
  }

  private note(what: Leniency, ...insertions: Insertion[]): void {
    this.insertions.push(...insertions);
    this.first ??= { at: insertions[0].at, what };
    this.count++;
  }

  private recover(r: Recovery): void {
    this.insertions.push({ at: r.fix.at, text: r.fix.text });
    this.recoveries.push(r);
  }

  /** The end of j's line, before any \r\n. */
  private lineEnd(j: number): number {
    let k = this.eol(j);
    if (this.t[k - 1] === '\n') k--;
    if (this.t[k - 1] === '\r') k--;
    return k;
  }

  private eol(j: number): number {
    const k = this.t.indexOf('\n', j);
    return k < 0 ? this.t.length : k + 1;
  }

  private col(j: number): number {
    return j - (this.t.lastIndexOf('\n', j - 1) + 1);
  }

  /** One block-context line (and whatever quoted scalars or flow collections it opens). */
  private line(): void {
    const t = this.t;
    const start = this.i;
    let j = start;
    while (t[j] === ' ') j++;
    if (isBlank(t[j]) || t[j] === '#') {
      this.i = this.eol(j);
      return;
    }
    if (j === start && (t.startsWith('---', j) || t.startsWith('...', j)) && (isBlank(t[j + 3]) || isWs(t[j + 3]))) {
      if (t[j] === '.') {
        this.i = this.eol(j);
        return;
      }
      j += 3;
    }
    let owner = j - start; // column of the innermost block collection this line's tokens belong to
    let tokenCol = owner;
    let atToken = true;
    while (j < t.length && t[j] !== '\n') {
      const c = t[j];
      if (isWs(c) || c === '\r') {
        j++;
        continue;
      }
      if (c === '#' && (j === 0 || isWs(t[j - 1]))) break;
      if (atToken) {
        tokenCol = this.col(j);
        if ((c === '-' || c === '?') && (isWs(t[j + 1]) || isBlank(t[j + 1]))) {
          owner = tokenCol;
          j++;
          continue;
        }
        if (c === '!' || c === '&') {
          while (j < t.length && !isWs(t[j]) && !isBlank(t[j])) j++;
          continue;
        }
        if (c === "'" || c === '"') {
          const mark = { n: this.insertions.length, count: this.count, first: this.first };
          j = this.quoted(j, owner + 1);
          if (this.unclosed) {
            // Never closed: read it as ending with its line, and drop what the scan assumed inside it.
            this.unclosed = false;
            this.insertions.length = mark.n;
            this.count = mark.count;
            this.first = mark.first;
            const at = this.lineEnd(this.openQuote);
            this.recover({
              start: this.openQuote,
              end: this.openQuote + 1,
              message: `This quoted value is never closed, so the rest of the file would be part of it. Add the closing ${c} (we read the value as ending with this line).`,
              fix: { at, text: c, title: `Close the quote at the end of the line` },
            });
            j = at;
          }
          atToken = false;
          continue;
        }
        if (c === '[' || c === '{') {
          j = this.flow(j, owner + 1);
          atToken = false;
          continue;
        }
        this.noSpaceKey(j);
        if (c === '|' || c === '>') {
          this.i = this.skipBlockScalar(this.eol(j), owner);
          return;
        }
        atToken = false;
      }
      if (c === ':' && (isWs(t[j + 1]) || isBlank(t[j + 1]))) {
        owner = tokenCol;
        atToken = true;
      }
      j++;
    }
    this.i = this.eol(j);
  }

  /**
   * `Type:AWS::EC2::Instance` above a block at its own indentation or deeper: YAML reads the line and
   * the next line as one multi-line key. Meant: `Type: AWS::EC2::Instance`.
   */
  private noSpaceKey(j: number): void {
    const t = this.t;
    if (!/^[ -]*$/.test(t.slice(t.lastIndexOf('\n', j - 1) + 1, j))) return; // first on its line (or after `- `)
    const end = this.lineEnd(j);
    const m = /^([A-Za-z][\w.-]*):([A-Za-z!][^\s#]*)[ \t]*(?:#.*)?$/.exec(t.slice(j, end));
    if (!m) return;
    let k = this.eol(j);
    for (;;) {
      let n = k;
      while (t[n] === ' ') n++;
      if (n >= t.length) return;
      if (isBlank(t[n]) || t[n] === '#') {
        k = this.eol(n);
        continue;
      }
      if (n - k < this.col(j)) return;
      break;
    }
    const at = j + m[1].length + 1;
    this.recover({
      start: j,
      end: j + m[0].trimEnd().length,
      message: `No space after '${m[1]}:', so YAML reads '${m[1]}:${m[2]}' and the next line as one key. Write '${m[1]}: ${m[2]}'.`,
      fix: { at, text: ' ', title: `Insert a space after '${m[1]}:'` },
    });
  }

  /** Block scalar content: blank lines and lines indented deeper than the owning collection. */
  private skipBlockScalar(from: number, owner: number): number {
    const t = this.t;
    let k = from;
    while (k < t.length) {
      let j = k;
      while (t[j] === ' ') j++;
      if (!isBlank(t[j]) && j - k <= owner) break;
      k = this.eol(j);
    }
    return k;
  }

  /** A line inside a quoted scalar or flow collection: indent it to `need` if it is shallower. */
  private continuation(lineStart: number, need: number): void {
    let j = lineStart;
    while (this.t[j] === ' ') j++;
    if (isBlank(this.t[j]) || this.t[j] === '\t') return;
    if (j - lineStart < need) this.note('indent', { at: lineStart, text: ' '.repeat(need - (j - lineStart)) });
  }

  /** From the opening quote; returns the offset after the closing one. */
  private openQuote = 0;

  private quoted(j: number, need: number): number {
    const t = this.t;
    const q = t[j];
    this.openQuote = j;
    let k = j + 1;
    while (k < t.length) {
      const c = t[k];
      if (q === "'" && c === "'") {
        if (t[k + 1] !== "'") return k + 1;
        k += 2;
        continue;
      }
      if (q === '"' && c === '\\') {
        if (t[k + 1] === '\n') this.continuation(k + 2, need);
        k += 2;
        continue;
      }
      if (q === '"' && c === '"') return k + 1;
      if (c === '\n') this.continuation(k + 1, need);
      k++;
    }
    this.unclosed = true;
    return k;
  }

  /** From the opening bracket; returns the offset after the matching close. */
  private flow(j: number, need: number): number {
    const t = this.t;
    let depth = 0;
    let atToken = true;
    let k = j;
    while (k < t.length) {
      const c = t[k];
      if (c === '[' || c === '{') {
        depth++;
        atToken = true;
      } else if (c === ']' || c === '}') {
        if (--depth === 0) return k + 1;
        atToken = false;
      } else if (c === ',') atToken = true;
      else if (c === '\n') this.continuation(k + 1, need);
      else if (c === '#' && isWs(t[k - 1])) {
        const nl = t.indexOf('\n', k);
        if (nl < 0) return t.length;
        k = nl; // the newline itself is a continuation
        continue;
      } else if (isWs(c) || c === '\r') {
        // separation keeps the token state
      } else if (c === ':' && (isWs(t[k + 1]) || isBlank(t[k + 1]) || ',]}'.includes(t[k + 1]) || t[k - 1] === '"' || t[k - 1] === "'")) {
        atToken = true;
      } else if (atToken && (c === "'" || c === '"')) {
        k = this.quoted(k, need);
        this.unclosed = false; // the flow collection's own error covers it
        atToken = false;
        continue;
      } else if (atToken && c === '-' && t[k + 1] !== undefined && ',]}'.includes(t[k + 1])) {
        this.note('dash', { at: k, text: "'" }, { at: k + 1, text: "'" });
        atToken = false;
      } else if (atToken && (c === '!' || c === '&')) {
        while (k < t.length && !isWs(t[k]) && !isBlank(t[k]) && !',[]{}'.includes(t[k])) k++;
        continue;
      } else atToken = false;
      k++;
    }
    return k;
  }
}
