import assert from 'node:assert/strict';
import path from 'node:path';
import { graphDot, graphJson, graphMermaid, templateGraph } from '../../server/src/core/cfn/graph';
import { resolveTemplate } from '../../server/src/core/cfn/resolve';
import { parseTemplate } from '../../server/src/core/document';
import { readText } from '../../server/src/core/files';
import { CORPUS, filesUnder, hasCorpus } from './shared';

describe('corpus: graph and resolve never throw', function () {
  before(function () {
    if (!hasCorpus) this.skip();
  });

  it('builds the graph and resolves every corpus file (templates and not), in every output form', () => {
    const files = filesUnder(CORPUS).filter((f) => /\.(ya?ml|json|template|txt)$/i.test(f));
    assert.ok(files.length > 1000, `only ${files.length} files`);
    const failed: string[] = [];
    let nodes = 0;
    let edges = 0;
    for (const f of files) {
      try {
        const doc = parseTemplate(f, 1, readText(f));
        const g = templateGraph(doc);
        graphJson(g);
        graphMermaid(g);
        graphDot(g);
        nodes += g.nodes.length;
        edges += g.edges.length;
        // Every edge joins two nodes of the graph.
        const ids = new Set(g.nodes.map((n) => n.id));
        for (const e of g.edges) if (!ids.has(e.from) || !ids.has(e.to)) throw new Error(`dangling edge ${e.from} -> ${e.to}`);
        JSON.stringify(resolveTemplate(doc));
        JSON.stringify(resolveTemplate(doc, { region: 'cn-north-1', parameters: { 'AWS::AccountId': '123456789012' } }));
      } catch (e) {
        failed.push(`${path.relative(CORPUS, f)}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    console.log(`      ${files.length} files: ${nodes} nodes, ${edges} edges`);
    assert.deepEqual(failed, []);
  });
});
