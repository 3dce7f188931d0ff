import fs = require('node:fs');
import path = require('node:path');
import { decodeBytes } from './encoding';

/** Extensions that can hold our kinds of files. */
const TEMPLATE_EXTENSIONS = ['.yaml', '.yml', '.json', '.template', '.jsonc'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.aws-sam', 'cdk.out', '.venv', '__pycache__', 'dist', 'out']);

/** Expand files and directories into candidate files (sorted, stable). Missing paths are returned separately. */
export function collectFiles(inputs: string[], cwd: string): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 30) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p, depth + 1);
      } else if (e.isFile() && TEMPLATE_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) {
        files.push(p);
      }
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      missing.push(input);
      continue;
    }
    if (st.isDirectory()) walk(abs, 0);
    else files.push(abs);
  }
  return { files, missing };
}

/**
 * Why a path must not be read, decided from `stat` alone so nothing is opened: a FIFO would block
 * forever and a device such as /dev/zero never ends. `size` means too large (the caller says so).
 */
export function readRefusal(file: string, maxBytes: number): { reason: 'type' | 'size'; message: string; size: number } | undefined {
  const st = fs.statSync(file);
  if (!st.isFile()) return { reason: 'type', message: `not a regular file (${fileType(st)}); skipped`, size: 0 };
  if (st.size > maxBytes) return { reason: 'size', message: 'too large', size: st.size };
  return undefined;
}

function fileType(st: fs.Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a directory';
  return 'not a file';
}

/** Read a file as text in its own encoding (see decodeBytes); binary data is left to the parser to report. */
export function readText(file: string): string {
  return decodeBytes(fs.readFileSync(file)).text;
}

/**
 * The reader CLI and server give the language service for files a template points at (a nested
 * stack's local TemplateURL): regular YAML/JSON/template files under the size limit, else undefined.
 */
export function templateFileReader(maxBytes: number): (file: string) => string | undefined {
  return (file) => {
    if (!/\.(ya?ml|json|template|txt)$/i.test(file)) return undefined;
    try {
      return readRefusal(file, maxBytes) ? undefined : readText(file);
    } catch {
      return undefined;
    }
  };
}
