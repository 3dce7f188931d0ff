import fs = require('node:fs');
import path = require('node:path');
import { fileURLToPath, pathToFileURL } from 'node:url';
import { searchKnowledge } from './core/knowledge';
import {
  decodeNotesInChunks,
  DEFAULT_NOTES_PATTERNS,
  discoverNotes,
  linksAsText,
  matchesNotesPatterns,
  NOTES_LIMITS,
  NotesIndex,
  type SkippedNote,
  yieldTurns,
} from './core/notes';
import type { NotesConfig, NotesProgress, SearchItem } from './core/protocol';
import { checkNotesConfig } from './workspace';

export type { NotesConfig };

/** File-watch events arriving within this window are handled as one batch. */
const WATCH_DEBOUNCE_MS = 150;
/** Skipped files named one by one in the log; the rest are counted. */
const SKIPPED_NAMED = 20;

/** A `file:` link that survives markdown: `(`, `)` and spaces in a file name must not end it. */
export function noteLink(file: string, line: number): string {
  return `${pathToFileURL(file).href.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))}#L${line}`;
}

/**
 * The notes index of the language server. It is built in the background after start-up and
 * on configuration changes; hovers read whatever is indexed so far and never wait for it.
 */
export class NotesService {
  readonly index = new NotesIndex();
  private config: NotesConfig = { roots: [], patterns: [] };
  private generation = 0;
  private files = new Set<string>();
  private pending = new Map<string, boolean>(); // file → deleted
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Full scans started (configuration changes); file events never start one. */
  fullScans = 0;
  ready: Promise<void> = Promise.resolve();
  onLog?: (message: string) => void;
  onProgress?: (p: NotesProgress) => void;

  configure(config: NotesConfig): Promise<void> {
    this.config = checkNotesConfig(config) ?? { roots: [], patterns: [] };
    const gen = ++this.generation;
    this.ready = this.rebuild(gen);
    return this.ready;
  }

  /** Resolves when the index build and any queued file changes are done (tests, CLI). */
  async idle(): Promise<void> {
    for (;;) {
      const before = [this.ready, this.flushing];
      await Promise.all(before);
      if (this.flushTimer) await new Promise((r) => setTimeout(r, WATCH_DEBOUNCE_MS));
      else if (before[0] === this.ready && before[1] === this.flushing) return;
    }
  }

  private limits() {
    return {
      maxFiles: this.config.maxFiles ?? NOTES_LIMITS.maxFiles.default,
      maxBytes: this.config.maxFileSizeMB ? this.config.maxFileSizeMB * 1024 * 1024 : NOTES_LIMITS.maxBytes.default,
    };
  }

  private workspacePatterns(): string[] {
    const { patterns, userPatterns = [] } = this.config;
    return patterns.length || userPatterns.length ? patterns : [...DEFAULT_NOTES_PATTERNS];
  }

  private async rebuild(gen: number): Promise<void> {
    this.fullScans++;
    const started = Date.now();
    const limits = this.limits();
    const found = new Set<string>();
    const skipped: SkippedNote[] = [];
    const missing = new Set<string>();
    const { roots, userPatterns = [] } = this.config;
    const collect = (d: { files: string[]; skipped: SkippedNote[]; missing: string[] }) => {
      for (const f of d.files) if (found.size < limits.maxFiles) found.add(f);
      skipped.push(...d.skipped);
      for (const m of d.missing) missing.add(m);
    };
    for (const root of roots) collect(await discoverNotes(root, this.workspacePatterns(), { ...limits, confineTo: roots }));
    // User paths: relative ones resolve against each folder (or stand alone without folders).
    for (const root of roots.length ? roots : [process.cwd()]) {
      if (userPatterns.length) collect(await discoverNotes(root, userPatterns, limits));
    }
    if (gen !== this.generation) return; // a newer configuration superseded this build
    this.report(skipped, [...missing]);
    for (const f of this.files) if (!found.has(f)) this.index.removeFile(f);
    this.files = found;
    // Progress counts bytes, not files: one 10 MB file must not sit at 0/1 until it is done.
    const sizes = new Map<string, number>();
    for (const f of found) sizes.set(f, await fs.promises.stat(f).then((st) => st.size, () => 0));
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    let done = 0;
    let reported = -1;
    const report = (bytes: number) => {
      // Whole percents at most: the status bar needs no more, and every notification costs.
      if (total && Math.floor((100 * bytes) / total) === reported && bytes < total) return;
      reported = total ? Math.floor((100 * bytes) / total) : 0;
      this.onProgress?.({ done: bytes, total });
    };
    report(0);
    for (const f of found) {
      await yieldTurns(); // between files too: hovers stay responsive
      if (gen !== this.generation) return;
      const size = sizes.get(f)!;
      await this.addFromDisk(f, (share) => report(done + Math.floor(share * size)));
      done += size;
      if (done < total) report(done);
    }
    await this.index.settle();
    if (total) report(total);
    await this.index.compact(); // a re-scan removed and re-added every file
    this.onLog?.(`notes index: ${found.size} file(s), ${this.index.size} passages in ${Date.now() - started} ms`);
  }

  /** Says once, by name, what was not indexed and why. */
  private report(skipped: SkippedNote[], missing: string[]): void {
    if (!this.onLog) return;
    for (const m of missing) this.onLog(`notes path not found: ${m}`);
    for (const s of skipped.slice(0, SKIPPED_NAMED))
      this.onLog(`notes file not indexed: ${s.file} (${s.reason}${s.setting ? `; setting ${s.setting}` : ''})`);
    if (skipped.length > SKIPPED_NAMED) this.onLog(`... and ${skipped.length - SKIPPED_NAMED} more notes files not indexed`);
  }

  private async addFromDisk(file: string, progress?: (share: number) => void): Promise<void> {
    try {
      const bytes = await fs.promises.readFile(file);
      // Decoding, splitting and indexing a big file all go in slices: hovers answer in between.
      const { chunks } = await decodeNotesInChunks(bytes, yieldTurns);
      await this.index.addFileInBatches(file, chunks, undefined, undefined, progress);
    } catch {
      this.index.removeFile(file);
    }
  }

  /**
   * A watched file changed on disk. Events are batched (a checkout or a sync fires thousands)
   * and each batch updates only the files it names: no full rescan.
   */
  fileChanged(uri: string, deleted: boolean): void {
    if (!uri.startsWith('file:')) return;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return;
    }
    this.pending.set(file, deleted);
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        this.flushing = this.flushing.then(() => this.flush());
      }, WATCH_DEBOUNCE_MS);
    }
  }

  private async flush(): Promise<void> {
    await this.ready;
    const batch = [...this.pending];
    this.pending.clear();
    for (const [file, deleted] of batch) {
      if (deleted) {
        this.index.removeFile(file);
        this.files.delete(file);
      } else if (this.files.has(file) || (await this.admits(file))) {
        this.files.add(file);
        await new Promise((r) => setImmediate(r));
        await this.addFromDisk(file);
      }
    }
    await this.index.settle();
    await this.index.compact();
  }

  /** Would a full scan include this new file? Same patterns, confinement and caps. */
  private async admits(file: string): Promise<boolean> {
    const { roots, userPatterns = [] } = this.config;
    const limits = this.limits();
    if (this.files.size >= limits.maxFiles) return false;
    try {
      const st = await fs.promises.stat(file);
      if (!st.isFile() || st.size > limits.maxBytes) return false;
      const real = await fs.promises.realpath(file);
      const realRoots = await Promise.all(roots.map((r) => fs.promises.realpath(r).catch(() => r)));
      const inside = realRoots.some((r) => {
        const rel = path.relative(r, real);
        return !rel.startsWith('..') && !path.isAbsolute(rel);
      });
      if (inside && roots.some((r) => matchesNotesPatterns(file, r, this.workspacePatterns()))) return true;
      return (roots.length ? roots : [process.cwd()]).some((r) => userPatterns.length > 0 && matchesNotesPatterns(file, r, userPatterns));
    } catch {
      return false;
    }
  }

  isNotesFile(uri: string): boolean {
    return uri.startsWith('file:') && this.files.has(fileURLToPath(uri));
  }

  /** Where a quoted passage links to: the file at its line, which the editor opens. */
  linkFor(file: string, line: number): string {
    return noteLink(file, line);
  }

  search(query: string, limit = 20): SearchItem[] {
    const q = query.trim();
    if (!q) return [];
    const kb = searchKnowledge(q, 8).map((h) => ({ label: `$(book) ${h.entry.title}`, detail: h.entry.summary, term: h.entry.id }));
    const notes = this.index.search(q, limit).map((h) => ({
      label: `$(note) ${h.title || path.basename(h.file)}`,
      detail: `${this.displayPath(h.file)}:${h.line} · ${linksAsText(h.text).replace(/\s+/g, ' ').slice(0, 160)}`,
      uri: pathToFileURL(h.file).href,
      line: h.line,
    }));
    return [...notes, ...kb];
  }

  /** A notes file as shown to the user: relative to its workspace folder when inside one. */
  displayPath(file: string): string {
    for (const r of this.config.roots) {
      const rel = path.relative(r, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
    }
    return file;
  }
}
