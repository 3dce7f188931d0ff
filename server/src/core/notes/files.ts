import fs = require('node:fs');
import path = require('node:path');
import picomatch from 'picomatch';

/** Where notes usually live when the user has not configured anything. */
export const DEFAULT_NOTES_PATTERNS: readonly string[] = [
  '**/notes/**/*.{md,markdown,txt}',
  '**/*notes*.{md,markdown,txt}',
];

/** Extensions taken from a folder given explicitly (any file named explicitly is taken as-is). */
const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.text', '.rst', '.org', '.adoc', '.notes']);

/** Folders that never hold the user's own notes and can be huge. */
const SKIP_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', 'coverage', 'target',
  '.vscode-test', '.next', '.venv', 'venv', '__pycache__', '.aws-sam', 'cdk.out', '.terraform',
]);

/** Caps that remain; each is a setting, and what it skipped is reported by name. */
export const NOTES_LIMITS = {
  maxFiles: { default: 10_000, setting: 'awsNotes.notes.maxFiles' },
  maxBytes: { default: 32 * 1024 * 1024, setting: 'awsNotes.notes.maxFileSizeMB' },
} as const;

export interface FindNotesOptions {
  /** Stop after this many files (default NOTES_LIMITS.maxFiles). */
  maxFiles?: number;
  /** Skip files larger than this (default NOTES_LIMITS.maxBytes). */
  maxBytes?: number;
  /** Stop walking after visiting this many directory entries (default 500,000). */
  maxEntries?: number;
  /**
   * Folders the notes must really live in (after symlinks and glob expansion). Set for paths
   * someone else may have written (workspace settings); unset for the user's own paths.
   */
  confineTo?: readonly string[];
}

export interface SkippedNote {
  file: string;
  reason: string;
  /** The setting that would let it in, when a cap skipped it. */
  setting?: string;
}

export interface NotesDiscovery {
  files: string[];
  skipped: SkippedNote[];
  /** Patterns that named a file or folder that does not exist (globs that match nothing are not listed). */
  missing: string[];
}

interface WalkBudget {
  entries: number;
}

const isGlob = (p: string) => picomatch.scan(p).isGlob;

async function statOrUndefined(p: string): Promise<fs.Stats | undefined> {
  try {
    return await fs.promises.stat(p);
  } catch {
    return undefined;
  }
}

/** Recursively lists files under dir (skipping SKIP_DIRS and hidden folders). */
async function walk(
  dir: string,
  visit: (file: string) => boolean,
  budget: WalkBudget,
  depth = 0,
): Promise<boolean> {
  if (depth > 12) return true;
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return true;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (--budget.entries < 0) return false;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
      if (!(await walk(full, visit, budget, depth + 1))) return false;
    } else if (e.isFile()) {
      if (!visit(full)) return false;
    }
  }
  return true;
}

/** Real path of a file or folder, undefined when it does not exist. */
async function realOrUndefined(p: string): Promise<string | undefined> {
  try {
    return await fs.promises.realpath(p);
  } catch {
    return undefined;
  }
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Real paths of the folders notes are confined to (folders that do not exist confine nothing in). */
async function realFolders(folders: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of folders) {
    const r = await realOrUndefined(f);
    if (r) out.push(r);
  }
  return out;
}

/**
 * Resolves notes paths to files. Each pattern may be a file, a folder (its text files,
 * recursively) or a glob, relative to workspaceRoot or absolute. With no patterns the
 * defaults apply: any `notes/` folder and any `*notes*.md|txt` file. Results are absolute and
 * de-duplicated; what a cap or the confinement skipped, and paths that do not exist, are
 * returned by name so callers can say so. Never throws.
 */
export async function discoverNotes(
  workspaceRoot: string,
  patterns: readonly string[] = DEFAULT_NOTES_PATTERNS,
  opts: FindNotesOptions = {},
): Promise<NotesDiscovery> {
  const maxFiles = opts.maxFiles ?? NOTES_LIMITS.maxFiles.default;
  const maxBytes = opts.maxBytes ?? NOTES_LIMITS.maxBytes.default;
  const budget: WalkBudget = { entries: opts.maxEntries ?? 500_000 };
  const confine = opts.confineTo ? await realFolders(opts.confineTo) : undefined;
  const outside = (real: string) => !!confine && !confine.some((c) => isInside(real, c));
  const found = new Set<string>();
  const candidates: string[] = [];
  const skipped: SkippedNote[] = [];
  const missing: string[] = [];
  const add = (file: string): boolean => {
    if (!found.has(file)) {
      found.add(file);
      candidates.push(file);
    }
    return true;
  };

  for (const raw of patterns) {
    const pattern = typeof raw === 'string' ? raw.trim() : '';
    if (!pattern) continue;
    const absolute = path.isAbsolute(pattern) ? pattern : path.join(workspaceRoot, pattern);
    if (!isGlob(pattern)) {
      const st = await statOrUndefined(absolute);
      if (!st) missing.push(pattern);
      else if (st.isFile()) add(path.resolve(absolute));
      else if (st.isDirectory()) {
        const real = await realOrUndefined(absolute);
        if (real && outside(real)) skipped.push({ file: absolute, reason: 'outside the workspace folders' });
        else await walk(path.resolve(absolute), (f) => (TEXT_EXTENSIONS.has(path.extname(f).toLowerCase()) ? add(f) : true), budget);
      }
      continue;
    }
    // Glob: walk from its static prefix and match paths relative to that prefix.
    const scan = picomatch.scan(absolute.split(path.sep).join('/'));
    const base = path.resolve(scan.base || '/');
    const st = await statOrUndefined(base);
    if (!st?.isDirectory()) continue;
    // `x[/../../etc/*` puts the walk's base outside: refuse before walking anything there.
    const realBase = await realOrUndefined(base);
    if (!realBase || (outside(realBase) && !confine!.some((c) => isInside(c, realBase)))) {
      skipped.push({ file: pattern, reason: 'outside the workspace folders' });
      continue;
    }
    const matcher = picomatch(scan.glob, { dot: false, nocase: process.platform !== 'linux' });
    await walk(base, (f) => (matcher(path.relative(base, f).split(path.sep).join('/')) ? add(f) : true), budget);
  }

  const files: string[] = [];
  const real = new Set<string>();
  for (const file of candidates) {
    const st = await statOrUndefined(file);
    if (!st?.isFile()) continue;
    const r = (await realOrUndefined(file)) ?? file;
    if (outside(r)) {
      skipped.push({ file, reason: 'outside the workspace folders (after following links)' });
      continue;
    }
    if (real.has(r)) continue; // the same note reached twice through a link
    if (st.size > maxBytes) {
      skipped.push({ file, reason: `larger than ${formatMB(maxBytes)}`, setting: NOTES_LIMITS.maxBytes.setting });
      continue;
    }
    if (files.length >= maxFiles) {
      skipped.push({ file, reason: `more than ${maxFiles} notes files`, setting: NOTES_LIMITS.maxFiles.setting });
      continue;
    }
    real.add(r);
    files.push(file);
  }
  if (budget.entries < 0) skipped.push({ file: workspaceRoot, reason: 'folder walk stopped after too many entries' });
  return { files, skipped, missing };
}

/**
 * Whether a file would be found by discoverNotes with these patterns (before caps and
 * confinement), without walking anything: file watchers ask this for every new file.
 */
export function matchesNotesPatterns(file: string, workspaceRoot: string, patterns: readonly string[] = DEFAULT_NOTES_PATTERNS): boolean {
  const abs = path.resolve(file);
  for (const raw of patterns) {
    const pattern = typeof raw === 'string' ? raw.trim() : '';
    if (!pattern) continue;
    const absolute = path.resolve(path.isAbsolute(pattern) ? pattern : path.join(workspaceRoot, pattern));
    if (!isGlob(pattern)) {
      if (abs === absolute) return true;
      if (isInside(abs, absolute) && TEXT_EXTENSIONS.has(path.extname(abs).toLowerCase()) && !skippedOnTheWay(path.relative(absolute, abs))) return true;
      continue;
    }
    const scan = picomatch.scan(absolute.split(path.sep).join('/'));
    const base = path.resolve(scan.base || '/');
    if (!isInside(abs, base)) continue;
    const rel = path.relative(base, abs);
    if (skippedOnTheWay(rel)) continue;
    if (picomatch(scan.glob, { dot: false, nocase: process.platform !== 'linux' })(rel.split(path.sep).join('/'))) return true;
  }
  return false;
}

/** True when a folder on a relative path is one the walk never enters. */
function skippedOnTheWay(rel: string): boolean {
  const dirs = rel.split(path.sep).slice(0, -1);
  return dirs.some((d) => SKIP_DIRS.has(d) || d.startsWith('.'));
}

function formatMB(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The files of discoverNotes alone. */
export async function findNotesFiles(
  workspaceRoot: string,
  patterns: readonly string[] = DEFAULT_NOTES_PATTERNS,
  opts: FindNotesOptions = {},
): Promise<string[]> {
  return (await discoverNotes(workspaceRoot, patterns, opts)).files;
}
