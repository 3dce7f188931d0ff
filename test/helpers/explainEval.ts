/**
 * Runs the hover evaluation set (test/fixtures/explain-eval.json): each hover passes when all
 * of its expected facts appear in the explain() markdown, case-insensitively and ignoring
 * whitespace (so "4 KB" matches "4KB" and "30 sec" matches "30 seconds").
 */
import fs from 'node:fs';
import path from 'node:path';
import { explain } from '../../server/src/core/explain';
import type { NotesIndex } from '../../server/src/core/notes';

export interface EvalHover {
  term: string;
  kind: string;
  facts: string[];
  source: string;
}

export interface EvalOutcome {
  hover: EvalHover;
  missing: string[];
  passed: boolean;
}

export interface EvalReport {
  total: number;
  passed: number;
  share: number;
  outcomes: EvalOutcome[];
}

export function loadEvalSet(): EvalHover[] {
  const file = path.join(__dirname, '..', 'fixtures', 'explain-eval.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { hovers: EvalHover[] }).hovers;
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/**
 * `passagesOnly` checks the quoted notes passages without the knowledge-base text: a measure
 * of how well notes retrieval alone finds the facts.
 */
export function runEval(hovers: EvalHover[], notes?: NotesIndex, opts: { passagesOnly?: boolean } = {}): EvalReport {
  const outcomes = hovers.map((hover) => {
    const result = explain(hover.term, { notes });
    const md = squash(opts.passagesOnly ? result.passages.map((p) => p.text).join('\n') : result.markdown);
    const missing = hover.facts.filter((f) => !md.includes(squash(f)));
    return { hover, missing, passed: missing.length === 0 };
  });
  const passed = outcomes.filter((o) => o.passed).length;
  return { total: hovers.length, passed, share: hovers.length ? passed / hovers.length : 0, outcomes };
}

export function describeFailures(report: EvalReport): string {
  return report.outcomes
    .filter((o) => !o.passed)
    .map((o) => `  ${o.hover.term}: missing ${o.missing.map((m) => JSON.stringify(m)).join(', ')}`)
    .join('\n');
}
