import fs from 'node:fs';
import { applyEdits, createLanguageService, type LanguageService } from '../../server/src/core';

/**
 * Everything a keystroke can reach, through the language service the editor and CLI use: parse,
 * rules, hovers and completion at a few offsets, every quick fix and fix-all. Throws on any error
 * and on an edit outside the text. `lap` is called after the keystroke features and after fix-all,
 * the two things a person waits for, so each can be held to the CPU budget.
 */
export function exerciseService(service: LanguageService, uri: string, text: string, lap: (what: string) => void = () => undefined): void {
  const file = { uri, version: 1, languageId: uri.endsWith('.json') ? 'json' : 'yaml', getText: () => text };
  try {
    const { kind, findings } = service.lint(file);
    // A few offsets per input: 100,000 inputs cover the offsets between them.
    const step = Math.max(1, Math.floor(text.length / 3));
    for (let off = 0; off <= text.length; off += step) {
      service.explainAt(file, off);
      if (kind) service.complete(file, off);
    }
    if (kind) {
      service.complete(file, text.length);
      service.symbols(file);
      service.hints(file);
    }
    const check = (edits: { start: number; end: number }[], what: string) => {
      for (const e of edits) if (e.start < 0 || e.end > text.length || e.start > e.end) throw new Error(`${what}: edit out of range ${e.start}-${e.end}`);
    };
    for (const f of findings.slice(0, 12)) {
      for (const { fixes } of service.fixes(file, { start: f.start, end: f.end })) {
        for (const fix of fixes) {
          check(fix.edits, `fix for ${f.code}`);
          applyEdits(text, fix.edits);
        }
      }
    }
    // Fix-all is its own request (on save or from the menu), so it gets its own CPU budget.
    lap('lint, hovers, completion and quick fixes');
    service.fixAll(file); // applies, re-lints and refuses fixes itself
    lap('fix-all');
  } finally {
    service.close(uri);
  }
}

export function newService(): LanguageService {
  return createLanguageService({
    incremental: false,
    onRuleError: (code, e) => {
      throw new Error(`rule ${code} threw: ${e instanceof Error ? e.stack : String(e)}`);
    },
  });
}

/** CPU time of the calling thread in ms (Linux), or undefined: a loaded machine must not fail inputs that are fast. */
export function threadCpuMs(): number | undefined {
  try {
    const f = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return undefined;
  }
}
