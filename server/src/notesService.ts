import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { searchKnowledge } from './core/knowledge';
import { DEFAULT_NOTES_PATTERNS, findNotesFiles, NotesIndex } from './core/notes';
import type { NotesConfig, SearchItem } from './core/protocol';

export type { NotesConfig };

/**
 * The notes index of the language server. It is built in the background after start-up and
 * on configuration changes; hovers read whatever is indexed so far and never wait for it.
 */
export class NotesService {
  readonly index = new NotesIndex();
  private config: NotesConfig = { roots: [], patterns: [] };
  private generation = 0;
  private files = new Set<string>();
  ready: Promise<void> = Promise.resolve();
  onLog?: (message: string) => void;

  configure(config: NotesConfig): Promise<void> {
    this.config = config;
    const gen = ++this.generation;
    this.ready = this.rebuild(gen);
    return this.ready;
  }

  private async rebuild(gen: number): Promise<void> {
    const started = Date.now();
    const patterns = this.config.patterns.length ? this.config.patterns : [...DEFAULT_NOTES_PATTERNS];
    const found = new Set<string>();
    for (const root of this.config.roots) {
      for (const f of await findNotesFiles(root, patterns)) found.add(f);
    }
    if (gen !== this.generation) return; // a newer configuration superseded this build
    for (const f of this.files) if (!found.has(f)) this.index.removeFile(f);
    for (const f of found) {
      await new Promise((r) => setImmediate(r)); // yield between files: hovers stay responsive
      if (gen !== this.generation) return;
      this.addFromDisk(f);
    }
    this.files = found;
    this.onLog?.(`notes index: ${found.size} file(s), ${this.index.size} passages in ${Date.now() - started} ms`);
  }

  private addFromDisk(file: string): void {
    try {
      this.index.addFile(file, fs.readFileSync(file, 'utf8'));
    } catch {
      this.index.removeFile(file);
    }
  }

  /** A watched file changed on disk: refresh it if it is (or should be) one of the notes. */
  fileChanged(uri: string, deleted: boolean): void {
    if (!uri.startsWith('file:')) return;
    const file = fileURLToPath(uri);
    if (deleted) {
      this.index.removeFile(file);
      this.files.delete(file);
    } else if (this.files.has(file) || /notes/i.test(file)) {
      // Cheap pre-filter; a full re-scan decides membership for new files.
      if (this.files.has(file)) this.addFromDisk(file);
      else void this.configure(this.config);
    }
  }

  isNotesFile(uri: string): boolean {
    return uri.startsWith('file:') && this.files.has(fileURLToPath(uri));
  }

  /** Where a quoted passage links to: the file at its line, which the editor opens. */
  linkFor(file: string, line: number): string {
    return `${pathToFileURL(file).href}#L${line}`;
  }

  search(query: string, limit = 20): SearchItem[] {
    const q = query.trim();
    if (!q) return [];
    const kb = searchKnowledge(q, 8).map((h) => ({ label: `$(book) ${h.entry.title}`, detail: h.entry.summary, term: h.entry.id }));
    const notes = this.index.search(q, limit).map((h) => ({
      label: `$(note) ${h.title || path.basename(h.file)}`,
      detail: `${this.displayPath(h.file)}:${h.line} · ${h.text.replace(/\s+/g, ' ').slice(0, 160)}`,
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
