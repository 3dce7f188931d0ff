/**
 * Notes files come in whatever encoding the user's editor saved: UTF-8 with or without BOM,
 * UTF-16 with BOM (Windows Notepad's "Unicode"), or a legacy 8-bit encoding. Invalid UTF-8 is
 * read as Latin-1 (windows-1252) rather than garbled with replacement characters.
 */
export type NotesEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'latin1';

/** The encoding a BOM names, and how many bytes the BOM takes; UTF-8 when there is none. */
function sniff(bytes: Uint8Array): { label: string; encoding: NotesEncoding; skip: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', encoding: 'utf-8-bom', skip: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', encoding: 'utf-16le', skip: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', encoding: 'utf-16be', skip: 2 };
  return { label: 'utf-8', encoding: 'utf-8', skip: 0 };
}

export function decodeNotes(bytes: Uint8Array): { text: string; encoding: NotesEncoding } {
  const { label, encoding, skip } = sniff(bytes);
  if (encoding !== 'utf-8') return { text: new TextDecoder(label).decode(bytes.subarray(skip)), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'latin1' };
  }
}

/** Bytes decoded between two pauses (a few ms). */
const DECODE_CHUNK = 1 << 20;

/**
 * decodeNotes a chunk at a time with `pause` in between: decoding 10 MB in one go held the
 * language server for 35 ms, and so did joining the pieces into one string, so the text stays in
 * pieces of about a MiB, each ending at a line end (or the end of the file). Joined, they are the
 * text decodeNotes gives. Each piece is decoded on its own: a streaming decoder returns two-byte
 * strings, twice the memory for ASCII notes.
 */
export async function decodeNotesInChunks(bytes: Uint8Array, pause: () => Promise<void>): Promise<{ chunks: string[]; encoding: NotesEncoding }> {
  const { encoding } = sniff(bytes);
  // UTF-16 is rare in notes, and its line ends are two bytes.
  if (bytes.length <= DECODE_CHUNK || encoding === 'utf-16le' || encoding === 'utf-16be') {
    const whole = decodeNotes(bytes);
    return { chunks: [whole.text], encoding: whole.encoding };
  }
  const decode = async (decoder: InstanceType<typeof TextDecoder>, from: number) => {
    const chunks: string[] = [];
    for (let at = from; at < bytes.length; ) {
      // Up to the next `\n` byte (in UTF-8 and Latin-1 always a line end, never part of a character).
      const nl = bytes.indexOf(0x0a, at + DECODE_CHUNK);
      const end = nl < 0 ? bytes.length : nl + 1;
      chunks.push(decoder.decode(bytes.subarray(at, end)));
      at = end;
      await pause();
    }
    return chunks;
  };
  if (encoding === 'utf-8-bom') return { chunks: await decode(new TextDecoder('utf-8'), 3), encoding };
  try {
    return { chunks: await decode(new TextDecoder('utf-8', { fatal: true }), 0), encoding };
  } catch {
    return { chunks: await decode(new TextDecoder('windows-1252'), 0), encoding: 'latin1' };
  }
}
