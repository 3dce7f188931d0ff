import assert from 'node:assert/strict';
import { decodeNotes, decodeNotesInChunks } from '../../server/src/core/notes';

describe('notes decoding in chunks (issue 14)', () => {
  // Multi-byte characters across the 1 MiB chunk ends, in every encoding notes come in.
  const line = 'Ünïcødé ✓ 日本語 😀 plain ascii line\n';
  const big = line.repeat(90_000);
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const invalid = Buffer.from(big);
  invalid[invalid.length - 5] = 0xff;
  const cases: [string, Buffer][] = [
    ['UTF-8', Buffer.from(big)],
    ['UTF-8 with BOM', Buffer.concat([bom, Buffer.from(big)])],
    ['UTF-8 with BOM and an invalid byte', Buffer.concat([bom, invalid])],
    ['invalid UTF-8 (read as Latin-1)', invalid],
    ['Latin-1', Buffer.from('caf\xe9 na\xefve\n'.repeat(300_000), 'latin1')],
    ['UTF-16 with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(big, 'utf16le')])],
  ];
  for (const [name, bytes] of cases) {
    it(`gives the same text and encoding as decoding at once: ${name}`, async () => {
      let pauses = 0;
      const { chunks, encoding } = await decodeNotesInChunks(bytes, async () => void pauses++);
      assert.deepEqual({ text: chunks.join(''), encoding }, decodeNotes(bytes));
      // Every piece but the last ends a line: the index reads lines piece by piece.
      assert.ok(chunks.slice(0, -1).every((c) => c.endsWith('\n')));
      if (!name.startsWith('UTF-16')) assert.ok(pauses >= 3, `${pauses} pauses`);
    });
  }
});
