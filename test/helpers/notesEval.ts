/**
 * Notes retrieval evaluation (test/fixtures/notes-eval.json): hovers with the passages a person
 * marked as right, and terms the notes do not cover. Measures what explain() quotes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { explain } from '../../server/src/core/explain';
import { decodeNotes, NotesIndex } from '../../server/src/core/notes';

export interface NotesEvalCase {
  split: 'tune' | 'heldout';
  term: string;
  context?: string;
  /** `000:12-20` (a ../shared/notes file by prefix) or `qa.txt:1-2` (a notes-styles fixture). */
  rel?: string[];
  absent?: boolean;
}

export interface NotesEvalReport {
  present: number;
  absent: number;
  top1: number;
  recall: number;
  precision: number;
  /** Share of absent terms for which some passage was shown. */
  falseShow: number;
  wrong: string[];
}

const repo = path.join(__dirname, '..', '..');
export const SHARED_NOTES = path.join(repo, '..', 'shared', 'notes');
const STYLES = path.join(repo, 'test', 'fixtures', 'notes-styles');

export function loadNotesEval(): NotesEvalCase[] {
  return (JSON.parse(fs.readFileSync(path.join(repo, 'test', 'fixtures', 'notes-eval.json'), 'utf8')) as { cases: NotesEvalCase[] }).cases;
}

/** The five sample notes and the project's notes in other styles, in one index. */
export function evalIndex(): NotesIndex {
  const index = new NotesIndex();
  const files = [
    ...fs.readdirSync(SHARED_NOTES).filter((f) => f.endsWith('.txt')).map((f) => path.join(SHARED_NOTES, f)),
    ...fs.readdirSync(STYLES).map((f) => path.join(STYLES, f)),
  ];
  for (const f of files) index.addFile(f, decodeNotes(fs.readFileSync(f)).text);
  return index;
}

function fileKey(file: string): string {
  const base = path.basename(file);
  return path.dirname(file) === SHARED_NOTES ? base.slice(0, 3) : base;
}

function isRight(rel: string[], p: { file: string; line: number; endLine: number }): boolean {
  return rel.some((r) => {
    const m = /^(.+):(\d+)-(\d+)$/.exec(r);
    if (!m || m[1] !== fileKey(p.file)) return false;
    return p.line <= Number(m[3]) && p.endLine >= Number(m[2]);
  });
}

export function runNotesEval(cases: NotesEvalCase[], index: NotesIndex, maxPassages = 3): NotesEvalReport {
  let present = 0;
  let absent = 0;
  let top1 = 0;
  let found = 0;
  let shown = 0;
  let right = 0;
  let falseShows = 0;
  const wrong: string[] = [];
  for (const c of cases) {
    const r = explain(c.term, { notes: index, context: c.context, maxPassages });
    // Passages carry their start line; the end comes from the excerpt's own lines.
    const ps = r.passages.map((p) => ({ file: p.file, line: p.line, endLine: p.line + p.text.split('\n').length - 1 - (p.headerLines ?? 0) }));
    const where = (p: { file: string; line: number }) => `${fileKey(p.file)}:${p.line}`;
    if (c.absent) {
      absent++;
      if (ps.length) {
        falseShows++;
        wrong.push(`absent ${c.term}: showed ${ps.map(where).join(', ')}`);
      }
      continue;
    }
    present++;
    const ok = ps.map((p) => isRight(c.rel ?? [], p));
    shown += ps.length;
    right += ok.filter(Boolean).length;
    if (ok[0]) top1++;
    if (ok.some(Boolean)) found++;
    if (!ok[0]) wrong.push(`${c.term}${c.context ? ` (${c.context})` : ''}: first ${ps[0] ? where(ps[0]) : 'nothing'}${ok.some(Boolean) ? ', a later one right' : ''}`);
  }
  return {
    present,
    absent,
    top1: present ? top1 / present : 0,
    recall: present ? found / present : 0,
    precision: shown ? right / shown : 1,
    falseShow: absent ? falseShows / absent : 0,
    wrong,
  };
}
