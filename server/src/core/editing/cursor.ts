/**
 * Where the cursor is, as completion needs it: the chain of keys above it and whether a key, a
 * value or a list item is being typed. People ask for completion in documents that are
 * half-written (`Type: AWS::S3::`, a key with no colon yet, an unclosed quote), where the parsed
 * tree is missing or wrong exactly at the cursor. So for YAML the structure comes from the text:
 * the current line, then the lines above it read by indentation. JSON has a fault-tolerant
 * scanner for exactly this (jsonc-parser's getLocation).
 */
import { getLocation } from 'jsonc-parser';
import type { TemplateDocument } from '../document/model';
import { SHORT_TAGS } from '../document/tags';

export type Segment = string | number;

export interface Cursor {
  /**
   * Keys and list indexes from the root to where the cursor is. For `at: 'value'` it ends with the
   * key whose value is typed; for `'item'` with the list index; for `'key'` it is the mapping that
   * gets the key. A short-form tag written after a key on a line above (`Value: !If`) appears as
   * its long name, as in the parsed tree.
   */
  path: Segment[];
  /** `item`: a list entry (`- Fo|`), which may become a scalar or the first key of a mapping. */
  at: 'key' | 'value' | 'item';
  /** Start of the key being typed (`at: 'key'`) or of the value/item text on this line. */
  start: number;
  /** Text from `start` to the cursor: a partial key, or the value so far (tags, flow lists, quotes). */
  text: string;
  /** A colon already follows the key under the cursor, so only the name is inserted. */
  hasColon: boolean;
  json: boolean;
  /** A JSON key or value being typed inside its quotes. */
  quoted: boolean;
}

export function cursorAt(doc: TemplateDocument, offset: number): Cursor | undefined {
  return doc.format === 'json' ? jsonCursor(doc.text, offset) : yamlCursor(doc, offset);
}

// ---------------------------------------------------------------------------------------------
// YAML

// [\s\S]: a line cut at a lone CR (or any line break JS sees inside a YAML line) still matches.
const LINE = /^( *)((?:-[ ]+)*)([\s\S]*)$/;

function yamlCursor(doc: TemplateDocument, offset: number): Cursor | undefined {
  const line = doc.lines.positionAt(offset).line;
  const lineStart = doc.lines.lineStart(line);
  const before = doc.text.slice(lineStart, offset);
  if (inComment(before)) return undefined;
  const m = LINE.exec(before)!;
  const dashes = dashColumns(m[1].length, m[2]);
  const contentCol = m[1].length + m[2].length;
  const rest = m[3];
  if (rest === '-' || rest.startsWith('---') || rest.startsWith('...')) return undefined;

  // Segments are collected innermost first and reversed at the end.
  const inner: Segment[] = [];
  let at: Cursor['at'];
  let start = lineStart + contentCol;
  let text = rest;
  const split = splitKey(rest);
  if (split) {
    at = 'value';
    inner.push(split.key);
    start += split.valueAt;
    text = rest.slice(split.valueAt);
  } else if (dashes.length) {
    at = 'item';
  } else {
    // A line holding only a value (a flow list continued, a tag on its own) is not a key.
    if (/^[!\[{&*|>]/.test(rest) || /\s/.test(rest.trim())) return undefined;
    at = 'key';
  }
  const after = doc.text.slice(offset, doc.lines.lineEnd(line));
  const hasColon = at !== 'value' && /^[^\s:]*:(\s|$)/.test(after);

  // Inner dashes on one line (`- - x`) are first items; the outermost one may have siblings above.
  for (let i = dashes.length - 1; i >= 1; i--) inner.push(0);
  let pending: Pending | undefined;
  if (dashes.length) {
    pending = { col: dashes[0], slot: inner.length, count: 0 };
    inner.push(0);
  }
  let col = dashes.length ? dashes[0] : contentCol;

  for (let l = line - 1; l >= 0 && (col > 0 || pending); l--) {
    const t = doc.lines.lineText(l);
    const ind = leadingSpaces(t);
    if (ind === t.length || t[ind] === '#') continue;
    if (ind === 0 && (t.startsWith('---') || t.startsWith('...'))) break;
    let limit = col;
    if (pending && ind === pending.col) {
      if (t[ind] === '-' && (t.length === ind + 1 || t[ind + 1] === ' ')) {
        pending.count++;
        continue;
      }
      // `Key:` followed by `- item` at the key's own column: the key owns the list.
      limit = col + 1;
    } else if (ind >= col) continue;
    if (pending) {
      inner[pending.slot] = pending.count;
      pending = undefined;
    }
    const r = ancestor(t, limit, inner);
    col = Math.min(col, r.col);
    pending = r.pending;
  }
  if (pending) inner[pending.slot] = pending.count;
  return { path: inner.reverse(), at, start, text, hasColon, json: false, quoted: false };
}

interface Pending {
  /** Column of the dash of the list item that contains the cursor. */
  col: number;
  /** Index in `inner` that gets the item's index once the siblings above are counted. */
  slot: number;
  count: number;
}

/** Add what a line above contributes to the path (its key, a tag after it, its list dashes). */
function ancestor(t: string, limit: number, inner: Segment[]): { col: number; pending?: Pending } {
  const m = LINE.exec(t)!;
  const dashes = dashColumns(m[1].length, m[2]);
  const contentCol = m[1].length + m[2].length;
  let col = limit;
  const split = splitKey(m[3]);
  if (contentCol < col) {
    if (split) {
      const fn = tagFunction(m[3].slice(split.valueAt));
      if (fn) inner.push(fn);
      inner.push(split.key);
      col = contentCol;
    } else {
      // `- !If` with its arguments on the lines below.
      const fn = tagFunction(m[3]);
      if (fn) {
        inner.push(fn);
        col = contentCol;
      }
    }
  }
  let pending: Pending | undefined;
  for (let i = dashes.length - 1; i >= 0; i--) {
    if (dashes[i] >= col) continue;
    if (i === 0) pending = { col: dashes[0], slot: inner.length, count: 0 };
    inner.push(0);
    col = dashes[i];
  }
  return { col, pending };
}

/** The long name of a short-form tag that starts a value (`!If`, `!Sub |`), if that is all there is. */
function tagFunction(value: string): string | undefined {
  // Two \s* around an optional part backtrack quadratically over a long run of spaces: split first.
  const v = value.trim();
  const tag = /^![A-Za-z]+/.exec(v)?.[0];
  if (!tag || !/^(?:[|>][-+0-9]*)?\s*(?:#.*)?$/.test(v.slice(tag.length).trimStart())) return undefined;
  return SHORT_TAGS[tag];
}

function dashColumns(indent: number, dashes: string): number[] {
  const out: number[] = [];
  let c = indent;
  for (const d of dashes.match(/-[ ]+/g) ?? []) {
    out.push(c);
    c += d.length;
  }
  return out;
}

function leadingSpaces(t: string): number {
  let i = 0;
  while (i < t.length && t.charCodeAt(i) === 32) i++;
  return i;
}

/** ` #` outside quotes starts a comment. */
function inComment(before: string): boolean {
  let q = '';
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s\[{,:]/.test(before[i - 1])) q = c;
    } else if (c === '#' && (i === 0 || /\s/.test(before[i - 1]))) return true;
  }
  return false;
}

/**
 * `Key: value` → the key and where its value starts. A colon counts when a space or the end follows
 * and it is not part of `::` (so `AWS::S3::` is a value being typed, not a key).
 */
function splitKey(s: string): { key: string; valueAt: number } | undefined {
  if (!s || /^[!\[{&*|>?%@`]/.test(s)) return undefined;
  let i = 0;
  let key: string | undefined;
  if (s[0] === '"' || s[0] === "'") {
    const close = s.indexOf(s[0], 1);
    if (close < 0 || s[close + 1] !== ':') return undefined;
    key = s.slice(1, close);
    i = close + 1;
    if (!(i + 1 === s.length || s[i + 1] === ' ')) return undefined;
  } else {
    for (; i < s.length; i++) {
      if (s[i] === ' ' && s[i + 1] === '#') return undefined;
      if (s[i] !== ':' || s[i - 1] === ':' || s[i + 1] === ':') continue;
      if (i + 1 === s.length || s[i + 1] === ' ' || s[i + 1] === '\t') break;
    }
    if (i >= s.length) return undefined;
    key = s.slice(0, i).trimEnd();
  }
  let v = i + 1;
  while (s[v] === ' ' || s[v] === '\t') v++;
  return { key, valueAt: v };
}

// ---------------------------------------------------------------------------------------------
// JSON

function jsonCursor(text: string, offset: number): Cursor | undefined {
  const loc = getLocation(text, offset);
  const prev = loc.previousNode;
  // Inside the string (key or value) that ends at or after the cursor, not just past its closing quote.
  let inString = false;
  if (prev && (prev.type === 'string' || prev.type === 'property')) {
    const end = prev.offset + prev.length;
    const closed = prev.length > 1 && text[end - 1] === '"';
    inString = offset > prev.offset && (closed ? offset < end : offset <= end);
  }
  const path = loc.path.slice();
  if (loc.isAtPropertyKey) {
    path.pop();
    const start = inString ? prev!.offset + 1 : offset;
    const closeQuote = inString ? text.indexOf('"', offset) : -1;
    const hasColon = closeQuote >= 0 && /^\s*:/.test(text.slice(closeQuote + 1, closeQuote + 20));
    return { path, at: 'key', start, text: text.slice(start, offset), hasColon, json: true, quoted: inString };
  }
  const at = typeof path[path.length - 1] === 'number' ? 'item' : 'value';
  // The value text keeps its opening quote, so the inline reader knows it is inside a string.
  const start = inString ? prev!.offset : offset;
  return { path, at, start, text: text.slice(start, offset), hasColon: false, json: true, quoted: inString };
}

// ---------------------------------------------------------------------------------------------
// The value typed on one line: tags, flow lists and maps, quotes.

export interface Inline {
  /** The innermost intrinsic function whose argument the cursor is in. */
  fn?: string;
  /** Argument position in the function's (or bare list's) list; 0 for a single argument. */
  index: number;
  /** The arguments are a flow list here (`!If [a, b`), not one scalar (`!Ref a`). */
  list: boolean;
  /** Earlier entries of that list as written (undefined for nested values). */
  items: (string | undefined)[];
  /** Inside a flow list that no function owns (`DependsOn: [A, B`). */
  bareList: boolean;
  /** The token being typed: from its start (index in the text) to the cursor. */
  word: string;
  wordAt: number;
  quoted: boolean;
  /** Typing a tag itself (`!Ge`). */
  tag: boolean;
}

interface Frame {
  fn?: string;
  list: boolean;
  map: boolean;
  index: number;
  items: (string | undefined)[];
}

const LONG_NAMES = new Set([...Object.values(SHORT_TAGS)]);

/** Read a one-line value (`!If [IsProd, !Ref A, `) to the cursor at its end. */
export function inlineContext(s: string): Inline {
  const stack: Frame[] = [{ list: false, map: false, index: 0, items: [] }];
  const top = () => stack[stack.length - 1];
  const inFlow = () => stack.some((f) => f.list || f.map);
  const result = (word: string, wordAt: number, quoted: boolean, tag = false): Inline => {
    const f = top();
    return { fn: f.fn, index: f.index, list: f.list, items: f.items, bareList: f.list && !f.fn, word, wordAt, quoted, tag };
  };
  // A finished value goes into the frame that holds it; a tag whose single argument just ended is done too.
  const finish = (v: string | undefined) => {
    while (stack.length > 1 && top().fn && !top().list && !top().map) {
      stack.pop();
      v = undefined;
    }
    const f = top();
    f.items[f.index] = v;
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '!') {
      const m = /^![A-Za-z:]*/.exec(s.slice(i))!;
      if (i + m[0].length >= s.length) return result(m[0], i, false, true);
      stack.push({ fn: SHORT_TAGS[m[0]] ?? m[0], list: false, map: false, index: 0, items: [] });
      i += m[0].length;
      continue;
    }
    if (c === '[') {
      const f = top();
      // A tag right before `[` takes the list as its arguments.
      if (f.fn && !f.list && !f.map && f.items.length === 0) f.list = true;
      else stack.push({ list: true, map: false, index: 0, items: [] });
      i++;
      continue;
    }
    if (c === '{') {
      stack.push({ list: false, map: true, index: 0, items: [] });
      i++;
      continue;
    }
    if (c === ']' || c === '}') {
      while (stack.length > 1 && !(c === ']' ? top().list : top().map)) stack.pop();
      if (stack.length > 1) stack.pop();
      finish(undefined);
      i++;
      continue;
    }
    if (c === ',') {
      while (stack.length > 1 && !top().list && !top().map) stack.pop();
      top().index++;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const close = closingQuote(s, i);
      if (close < 0) return result(s.slice(i + 1), i + 1, true);
      const v = s.slice(i + 1, close);
      i = close + 1;
      if (mapKeyFollows(s, i, top())) {
        i = enterMapKey(s, i, v, top(), stack);
        continue;
      }
      finish(v);
      continue;
    }
    // A plain scalar: to the end of the line, or (in a flow collection) to the next indicator.
    let j = i;
    while (j < s.length) {
      const ch = s[j];
      if (inFlow() && (ch === ',' || ch === ']' || ch === '}' || ch === '[' || ch === '{')) break;
      if (top().map && ch === ':' && (s[j + 1] === ' ' || j + 1 === s.length) && s[j - 1] !== ':') break;
      j++;
    }
    const v = s.slice(i, j);
    if (j >= s.length && !/\s$/.test(v)) return result(v, i, false);
    if (top().map && s[j] === ':') {
      i = enterMapKey(s, j, v.trim(), top(), stack);
      continue;
    }
    finish(v.trim());
    i = j;
  }
  return result('', s.length, false);
}

function closingQuote(s: string, open: number): number {
  const q = s[open];
  for (let i = open + 1; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

function mapKeyFollows(s: string, i: number, f: Frame): boolean {
  return f.map && s[i] === ':';
}

/** `{ Ref: X }` / `{"Fn::GetAtt": [...]}`: an intrinsic key makes the value after it that function's argument. */
function enterMapKey(s: string, colon: number, key: string, f: Frame, stack: Frame[]): number {
  const fn = LONG_NAMES.has(key) || key === 'Ref' || key === 'Condition' ? key : undefined;
  f.fn = undefined;
  f.items = [];
  f.index = 0;
  let i = colon + 1;
  while (s[i] === ' ') i++;
  if (fn && s[i] === '[') {
    stack.push({ fn, list: true, map: false, index: 0, items: [] });
    return i + 1;
  }
  // A scalar argument: the map itself stands for the call until its `}`.
  f.fn = fn;
  return i;
}
