/**
 * Bytes ⇄ text for files we may write back (`lint --fix`). The text is decoded the way the file is
 * really encoded and re-encoded the same way, so bytes outside an edit never change: UTF-8 with or
 * without a BOM, UTF-16 with a BOM, and Latin-1 for bytes that are not valid UTF-8 (every byte is a
 * Latin-1 character, so nothing becomes U+FFFD). The BOM is not part of the text: editors do not
 * count it as a column.
 */
export type EncodingName = 'utf8' | 'utf16le' | 'utf16be' | 'latin1';

export interface TextEncoding {
  name: EncodingName;
  bom: boolean;
}

export interface Decoded {
  text: string;
  encoding: TextEncoding;
  /** Encoding the text again gives back exactly these bytes (false e.g. for UTF-16 of odd length). */
  exact: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeBytes(buf: Uint8Array): Decoded {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let encoding: TextEncoding;
  let text: string;
  if (b[0] === 0xff && b[1] === 0xfe) {
    encoding = { name: 'utf16le', bom: true };
    text = b.subarray(2).toString('utf16le');
  } else if (b[0] === 0xfe && b[1] === 0xff) {
    encoding = { name: 'utf16be', bom: true };
    text = swap16(b.subarray(2)).toString('utf16le');
  } else {
    const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    const body = bom ? b.subarray(3) : b;
    try {
      text = utf8.decode(body);
      encoding = { name: 'utf8', bom };
    } catch {
      text = body.toString('latin1');
      encoding = { name: 'latin1', bom };
    }
  }
  const again = encodeText(text, encoding);
  return { text, encoding, exact: !!again && again.equals(b) };
}

/** The bytes of `text` in `encoding`; undefined when a character cannot be written in it (Latin-1 above U+00FF). */
export function encodeText(text: string, encoding: TextEncoding): Buffer | undefined {
  let body: Buffer;
  switch (encoding.name) {
    case 'utf8':
      body = Buffer.from(text, 'utf8');
      break;
    case 'latin1':
      if (/[^\u0000-\u00ff]/.test(text)) return undefined;
      body = Buffer.from(text, 'latin1');
      break;
    case 'utf16le':
      body = Buffer.from(text, 'utf16le');
      break;
    case 'utf16be':
      body = swap16(Buffer.from(text, 'utf16le'));
      break;
  }
  if (!encoding.bom) return body;
  const bom = { utf8: [0xef, 0xbb, 0xbf], latin1: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] }[encoding.name];
  return Buffer.concat([Buffer.from(bom), body]);
}

export function describeEncoding(e: TextEncoding): string {
  const name = { utf8: 'UTF-8', latin1: 'Latin-1', utf16le: 'UTF-16LE', utf16be: 'UTF-16BE' }[e.name];
  return e.bom ? `${name} with BOM` : name;
}

function swap16(b: Buffer): Buffer {
  const out = Buffer.from(b.subarray(0, b.length - (b.length % 2)));
  out.swap16();
  return b.length % 2 ? Buffer.concat([out, b.subarray(b.length - 1)]) : out;
}
