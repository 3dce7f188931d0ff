import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver';
import { LspClient, useServer } from './harness';

const APPSPEC = `version: 0.0
os: linux
files:
  - source: /
    destination: /var/www/app
hooks:
  AfterInstal:
    - location: scripts/after.sh
      timeout: 60
  ApplicationStart:
    - location: scripts/start.sh
`;

const BUILDSPEC = `version: 0.2
phase:
  build:
    commands:
      - npm ci
`;

async function fixFor(c: LspClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
}

describe('appspec and buildspec over the protocol', () => {
  let c!: LspClient;
  useServer((client) => (c = client), 'each');

  it('appspec: diagnostic, hover with the run order, quick fix', async () => {
    const uri = 'file:///w/appspec.yml';
    c.open(uri, APPSPEC);
    const diags = await c.waitDiagnostics(uri, (d) => d.length > 0);
    const d = diags.find((x) => String(x.code).startsWith('APPSPEC'))!;
    assert.ok(d, JSON.stringify(diags));
    assert.equal(d.range.start.line, 6);
    const actions = await fixFor(c, uri, d);
    const fix = actions.find((a) => /AfterInstall/.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.edit!.changes![uri][0].newText, 'AfterInstall');
    const hover = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 5 } });
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /ApplicationStart/);
    assert.match(md, /[Rr]uns \d+(st|nd|rd|th) of \d+/);
  });

  it('buildspec: diagnostic, hover on a phase, quick fix', async () => {
    const uri = 'file:///w/buildspec.yml';
    c.open(uri, BUILDSPEC);
    const diags = await c.waitDiagnostics(uri, (d) => d.length > 0);
    const d = diags.find((x) => String(x.code).startsWith('BUILDSPEC'))!;
    assert.ok(d, JSON.stringify(diags));
    assert.match(String(d.message), /phases/);
    const actions = await fixFor(c, uri, d);
    const fix = actions.find((a) => /phases/.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.edit!.changes![uri][0].newText, 'phases');
    c.change(uri, BUILDSPEC.replace('phase:', 'phases:'));
    await c.waitDiagnostics(uri, (x) => x.length === 0);
    const hover = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } });
    assert.match((hover.contents as { value: string }).value, /build/);
  });
});
