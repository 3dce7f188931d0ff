import assert from 'node:assert/strict';
import { decodeBytes, encodeText } from '../../server/src/core/encoding';

const TEXT = 'Description: Café © 2024\nResources: {}\n';

describe('encoding: decode in the file’s own encoding, encode back byte for byte', () => {
  const cases: [string, Buffer, string][] = [
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]), 'utf16be'],
    ['Latin-1 (invalid UTF-8)', Buffer.from(TEXT, 'latin1'), 'latin1'],
  ];
  for (const [label, bytes, name] of cases) {
    it(label, () => {
      const d = decodeBytes(bytes);
      assert.equal(d.text, TEXT, 'no U+FFFD, no BOM in the text');
      assert.equal(d.encoding.name, name);
      assert.ok(d.exact);
      assert.ok(encodeText(d.text, d.encoding)!.equals(bytes));
      const edited = d.text.replace('{}', '{ }');
      const out = encodeText(edited, d.encoding)!;
      assert.equal(decodeBytes(out).text, edited);
      assert.equal(decodeBytes(out).encoding.bom, d.encoding.bom);
    });
  }

  it('says when bytes would not survive (odd UTF-16 length) and when Latin-1 cannot hold a character', () => {
    assert.equal(decodeBytes(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42])).exact, false);
    assert.equal(encodeText('a → b', { name: 'latin1', bom: false }), undefined);
  });
});
