import assert from 'node:assert/strict';
import type { Hover, InlayHint, MarkupContent } from 'vscode-languageserver';
import { LspClient, useServer } from './harness';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 12]]
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.1.0.0/20
`;

const APPSPEC = `version: 0.0
os: linux
hooks:
  AfterInstall:
    - location: scripts/configure.sh
  ApplicationStop:
    - location: scripts/stop.sh
`;

const everything = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

describe('inlay hints and spec hovers over JSON-RPC', () => {
  let c!: LspClient;
  useServer((client) => (c = client), 'each', (caps) => assert.ok(caps.inlayHintProvider));

  it('CidrBlock values get their range and usable addresses as inlay hints', async () => {
    const uri = 'file:///w/network.yaml';
    c.open(uri, TEMPLATE);
    const diags = await c.waitDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diags.map((d) => d.code), ['CIDR1001']);
    const hints = await c.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: everything });
    assert.deepEqual(
      hints.map((h) => [h.position, h.label]),
      [
        [{ line: 5, character: 28 }, '10.0.0.0–10.0.255.255 · 65,531 usable'],
        [{ line: 10, character: 66 }, '= 10.0.0.0/20 · 10.0.0.0–10.0.15.255 · 4,091 usable'],
        [{ line: 15, character: 28 }, '10.1.0.0–10.1.15.255 · 4,091 usable'],
      ],
    );
    assert.equal(hints[0].paddingLeft, true);
    assert.match((hints[1].tooltip as MarkupContent).value, /from block 0 of !Cidr \[10\.0\.0\.0\/16, 2, 12\]/);
    // Only what the editor asks for.
    const some = await c.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 12, character: 0 }, end: { line: 16, character: 0 } } });
    assert.equal(some.length, 1);
  });

  it('AppSpec hooks get their run order as hints, and a hover explains them', async () => {
    const uri = 'file:///w/appspec.yml';
    c.open(uri, APPSPEC);
    await c.waitDiagnostics(uri);
    const hints = await c.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: everything });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[3, 'runs 5th of 9 (in-place)'], [5, 'runs 3rd of 9 (in-place)']]);
    const hover = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 5 } });
    const md = (hover.contents as MarkupContent).value;
    assert.match(md, /^\*\*ApplicationStop\*\* — lifecycle hook, EC2\/on-premises/);
    assert.match(md, /Runs 3rd of 9 in an in-place deployment/);
    assert.deepEqual(hover.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 17 } });
  });

  it('no hints for files that are not ours', async () => {
    const uri = 'file:///w/docker-compose.yml';
    c.open(uri, 'services:\n  web:\n    image: nginx\n');
    await c.waitDiagnostics(uri);
    const hints = await c.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: everything });
    assert.deepEqual(hints, []);
  });
});
