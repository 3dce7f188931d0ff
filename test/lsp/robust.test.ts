import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver';
import { LspClient, useServer } from './harness';

describe('language server: hostile documents', () => {
  let c!: LspClient;
  useServer((client) => (c = client), 'each');

  it('deep JSON (6,000 levels, any .json) and deep YAML sequences get DOC1004 and the server keeps answering', async () => {
    const docs: [string, string, string][] = [
      ['file:///w/data.json', 'json', '['.repeat(6000) + ']'.repeat(6000)],
      ['file:///w/t.yaml', 'yaml', 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        ' + '- '.repeat(50_000) + 'x\n'],
    ];
    for (const [uri, lang, text] of docs) {
      c.open(uri, text, lang);
      const d = await c.waitDiagnostics(uri, (x) => lang === 'json' || x.length > 0, 15000);
      if (lang === 'yaml') assert.ok(d.some((x) => x.code === 'DOC1004'), JSON.stringify(d.map((x) => x.code)));
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol']) {
        await c.request(method, { textDocument: { uri }, position: { line: 5, character: 20 } });
      }
    }
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///w/t.yaml' }, position: { line: 2, character: 12 } });
    assert.match(JSON.stringify(h), /SQS/);
  });
});
