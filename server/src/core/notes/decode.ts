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

/** Bytes decoded between two pauses (about 3 ms). */
const DECODE_CHUNK = 1 << 20;

/**
 * decodeNotes a chunk at a time with `pause` in between: decoding 10 MB in one go held the
 * language server for 35 ms. The result is the same text. Chunks end on whole characters and
 * each is decoded on its own: a streaming decoder returns two-byte strings, twice the memory
 * for ASCII notes.
 */
export async function decodeNotesInSlices(bytes: Uint8Array, pause: () => Promise<void>): Promise<{ text: string; encoding: NotesEncoding }> {
  const { encoding } = sniff(bytes);
  // UTF-16 is rare in notes, and a chunk could end inside a surrogate pair.
  if (bytes.length <= DECODE_CHUNK || encoding === 'utf-16le' || encoding === 'utf-16be') return decodeNotes(bytes);
  const decode = async (decoder: InstanceType<typeof TextDecoder>, from: number, utf8: boolean) => {
    const parts: string[] = [];
    for (let at = from; at < bytes.length; ) {
      let end = Math.min(bytes.length, at + DECODE_CHUNK);
      // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
      if (utf8) while (end < bytes.length && end > at + 1 && (bytes[end] & 0xc0) === 0x80) end--;
      parts.push(decoder.decode(bytes.subarray(at, end)));
      at = end;
      await pause();
    }
    return parts.join('');
  };
  if (encoding === 'utf-8-bom') return { text: await decode(new TextDecoder('utf-8'), 3, true), encoding };
  try {
    return { text: await decode(new TextDecoder('utf-8', { fatal: true }), 0, true), encoding };
  } catch {
    return { text: await decode(new TextDecoder('windows-1252'), 0, false), encoding: 'latin1' };
  }
}
