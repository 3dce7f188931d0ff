import assert from 'node:assert/strict';
import type { CodeAction, Hover } from 'vscode-languageserver';
import { LspClient, useServer } from './harness';

const BAD = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimout: 30
  Bucket:
    Type: AWS::S3::Bucke
`;

const GOOD = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
Outputs:
  Arn:
    Value: !GetAtt Queue.Arn
`;

describe('language server over JSON-RPC', () => {
  let c!: LspClient;
  useServer((client) => (c = client), 'each', (caps) => assert.ok(caps.hoverProvider));

  it('publishes diagnostics on open with codes, ranges and rule links', async () => {
    c.open('file:///w/template.yaml', BAD);
    const diags = await c.waitDiagnostics('file:///w/template.yaml', (d) => d.length > 0);
    const codes = diags.map((d) => d.code).sort();
    assert.deepEqual(codes, ['CFN3002', 'CFN3003']);
    const unknown = diags.find((d) => d.code === 'CFN3003')!;
    assert.deepEqual(unknown.range, { start: { line: 5, character: 6 }, end: { line: 5, character: 22 } });
    assert.match(String(unknown.message), /Did you mean 'VisibilityTimeout'/);
    assert.match(String(unknown.codeDescription?.href), /rules\.md#cfn3003$/);
    assert.equal(unknown.source, 'aws-notes');
  });

  it('updates diagnostics on change and clears them on close', async () => {
    const uri = 'file:///w/t.yaml';
    c.open(uri, BAD);
    await c.waitDiagnostics(uri, (d) => d.length === 2);
    c.change(uri, GOOD);
    await c.waitDiagnostics(uri, (d) => d.length === 0);
    c.change(uri, BAD);
    await c.waitDiagnostics(uri, (d) => d.length === 2);
    c.close(uri);
    await c.waitDiagnostics(uri, (d, p) => d.length === 0 && p.version === undefined);
  });

  it('keeps only the last version after a burst of changes', async () => {
    const uri = 'file:///w/storm.yaml';
    c.open(uri, GOOD);
    await c.waitDiagnostics(uri);
    for (let i = 0; i < 20; i++) c.change(uri, i % 2 ? GOOD : BAD);
    c.change(uri, BAD.replace('AWS::S3::Bucke\n', 'AWS::S3::Buckt\n'));
    const d = await c.waitDiagnostics(uri, (x) => x.length === 2);
    assert.ok(d.find((x) => String(x.message).includes("'AWS::S3::Buckt'")), JSON.stringify(d.map((x) => x.message)));
  });

  it('says nothing about YAML that is not ours', async () => {
    const uri = 'file:///w/docker-compose.yml';
    c.open(uri, 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n');
    const d = await c.waitDiagnostics(uri);
    assert.equal(d.length, 0);
  });

  it('hovers a resource type and a property with the spec documentation', async () => {
    const uri = 'file:///w/h.yaml';
    c.open(uri, GOOD);
    await c.waitDiagnostics(uri);
    const typeHover = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 14 } });
    const md = (typeHover.contents as { value: string }).value;
    assert.match(md, /\*\*AWS::SQS::Queue\*\*/);
    assert.match(md, /queue/i);
    const propHover = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 10 } });
    const pmd = (propHover.contents as { value: string }).value;
    assert.match(pmd, /\*\*VisibilityTimeout\*\*/);
    assert.match(pmd, /Integer/);
    assert.deepEqual(propHover.range, { start: { line: 5, character: 6 }, end: { line: 5, character: 23 } });
  });

  it('offers a quick fix that rewrites the misspelt property', async () => {
    const uri = 'file:///w/fix.yaml';
    c.open(uri, BAD);
    const diags = await c.waitDiagnostics(uri, (d) => d.length === 2);
    const d = diags.find((x) => x.code === 'CFN3003')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === "Change to 'VisibilityTimeout'");
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.isPreferred, true);
    const edits = fix.edit!.changes![uri];
    assert.deepEqual(edits, [{ range: d.range, newText: 'VisibilityTimeout' }]);
  });

  it('offers a fix-all source action', async () => {
    const uri = 'file:///w/all.yaml';
    c.open(uri, BAD);
    await c.waitDiagnostics(uri, (d) => d.length === 2);
    const actions = await c.fixAllActions(uri);
    const all = actions.find((a) => a.kind === 'source.fixAll.awsNotes');
    assert.ok(all);
    const text = all.edit!.changes![uri][0].newText;
    assert.match(text, /VisibilityTimeout: 30/);
    assert.match(text, /Type: AWS::S3::Bucket\n/);
  });
});
