/**
 * The `yaml` composer and jsonc-parser recurse once per nesting level and overflow the stack a
 * little past 800 levels (less when called from deep in a server). Before handing them a text we
 * blank out (same length, newlines kept, so every offset stays right) whatever is nested deeper
 * than MAX_DEPTH, and report it once as a DEPTH problem. Both scanners are single linear passes.
 */
export const MAX_DEPTH = 500;

export function deepMessage(): string {
  return `Nesting deeper than ${MAX_DEPTH} levels is not checked.`;
}

export interface Limited {
  /** The text to parse: the input, or a copy with the too-deep parts blanked. */
  text: string;
  /** Offset of the first blanked value, when anything was blanked. */
  deepAt?: number;
}

/** Blank every JSON array/object that opens deeper than `max`; it becomes the number 0 (then null). */
export function limitJsonNesting(text: string, max = MAX_DEPTH): Limited {
  if (!mayBeDeeper(text, max)) return { text };
  const spans: [number, number][] = [];
  let depth = 0;
  let maskStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // A JSON string ends at its closing quote or (an error) at the end of the line.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22 || d === 0x0a) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth === max + 2 && maskStart < 0) maskStart = i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth === max + 2 && maskStart >= 0) {
        spans.push([maskStart, i + 1]);
        maskStart = -1;
      }
      if (depth > 0) depth--;
    }
  }
  if (maskStart >= 0) spans.push([maskStart, text.length]);
  return blank(text, spans, '0');
}

/**
 * Blank every YAML value nested deeper than `max`. Depth is estimated from the block indentation
 * stack, compact `- `/`? ` indicators, `key:` separators and flow brackets; the estimate errs on the
 * deep side, which only matters for texts hundreds of levels deep.
 */
export function limitYamlNesting(text: string, max = MAX_DEPTH): Limited {
  if (!mayBeDeeper(text, max)) return { text };
  const spans: [number, number][] = [];
  const stack: number[] = [];
  let flow = 0; // open flow brackets
  let flowBase = 0; // block depth where the flow collection started
  let flowMaskDepth = -1; // flow depth at which the current blanked flow span closes
  let flowMaskStart = -1;
  let quote = ''; // a quoted scalar open across lines
  let blockScalarIndent = -1; // lines more indented than this belong to a `|`/`>` scalar
  let maskChildrenIndent = -1; // lines more indented than this hang under a blanked value
  let nodeStart = true; // at a position where a value may begin
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let indent = 0;
    while (text.charCodeAt(lineStart + indent) === 0x20) indent++;
    const first = lineStart + indent;
    const blankLine = first >= lineEnd || text[first] === '\r' || text[first] === '#';
    let i = first;
    let depth = 0;
    const maskRest = (from: number) => {
      spans.push([from, lineEnd]);
      if (maskChildrenIndent < 0) maskChildrenIndent = indent;
    };
    if (quote) {
      i = skipQuoted(text, lineStart, lineEnd, quote);
      if (i <= lineEnd) quote = '';
      i = lineEnd; // the rest of a line that closes a multi-line scalar holds no structure we count
    } else if (flow > 0) {
      i = lineStart;
      depth = flowBase;
    } else if (blockScalarIndent >= 0 && (blankLine || indent > blockScalarIndent)) {
      i = lineEnd;
    } else if (maskChildrenIndent >= 0 && (blankLine || indent > maskChildrenIndent)) {
      if (!blankLine) spans.push([first, lineEnd]);
      i = lineEnd;
    } else if (blankLine) {
      i = lineEnd;
    } else {
      blockScalarIndent = -1;
      maskChildrenIndent = -1;
      if (text.startsWith('---', first) || text.startsWith('...', first)) stack.length = 0;
      while (stack.length && stack[stack.length - 1] >= indent) stack.pop();
      stack.push(indent);
      depth = stack.length;
    }
    if (flow === 0) nodeStart = true;
    while (i < lineEnd) {
      const ch = text[i];
      if (ch === ' ' || ch === '\t' || ch === '\r') {
        i++;
        continue;
      }
      if (ch === '#' && (i === lineStart || /\s/.test(text[i - 1]))) break;
      // A quote opens a quoted scalar only where a value starts (`it's` is a plain scalar).
      if ((ch === '"' || ch === "'") && nodeStart) {
        const e = skipQuoted(text, i + 1, lineEnd, ch);
        if (e > lineEnd) {
          quote = ch;
          break;
        }
        i = e;
        nodeStart = false;
        continue;
      }
      if (flowMaskStart >= 0) {
        // Inside a blanked flow span: only track brackets to find where it ends.
        nodeStart = ch === '[' || ch === '{' || ch === ',' || ch === ':';
        if (ch === '[' || ch === '{') flow++;
        else if ((ch === ']' || ch === '}') && --flow === flowMaskDepth) {
          spans.push([flowMaskStart, i + 1]);
          flowMaskStart = -1;
          if (flow === 0) break;
        }
        i++;
        continue;
      }
      if (flow === 0 && nodeStart && (ch === '-' || ch === '?') && isSpaceOrEnd(text, i + 1, lineEnd)) {
        if (++depth > max) {
          maskRest(i);
          break;
        }
        i++;
        continue;
      }
      if (nodeStart && (ch === '!' || ch === '&')) {
        while (i < lineEnd && !/\s/.test(text[i])) i++; // a tag or an anchor, then the value
        continue;
      }
      if (flow === 0 && nodeStart && (ch === '|' || ch === '>')) {
        blockScalarIndent = indent;
        break;
      }
      if (ch === ':' && (isSpaceOrEnd(text, i + 1, lineEnd) || (flow > 0 && /[,\]}]/.test(text[i + 1] ?? '')))) {
        if (flow === 0 && ++depth > max) {
          maskRest(i + 1);
          break;
        }
        nodeStart = true;
        i++;
        continue;
      }
      if ((ch === '[' || ch === '{') && (nodeStart || flow > 0)) {
        if (flow === 0) flowBase = depth;
        flow++;
        if (flowBase + flow > max) {
          flowMaskStart = i;
          flowMaskDepth = flow - 1;
        }
        nodeStart = true;
        i++;
        continue;
      }
      if (flow > 0 && (ch === ']' || ch === '}')) {
        flow--;
        i++;
        if (flow === 0) break; // what follows a closed top flow collection on its line is not nesting
        continue;
      }
      if (flow > 0 && ch === ',') {
        nodeStart = true;
        i++;
        continue;
      }
      nodeStart = false;
      i++;
    }
    if (flowMaskStart >= 0 && lineEnd >= text.length) spans.push([flowMaskStart, text.length]);
    lineStart = lineEnd + 1;
  }
  return blank(text, spans, '');
}

/** Index just past the closing quote (YAML escapes: `\x` in double quotes, `''` in single), or lineEnd+1 when the line ends first. */
function skipQuoted(text: string, from: number, lineEnd: number, q: string): number {
  for (let i = from; i < lineEnd; i++) {
    const c = text[i];
    if (q === '"' && c === '\\') i++;
    else if (c === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return lineEnd + 1;
}

function isSpaceOrEnd(text: string, i: number, lineEnd: number): boolean {
  return i >= lineEnd || text[i] === ' ' || text[i] === '\t' || text[i] === '\r';
}

/**
 * Cheap exit (one tight pass, no allocation): an upper bound of the nesting depth from the deepest
 * indentation, the most indicator characters on one line and the deepest bracket nesting.
 */
export function mayBeDeeper(text: string, max: number): boolean {
  let indent = 0;
  let atIndent = true;
  let perLine = 0;
  let brackets = 0;
  let worstLine = 0;
  let worstBrackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (indent + perLine > worstLine) worstLine = indent + perLine;
      indent = 0;
      perLine = 0;
      atIndent = true;
      continue;
    }
    if (atIndent) {
      if (c === 0x20) {
        indent++;
        continue;
      }
      atIndent = false;
    }
    if (c === 0x2d || c === 0x3a || c === 0x3f) perLine++;
    else if (c === 0x5b || c === 0x7b) {
      if (++brackets > worstBrackets) worstBrackets = brackets;
    } else if ((c === 0x5d || c === 0x7d) && brackets > 0) brackets--;
  }
  if (indent + perLine > worstLine) worstLine = indent + perLine;
  return worstLine + worstBrackets > max;
}

/** Replace each span by spaces (newlines kept so the line structure stays), the first char by `lead` if given. */
function blank(text: string, spans: [number, number][], lead: string): Limited {
  if (!spans.length) return { text };
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    if (s < at) continue;
    out += text.slice(at, s);
    const body = text.slice(s, e).replace(/[^\r\n]/g, ' ');
    out += lead && body.length ? lead + body.slice(1) : body;
    at = e;
  }
  out += text.slice(at);
  return { text: out, deepAt: spans[0][0] };
}
