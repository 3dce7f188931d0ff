import assert from 'node:assert/strict';
import { graphHtml } from '../../client/src/commands/graphHtml';
import { TEMPLATE_VIEW, type TemplateView } from '../../server/src/core/protocol';
import { LspClient, useServer } from './harness';

const TEMPLATE = `Parameters:
  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "\${Env}-q"
  Replica:
    Type: AWS::SQS::Queue
    Condition: IsProd
Outputs:
  Url: {Value: !Ref Queue}
`;

describe(`language server: Template Graph view (${TEMPLATE_VIEW.method})`, () => {
  let c!: LspClient;
  useServer((client) => (c = client), 'all');

  it('returns the graph with 0-based entry lines and the what-if for the chosen values', async () => {
    const uri = 'file:///w/graph.yaml';
    c.open(uri, TEMPLATE);
    const dev = await c.request<TemplateView>(TEMPLATE_VIEW.method, { uri });
    assert.deepEqual(dev.nodes.map((n) => [n.id, n.kind, n.line, n.endLine]), [
      ['Env', 'parameter', 1, 1],
      ['Queue', 'resource', 5, 8],
      ['Replica', 'resource', 9, 11],
      ['Url', 'output', 13, 13],
    ]);
    assert.deepEqual(dev.edges, [{ from: 'Queue', to: 'Env', kind: 'sub' }, { from: 'Url', to: 'Queue', kind: 'ref' }]);
    assert.deepEqual(dev.conditions, { IsProd: false });
    assert.deepEqual(dev.removed, ['Replica']);
    assert.deepEqual(dev.parameters, [{ name: 'Env', type: 'String', default: 'dev', allowedValues: ['dev', 'prod'], value: 'dev' }]);
    assert.match(dev.resolved, /QueueName: dev-q/);
    const prod = await c.request<TemplateView>(TEMPLATE_VIEW.method, { uri, parameters: { Env: 'prod' }, region: 'eu-west-1' });
    assert.deepEqual(prod.conditions, { IsProd: true });
    assert.deepEqual(prod.removed, []);
    assert.equal(prod.region, 'eu-west-1');
    assert.match(prod.resolved, /QueueName: prod-q/);
  });

  it('answers null for documents that are not templates', async () => {
    c.open('file:///w/buildspec.yml', 'version: 0.2\nphases:\n  build:\n    commands: [echo]\n');
    assert.equal(await c.request(TEMPLATE_VIEW.method, { uri: 'file:///w/buildspec.yml' }), null);
    assert.equal(await c.request(TEMPLATE_VIEW.method, { uri: 'file:///w/not-open.yaml' }), null);
  });
});

describe('Template Graph webview page', () => {
  it('loads only its own script under a nonce CSP and escapes what it prints', () => {
    const html = graphHtml({ nonce: 'abc123', scriptUri: 'https://file+.vscode-resource/dist/graphView.js', cspSource: 'https://file+.vscode-resource', title: 'Graph <x>' });
    assert.match(html, /content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123'; img-src https:\/\/file\+\.vscode-resource data:;"/);
    assert.match(html, /<script nonce="abc123" src="https:\/\/file\+\.vscode-resource\/dist\/graphView\.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/https?:\/\/(?!file\+\.vscode-resource)/.test(html), 'no remote content');
    assert.match(html, /<title>Graph &lt;x&gt;<\/title>/);
    assert.match(html, /var\(--vscode-editor-background\)/);
  });
});
