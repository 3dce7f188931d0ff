import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver';
import { effectiveNotesPaths } from '../../client/src/notesPaths';
import { notesProgressText } from '../../client/src/notesProgressText';
import { LspClient } from './harness';
import { EXPLAIN_FINDING, EXPLAIN_FINDING_COMMAND, READ_NOTES_CONFIG, SEARCH_NOTES } from '../../server/src/core/protocol';

const fixtures = path.join(__dirname, '..', 'fixtures');
const TEMPLATE = `Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 30\n`;

async function hoverUntil(c: LspClient, uri: string, line: number, character: number, re: RegExp): Promise<string> {
  const deadline = Date.now() + 5000;
  let last = '';
  while (Date.now() < deadline) {
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    last = h ? (h.contents as { value: string }).value : '';
    if (re.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`hover never matched ${re}: ${last}`);
}

describe('hovers with the notes index', () => {
  let c: LspClient;
  beforeEach(async () => {
    c = new LspClient();
    await c.initialize({}, { roots: [fixtures], patterns: ['notes'] });
  });
  afterEach(() => c.dispose());

  it('adds the knowledge base and a passage from the notes, linked to its line', async () => {
    const uri = 'file:///w/q.yaml';
    c.open(uri, TEMPLATE);
    await c.waitDiagnostics(uri);
    const md = await hoverUntil(c, uri, 4, 10, /From your notes/);
    assert.match(md, /\*\*VisibilityTimeout\*\*/); // the spec line comes first
    assert.match(md, /messaging\.md/);
    const link = /\((file:\/\/[^)]+#L\d+)\)/.exec(md);
    assert.ok(link, 'a link to the note at its line');
    assert.ok(link[1].startsWith(pathToFileURL(path.join(fixtures, 'notes')).href));
  });

  it('explains AWS terms inside a notes file', async () => {
    const uri = pathToFileURL(path.join(fixtures, 'notes', 'scratch.md')).href;
    void c.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Remember: the NACL is stateless.\n' } });
    const md = await hoverUntil(c, uri, 0, 15, /stateless/i);
    assert.match(md, /Network access control list/i);
  });

  it('searches notes and the knowledge base', async () => {
    let items: { label: string; uri?: string; line?: number }[] = [];
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !items.some((i) => i.uri)) {
      items = await c.request(SEARCH_NOTES.method, { query: 'visibility timeout' });
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(items.some((i) => i.uri?.endsWith('messaging.md') && (i.line ?? 0) > 0));
    assert.ok(items.some((i) => /SQS|queue|visibility/i.test(i.label) && !i.uri));
  });
});

describe('notes settings on server start (issue 16)', () => {
  it('asks the client for the notes settings on every start instead of trusting stale initialization options', async () => {
    const c = new LspClient();
    // The options passed at activation name a folder that no longer holds the notes...
    c.rpc.onRequest(READ_NOTES_CONFIG.method, () => ({ roots: [fixtures], patterns: ['notes'] }));
    await c.initialize({}, { roots: [fixtures], patterns: ['no-longer-here'] });
    try {
      const uri = 'file:///w/restart.yaml';
      c.open(uri, TEMPLATE);
      await c.waitDiagnostics(uri);
      // ...the current settings (answered by the client) are what the index uses.
      const md = await hoverUntil(c, uri, 4, 10, /From your notes/);
      assert.match(md, /messaging\.md/);
    } finally {
      c.dispose();
    }
  });
});

describe('notes paths from settings', () => {
  const roots = ['/work/repo'];
  it('keeps user paths, confines workspace paths to the workspace', () => {
    const r = effectiveNotesPaths({ user: ['/home/me/notes'], workspace: ['notes', 'docs/**/*.md', '../../etc', '/etc/passwd'], roots, trusted: true });
    assert.deepEqual(r.patterns, ['/home/me/notes', 'notes', 'docs/**/*.md']);
    assert.deepEqual(r.rejected, ['../../etc', '/etc/passwd']);
  });
  it('ignores workspace paths in an untrusted workspace', () => {
    const r = effectiveNotesPaths({ workspace: ['notes'], roots, trusted: false });
    assert.deepEqual(r, { patterns: [], rejected: ['notes'] });
  });
});

describe('"Explain from my notes" on a finding (issue 14)', () => {
  it('offers the code action on a CIDR1003 finding and answers it with the notes on VPC sizes', async () => {
    const c = new LspClient();
    await c.initialize({}, { roots: [fixtures], patterns: ['notes-styles'] });
    try {
      const uri = 'file:///w/vpc.yaml';
      c.open(uri, 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/12\n');
      const diags = await c.waitDiagnostics(uri, (d) => d.some((x) => x.code === 'CIDR1003'));
      const diagnostic = diags.find((x) => x.code === 'CIDR1003')!;
      let actions: { title: string; command?: { command: string; arguments?: unknown[] } }[] = [];
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && !actions.some((a) => a.command)) {
        actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        await new Promise((r) => setTimeout(r, 100));
      }
      const explain = actions.find((a) => a.command?.command === EXPLAIN_FINDING_COMMAND);
      assert.ok(explain, JSON.stringify(actions.map((a) => a.title)));
      assert.deepEqual(explain.command!.arguments, ['CIDR1003']);
      const r = await c.request<{ markdown: string } | null>(EXPLAIN_FINDING.method, { code: 'CIDR1003' });
      assert.match(r?.markdown ?? '', /65,536 addresses/);
    } finally {
      c.dispose();
    }
  });
});

describe('notes progress in the status bar (issue 14)', () => {
  it('shows the share of bytes indexed as a percentage, and nothing once done', () => {
    const total = 10 * 1024 * 1024; // one big file: progress moves within it
    assert.equal(notesProgressText(0, total), '$(sync~spin) Notes 0%');
    assert.equal(notesProgressText(total / 2, total), '$(sync~spin) Notes 50%');
    assert.equal(notesProgressText(total - 1, total), '$(sync~spin) Notes 99%');
    assert.equal(notesProgressText(total, total), undefined);
    assert.equal(notesProgressText(0, 0), undefined);
  });
});
