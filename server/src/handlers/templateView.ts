import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { stringify } from 'yaml';
import type { LanguageService } from '../core';
import type { TemplateView } from '../core/protocol';

/** LSP ⇄ core for the Template Graph view: offsets become lines, the resolution becomes YAML text. */
export function onTemplateView(service: LanguageService, documents: TextDocuments<TextDocument>, p: { uri: string; parameters?: Record<string, string>; region?: string }): TemplateView | null {
  const td = documents.get(p.uri);
  if (!td) return null;
  const graph = service.graph(td);
  const r = graph && service.resolve(td, { parameters: p.parameters, region: p.region });
  if (!graph || !r) return null;
  const at = (offset: number) => td.positionAt(offset);
  return {
    uri: p.uri,
    version: td.version,
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      kind: n.kind,
      service: n.service,
      parent: n.parent,
      condition: n.condition,
      implicit: n.implicit,
      line: at(n.keyStart).line,
      character: at(n.keyStart).character,
      endLine: at(Math.max(n.start, n.end - 1)).line,
    })),
    edges: graph.edges,
    region: r.region,
    parameters: r.parameters.map(({ name, type, default: d, allowedValues, value }) => ({ name, type, default: d, allowedValues, value })),
    conditions: r.conditions,
    removed: [...r.removed.resources, ...r.removed.outputs],
    resolved: stringify(r.template, { lineWidth: 0, aliasDuplicateObjects: false }),
  };
}
