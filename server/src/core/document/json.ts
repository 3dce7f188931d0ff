import { createScanner, parseTree, printParseErrorCode, type Node as JNode, type ParseError, type SyntaxKind } from 'jsonc-parser';
import type { MapNode, Node, ScalarNode } from './nodes';
import type { ParseResult, SyntaxProblem } from './model';
import { deepMessage, limitJsonNesting, MAX_DEPTH } from './depth';

/**
 * JSON templates: exact offsets from jsonc-parser, same node shape as YAML. Comments are tolerated,
 * and trailing commas too (CloudFormation accepts them), with one warning.
 */
export function parseJson(source: string): ParseResult {
  // jsonc-parser recurses per level: too-deep values are blanked first (offsets unchanged).
  const { text } = limitJsonNesting(source);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: SyntaxProblem[] = errors.map((e) => ({
    code: 'JSON',
    message: `JSON syntax error: ${humanJsonError(printParseErrorCode(e.error))}.`,
    start: e.offset,
    end: e.offset + Math.max(1, e.length),
  }));
  const duplicates: ParseResult['duplicates'] = [];
  let deep = false;
  const conv = (j: JNode, depth: number): Node => {
    const start = j.offset;
    const end = j.offset + j.length;
    if (depth > MAX_DEPTH) {
      if (!deep) problems.push({ code: 'DEPTH', message: deepMessage(), start, end: start + 1 });
      deep = true;
      return { kind: 'scalar', value: null, quoted: false, start, end: start };
    }
    switch (j.type) {
      case 'object': {
        const m: MapNode = { kind: 'map', pairs: [], start, end };
        const seen = new Map<string, ScalarNode>();
        for (const prop of j.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (!k) continue;
          const key: ScalarNode = { kind: 'scalar', value: String(k.value), quoted: true, start: k.offset, end: k.offset + k.length };
          const value = v ? conv(v, depth + 1) : ({ kind: 'scalar', value: null, quoted: false, start: key.end, end: key.end } as ScalarNode);
          const first = seen.get(String(k.value));
          if (first) duplicates.push({ key: String(k.value), first, second: key });
          seen.set(String(k.value), key);
          m.pairs.push({ key, value, start: prop.offset, end: prop.offset + prop.length });
        }
        return m;
      }
      case 'array':
        return { kind: 'seq', items: (j.children ?? []).map((c) => conv(c, depth + 1)), start, end };
      case 'string':
        return { kind: 'scalar', value: j.value as string, quoted: true, start, end };
      case 'number':
      case 'boolean':
        return { kind: 'scalar', value: j.value as number | boolean, quoted: false, start, end, source: text.slice(start, end) };
      default:
        return { kind: 'scalar', value: null, quoted: false, start, end };
    }
  };
  const comma = trailingCommas(text);
  if (comma.count) {
    const more = comma.count > 1 ? ` (and ${comma.count - 1} more)` : '';
    problems.push({
      code: 'JSONCOMMA',
      severity: 'warning',
      message: `CloudFormation accepts this trailing comma${more}, but JSON does not, so other tools reject the file. Remove it.`,
      start: comma.first,
      end: comma.first + 1,
    });
  }
  return { root: tree ? conv(tree, 0) : null, problems, duplicates };
}

/** jsonc-parser's SyntaxKind values (a const enum, which isolated modules cannot read). */
export const K = { closeBrace: 2, closeBracket: 4, comma: 5, lineComment: 12, blockComment: 13, eof: 17 } as Record<string, SyntaxKind>;

/** Commas directly before a closing `}` or `]` (comments between count as nothing). */
function trailingCommas(text: string): { first: number; count: number } {
  const out = { first: -1, count: 0 };
  // A `//` comment runs to its line break: `\/\/[^\n]*` alone could end anywhere and backtrack exponentially on `////…`.
  if (!/,(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*[}\]]/.test(text)) return out; // the common case: no scan
  const sc = createScanner(text, true);
  let lastComma = -1;
  for (let k = sc.scan(); k !== K.eof; k = sc.scan()) {
    if (k === K.lineComment || k === K.blockComment) continue;
    if ((k === K.closeBrace || k === K.closeBracket) && lastComma >= 0) {
      if (out.count++ === 0) out.first = lastComma;
    }
    lastComma = k === K.comma ? sc.getTokenOffset() : -1;
  }
  return out;
}

function humanJsonError(code: string): string {
  return code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
