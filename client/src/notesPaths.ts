import * as path from 'node:path';

export interface NotesPathSources {
  /** From the user's own settings: trusted as written, may point anywhere. */
  user?: readonly string[];
  /** From workspace or folder settings: someone else may have written these. */
  workspace?: readonly string[];
  /** Workspace folders (file system paths). */
  roots: readonly string[];
  /** Workspace trust; untrusted workspaces' settings are ignored entirely. */
  trusted: boolean;
}

/**
 * The notes paths the server may read. A workspace setting can only name places inside the
 * workspace (no absolute paths elsewhere, no `..` escapes): a cloned repository must not be
 * able to make the extension read ~/.ssh. The user's own settings are taken as they are.
 */
export function effectiveNotesPaths(s: NotesPathSources): { patterns: string[]; rejected: string[] } {
  const patterns = [...(s.user ?? [])];
  const rejected: string[] = [];
  for (const p of s.workspace ?? []) {
    if (!s.trusted) {
      rejected.push(p);
      continue;
    }
    const inside = s.roots.some((root) => {
      const abs = path.resolve(root, p.replace(/[*?{[].*$/, '') || '.');
      const rel = path.relative(root, abs);
      return !rel.startsWith('..') && !path.isAbsolute(rel);
    });
    if (inside) patterns.push(p);
    else rejected.push(p);
  }
  return { patterns, rejected };
}
