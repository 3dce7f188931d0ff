import fs from 'node:fs';
import path from 'node:path';
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

export interface FindNotesOptions {
  /** Stop after this many files (default 200). */
  maxFiles?: number;
  /** Skip files larger than this (default 2 MiB). */
  maxBytes?: number;
  /** Stop walking after visiting this many directory entries (default 50,000). */
  maxEntries?: number;
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

/**
 * Resolves notes paths to files. Each pattern may be a file, a folder (its text files,
 * recursively) or a glob, relative to workspaceRoot or absolute. With no patterns the
 * defaults apply: any `notes/` folder and any `*notes*.md|txt` file. Results are absolute,
 * de-duplicated, capped in count and size; unreadable paths are skipped, never thrown.
 */
export async function findNotesFiles(
  workspaceRoot: string,
  patterns: readonly string[] = DEFAULT_NOTES_PATTERNS,
  opts: FindNotesOptions = {},
): Promise<string[]> {
  const maxFiles = opts.maxFiles ?? 200;
  const maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
  const budget: WalkBudget = { entries: opts.maxEntries ?? 50_000 };
  const found = new Set<string>();
  const candidates: string[] = [];
  const add = (file: string): boolean => {
    if (!found.has(file)) {
      found.add(file);
      candidates.push(file);
    }
    return candidates.length < maxFiles * 4; // size filtering happens below
  };

  for (const raw of patterns) {
    const pattern = raw.trim();
    if (!pattern) continue;
    const absolute = path.isAbsolute(pattern) ? pattern : path.join(workspaceRoot, pattern);
    if (!isGlob(pattern)) {
      const st = await statOrUndefined(absolute);
      if (st?.isFile()) add(path.resolve(absolute));
      else if (st?.isDirectory()) {
        await walk(path.resolve(absolute), (f) => (TEXT_EXTENSIONS.has(path.extname(f).toLowerCase()) ? add(f) : true), budget);
      }
      continue;
    }
    // Glob: walk from its static prefix and match paths relative to that prefix.
    const scan = picomatch.scan(absolute.split(path.sep).join('/'));
    const base = path.resolve(scan.base || '/');
    const matcher = picomatch(scan.glob, { dot: false, nocase: process.platform !== 'linux' });
    const st = await statOrUndefined(base);
    if (!st?.isDirectory()) continue;
    await walk(base, (f) => (matcher(path.relative(base, f).split(path.sep).join('/')) ? add(f) : true), budget);
  }

  const out: string[] = [];
  for (const file of candidates) {
    if (out.length >= maxFiles) break;
    const st = await statOrUndefined(file);
    if (st?.isFile() && st.size <= maxBytes) out.push(file);
  }
  return out;
}
