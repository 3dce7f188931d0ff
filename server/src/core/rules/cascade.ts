import type { TemplateDocument } from '../document/model';
import { isMap } from '../document/nodes';
import type { Finding } from './types';

/**
 * Findings that say something named elsewhere does not exist: after a syntax error the parser may
 * have dropped what they look for, so they could be false.
 */
const CROSS_REFERENCE_CODES = new Set(['CFN1002', 'CFN3008', 'CFN3009', 'CFN4001', 'CFN4002', 'CFN4005', 'CFN4006']);

/** Findings about the top-level layout: after a syntax error, keys may have landed at the wrong level. */
const LAYOUT_CODES = new Set(['CFN1001', 'CFN1003']);

/**
 * One root cause, one error: around a syntax error the parser's guess at the structure is
 * unreliable, so rule findings there are consequences, not problems of their own. Drops them (on the
 * error's lines, in the same resource/parameter/output entry, and every cross-reference finding) and
 * keeps one syntax error per line. Errors we recovered from (they carry a fix) were read as meant
 * and cause no drops.
 */
export function dropCascades(doc: TemplateDocument, findings: Finding[]): Finding[] {
  const errors = doc.problems.filter((p) => (p.severity ?? 'error') === 'error' && !p.fix && (p.code === 'YAML' || p.code === 'JSON' || p.code === 'KEY'));
  if (!errors.length) return findings;
  const line = (offset: number) => doc.lines.positionAt(offset).line;
  const errorLines = new Set(errors.map((e) => line(e.start)));
  const spans = mergeSpans(errors.map((e) => entrySpan(doc, e.start)).filter((s): s is [number, number] => !!s));
  const syntaxLines = new Set<number>();
  const first = Math.min(...errors.map((e) => e.start));
  return findings.filter((f) => {
    const l = line(f.start);
    if (f.code.startsWith('DOC')) {
      if (f.code !== 'DOC1001' && f.code !== 'DOC1006') return true;
      // JSON parsers stop at the first error (CloudFormation's too); what follows is our parser's guess.
      if (doc.format === 'json' && f.start > first) return false;
      if (syntaxLines.has(l)) return false;
      syntaxLines.add(l);
      return true;
    }
    if (CROSS_REFERENCE_CODES.has(f.code) || (LAYOUT_CODES.has(f.code) && f.start > first)) return false;
    if (errorLines.has(l) || errorLines.has(l - 1) || errorLines.has(l + 1)) return false;
    return !inSpans(spans, f.start);
  });
}

/** The second-level entry (a resource, parameter, output…) whose lines hold `offset`: up to the next entry. */
function entrySpan(doc: TemplateDocument, offset: number): [number, number] | undefined {
  const root = doc.root;
  if (!isMap(root)) return undefined;
  const sections = root.pairs;
  const i = lastStartingBefore(sections.map((p) => p.start), offset);
  if (i < 0) return undefined;
  const section = sections[i].value;
  const sectionEnd = sections[i + 1]?.start ?? doc.text.length;
  if (!isMap(section) || section.short) return [sections[i].start, sectionEnd];
  const entries = section.pairs;
  const j = lastStartingBefore(entries.map((p) => p.start), offset);
  if (j < 0) return [sections[i].start, entries[0]?.start ?? sectionEnd];
  return [entries[j].start, entries[j + 1]?.start ?? sectionEnd];
}

function lastStartingBefore(starts: number[], offset: number): number {
  let k = -1;
  for (let i = 0; i < starts.length && starts[i] <= offset; i++) k = i;
  return k;
}

/** Sorted, non-overlapping spans (a broken file can hold hundreds of errors, each with its entry). */
function mergeSpans(spans: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Whether `offset` falls in one of the merged spans (binary search: findings × errors adds up). */
function inSpans(spans: [number, number][], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < spans[mid][0]) hi = mid - 1;
    else if (offset >= spans[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}
