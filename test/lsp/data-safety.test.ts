import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver';
import { LspClient, useServer } from './harness';

const LINES = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    Properties:', '      VisibilityTimout: 30', ''];

describe('language server: positions and fixes that keep the file sound', () => {
  let c!: LspClient;
  useServer((client) => (c = client), 'each');

  for (const [label, text] of [
    ['CR-only line breaks', LINES.join('\r')],
    ['a BOM on an LF file', '\uFEFF' + LINES.join('\n')],
    ['CRLF', LINES.join('\r\n')],
  ]) {
    it(`reports the one real problem at its exact place with ${label}`, async () => {
      const uri = `file:///w/${label.replace(/\W+/g, '-')}.yaml`;
      c.open(uri, text);
      const diags = await c.waitDiagnostics(uri, (d) => d.length > 0);
      assert.deepEqual(diags.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['CFN3003', 5, 6]]);
    });
  }

  it('fix-all does not leave a duplicate placeholder after renaming a misspelled required property', async () => {
    const uri = 'file:///w/policy.yaml';
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      PolicyDocumnt:\n        Version: "2012-10-17"\n        Statement: []\n      Roles: [r]\n';
    c.open(uri, text);
    await c.waitDiagnostics(uri, (d) => d.length === 2);
    const actions = await c.fixAllActions(uri);
    const all = actions.find((a) => a.kind === 'source.fixAll.awsNotes')!;
    const fixed = all.edit!.changes![uri][0].newText;
    assert.equal(fixed, text.replace('PolicyDocumnt', 'PolicyDocument'));
    const quick = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 3, character: 0 }, end: { line: 6, character: 20 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(quick.map((a) => a.title), ["Change to 'PolicyDocument'"]);
  });
});
