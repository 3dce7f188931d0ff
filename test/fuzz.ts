import fc from 'fast-check';
import { parseTemplate } from '../server/src/core/document';
import { applyEdits, fixesFor } from '../server/src/core/fixes';
import { hoverAt } from '../server/src/core/hover';
import { lintDocument } from '../server/src/core/lint';

const JUNK = fc.constantFrom('!Ref', '!GetAtt x.y', '!Sub "${', ': ', '- ', '{', '[', '}', ']', '"', "'", '&a ', '*a', '#', '\t', '\u00a0', '\uFEFF', '\u0000', '\uFFFD', '😀', '\r\n', '%', '!', '|', '>', '---\n', '? ', 'Fn::If', '\\');
/**
 * Any code points (lone surrogates too). Not fc.string's 'binary' unit: fast-check builds a
 * million-entry reverse map for that on every use, which made the fuzz spend most of its time there.
 */
const UNICODE = fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 20 }).map((cps) => String.fromCodePoint(...cps));

/** Mutations people (and broken tools) make: each turns a valid file into a plausible broken one. */
export function mutationArb(base: string): fc.Arbitrary<string> {
  const lines = base.split('\n');
  const lineIdx = fc.nat({ max: Math.max(0, lines.length - 1) });
  const at = fc.nat({ max: base.length });
  return fc.oneof(
    lineIdx.map((i) => lines.filter((_, j) => j !== i).join('\n')), // delete a line
    lineIdx.map((i) => [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n')), // duplicate a line
    fc.tuple(lineIdx, fc.integer({ min: -4, max: 4 })).map(([i, d]) => lines.map((l, j) => (j === i ? (d > 0 ? ' '.repeat(d) + l : l.slice(-d)) : l)).join('\n')), // re-indent
    at.map((n) => base.slice(0, n)), // truncate
    fc.tuple(at, JUNK).map(([n, s]) => base.slice(0, n) + s + base.slice(n)), // inject a token
    fc.tuple(lineIdx, lineIdx).map(([i, j]) => { const c = [...lines]; [c[i], c[j]] = [c[j], c[i]]; return c.join('\n'); }), // swap lines
    fc.tuple(at, UNICODE).map(([n, s]) => base.slice(0, n) + s + base.slice(n)), // arbitrary unicode
  );
}

export interface FuzzStats {
  inputs: number;
  slowestMs: number;
  slowestInput: string;
}

/** Everything a user's keystroke can reach must not throw and must finish in bounded time. */
export function exercise(text: string, stats: FuzzStats, name = 'file:///fuzz.yaml'): void {
  const t0 = Date.now();
  const doc = parseTemplate(name, 1, text);
  const result = lintDocument(doc, { fileName: name, onRuleError: (rule, e) => { throw new Error(`rule ${rule.code} threw: ${String(e)}`); } });
  if (result.kind) {
    for (let off = 0; off < text.length; off += Math.max(1, Math.floor(text.length / 25))) hoverAt(doc, result.kind, off);
  }
  for (const f of result.findings) {
    for (const fix of fixesFor(doc, f)) {
      for (const e of fix.edits) {
        if (e.start < 0 || e.end > text.length || e.start > e.end) throw new Error(`fix ${f.code} edit out of range ${e.start}-${e.end}`);
      }
      applyEdits(text, fix.edits);
    }
  }
  const ms = Date.now() - t0;
  stats.inputs++;
  if (ms > stats.slowestMs) {
    stats.slowestMs = ms;
    stats.slowestInput = text.slice(0, 120);
  }
}
