import assert from 'node:assert/strict';
import {
  CompletionItemKind,
  DocumentHighlightKind,
  InsertTextFormat,
  SymbolKind,
  type CompletionItem,
  type CompletionList,
  type DocumentHighlight,
  type DocumentSymbol,
  type Location,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { LspClient } from './harness';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "\${Env}-\${Queue.QueueName}"
  Dlq:
    Type: AWS::SQS::Queue
    DependsOn: Queue
Outputs:
  Arn:
    Value: !GetAtt Queue.Arn
`;

/** The template with more resources before its Outputs. */
const withResource = (body: string) => TEMPLATE.replace('Outputs:\n', `${body}Outputs:\n`);
const lineOf = (text: string, needle: string) => text.split('\n').indexOf(needle);

/** Apply LSP text edits to a text (positions are line/character). */
function applyLsp(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: Range['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('language server: completion, outline, navigation, rename', () => {
  let c: LspClient;
  const uri = 'file:///w/stack.yaml';
  beforeEach(async () => {
    c = new LspClient();
    const init = (await c.initialize()) as { capabilities: Record<string, unknown> };
    const caps = init.capabilities as { completionProvider?: { triggerCharacters?: string[] }; renameProvider?: unknown };
    assert.ok(caps.completionProvider?.triggerCharacters?.includes('!'));
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    c.open(uri, TEMPLATE);
    await c.waitDiagnostics(uri);
  });
  afterEach(() => c.dispose());

  it('returns a completion list of resource types with a text edit over the typed token', async () => {
    const text = withResource('  Bucket:\n    Type: AWS::S3::Bu\n');
    c.change(uri, text);
    const line = lineOf(text, '    Type: AWS::S3::Bu');
    const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 21 } });
    const first = list.items[0];
    assert.equal(first.label, 'AWS::S3::Bucket');
    assert.equal(first.kind, CompletionItemKind.Class);
    assert.deepEqual(first.textEdit, { range: { start: { line, character: 10 }, end: { line, character: 21 } }, newText: 'AWS::S3::Bucket' });
    const resolved = await c.request<CompletionItem>('completionItem/resolve', first);
    assert.equal((resolved.documentation as { kind: string }).kind, 'markdown');
    assert.match((resolved.documentation as { value: string }).value, /Required properties|GetAtt attributes/);
  });

  it('returns property snippets and GetAtt attributes', async () => {
    const text = TEMPLATE.replace('    DependsOn: Queue\n', '    DependsOn: Queue\n    Properties:\n      Visi\n');
    c.change(uri, text);
    const line = lineOf(text, '      Visi');
    const props = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 10 } });
    const vt = props.items.find((i) => i.label === 'VisibilityTimeout')!;
    assert.equal(vt.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal((vt.textEdit as TextEdit).newText, 'VisibilityTimeout: ${1}');
    const attrLine = lineOf(text, '    Value: !GetAtt Queue.Arn');
    const attrs = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: attrLine, character: 29 } });
    const shown = [...attrs.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
    assert.deepEqual(shown.slice(0, 2), ['Arn', 'QueueUrl'], 'the queue\'s own attributes first');
    assert.ok(shown.includes('QueueName'));
    assert.equal(attrs.items[0].kind, CompletionItemKind.Field);
  });

  it('asks the client to suggest again after `!Ref `', async () => {
    const text = withResource('  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !R\n');
    c.change(uri, text);
    const line = lineOf(text, '      TopicName: !R');
    const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 19 } });
    const ref = list.items.find((i) => i.label === '!Ref')!;
    assert.equal(ref.command?.command, 'editor.action.triggerSuggest');
  });

  it('goes to the definition of a name used in a Sub string', async () => {
    const loc = await c.request<Location>('textDocument/definition', { textDocument: { uri }, position: { line: 8, character: 32 } });
    assert.deepEqual(loc, { uri, range: { start: { line: 5, character: 2 }, end: { line: 5, character: 7 } } });
  });

  it('finds references and highlights them', async () => {
    const refs = await c.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 5, character: 3 }, context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => r.range.start), [
      { line: 5, character: 2 },
      { line: 8, character: 32 },
      { line: 11, character: 15 },
      { line: 14, character: 19 },
    ]);
    const hl = await c.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position: { line: 11, character: 16 } });
    assert.equal(hl.length, 4);
    assert.equal(hl[0].kind, DocumentHighlightKind.Write);
    assert.equal(hl[1].kind, DocumentHighlightKind.Read);
  });

  it('renames a logical ID everywhere, including inside a Sub string', async () => {
    const prep = await c.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: { line: 14, character: 21 } });
    assert.equal(prep.placeholder, 'Queue');
    const edit = await c.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 14, character: 21 }, newName: 'Orders' });
    const edits = edit.changes![uri];
    assert.equal(edits.length, 4);
    assert.ok(edits.some((e) => e.range.start.line === 8 && e.range.start.character === 32 && e.newText === 'Orders'));
    const out = applyLsp(TEMPLATE, edits);
    assert.match(out, /!Sub "\$\{Env\}-\$\{Orders\.QueueName\}"/);
    assert.match(out, /DependsOn: Orders/);
    assert.match(out, /!GetAtt Orders\.Arn/);
  });

  it('refuses a rename to a name that is taken, with the reason', async () => {
    await assert.rejects(
      c.request('textDocument/rename', { textDocument: { uri }, position: { line: 5, character: 3 }, newName: 'Dlq' }),
      (e: Error) => /already a resource/.test(e.message),
    );
    await assert.rejects(c.request('textDocument/prepareRename', { textDocument: { uri }, position: { line: 3, character: 10 } }), /Put the cursor on the name/);
  });

  it('returns document symbols by section with resource types', async () => {
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['AWSTemplateFormatVersion', 'Parameters', 'Resources', 'Outputs']);
    const resources = symbols[2];
    assert.equal(resources.kind, SymbolKind.Namespace);
    assert.deepEqual(resources.children!.map((s) => [s.name, s.detail, s.kind]), [
      ['Queue', 'AWS::SQS::Queue', SymbolKind.Object],
      ['Dlq', 'AWS::SQS::Queue', SymbolKind.Object],
    ]);
    assert.deepEqual(resources.children![0].selectionRange, { start: { line: 5, character: 2 }, end: { line: 5, character: 7 } });
  });

  it('completes buildspec phases and answers nothing for files that are not ours', async () => {
    const bs = 'file:///w/buildspec.yml';
    c.open(bs, 'version: 0.2\nphases:\n  build:\n    commands: [make]\n  \n');
    const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: bs }, position: { line: 4, character: 2 } });
    assert.deepEqual(list.items.map((i) => i.label), ['install', 'pre_build', 'post_build']);
    const other = 'file:///w/docker-compose.yml';
    c.open(other, 'services:\n  web:\n    image: nginx\n');
    assert.equal(await c.request('textDocument/completion', { textDocument: { uri: other }, position: { line: 1, character: 2 } }), null);
    assert.equal(await c.request('textDocument/documentSymbol', { textDocument: { uri: other } }), null);
  });
});
