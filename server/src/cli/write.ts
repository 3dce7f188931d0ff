/**
 * How `lint --fix` reads and writes files without losing a byte: the file is decoded in its own
 * encoding and written back in it, through a temporary file in the same folder renamed over the
 * original (keeping its mode), and only if nobody changed the file since we read it.
 */
import fs = require('node:fs');
import path = require('node:path');
import { decodeBytes, describeEncoding, encodeText, type TextEncoding } from '../core/encoding';

export interface Source {
  /** The file itself (symlinks resolved: the link stays a link, its target gets the fix). */
  file: string;
  bytes: Buffer;
  text: string;
  encoding: TextEncoding;
  /** Encoding the decoded text again gives back exactly `bytes`. */
  exact: boolean;
  stat: fs.Stats;
}

export function readSource(file: string): Source {
  const real = fs.realpathSync(file);
  const stat = fs.statSync(real);
  const bytes = fs.readFileSync(real);
  const { text, encoding, exact } = decodeBytes(bytes);
  return { file: real, bytes, text, encoding, exact, stat };
}

/** Write the fixed text back; returns why it was not written, or undefined when it was. */
export function writeFixed(src: Source, text: string): string | undefined {
  if (!src.exact) return `its bytes do not round-trip through ${describeEncoding(src.encoding)}, so it cannot be rewritten without changing them`;
  const bytes = encodeText(text, src.encoding);
  if (!bytes) return `the fixed text has characters that ${describeEncoding(src.encoding)} cannot hold`;
  if (isReadOnly(src)) return 'the file is read-only';
  const dir = path.dirname(src.file);
  const tmp = path.join(dir, `.${path.basename(src.file)}.aws-notes-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx', mode: src.stat.mode & 0o7777 });
    fs.chmodSync(tmp, src.stat.mode & 0o7777); // the umask may have narrowed it
    keepOwner(tmp, src.stat);
    if (changedSince(src)) {
      fs.rmSync(tmp, { force: true });
      return 'the file changed on disk while it was being checked; run again';
    }
    fs.renameSync(tmp, src.file);
    return undefined;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    return err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS' ? `it cannot be written (${err.code}: no permission to write in ${dir})` : `writing failed (${err.message})`;
  }
}

/** The renamed file keeps the original's owner where we may set it (e.g. root fixing a user's file). */
function keepOwner(tmp: string, st: fs.Stats): void {
  const now = fs.statSync(tmp);
  if (now.uid === st.uid && now.gid === st.gid) return;
  try {
    fs.chownSync(tmp, st.uid, st.gid);
  } catch {
    // Not permitted: the file is then owned by whoever ran the fix, as any editor's save would leave it.
  }
}

/** Read-only for everyone, or not writable by us (root may write anything: the mode bits decide then). */
function isReadOnly(src: Source): boolean {
  if ((src.stat.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(src.file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function changedSince(src: Source): boolean {
  try {
    const now = fs.statSync(src.file);
    if (now.ino !== src.stat.ino || now.size !== src.stat.size || now.mtimeMs !== src.stat.mtimeMs) return true;
    return !fs.readFileSync(src.file).equals(src.bytes);
  } catch {
    return true;
  }
}
