import { graphDot, graphJson, graphMermaid, templateGraph } from '../core/cfn/graph';
import { EXIT, parseArgs, UsageError, type CliIO } from './io';
import { readTemplateFile } from './templateFile';

const GRAPH_USAGE = 'aws-notes graph <template> [--format mermaid|dot|json]';

/** `aws-notes graph`: the template's resources, parameters and outputs and what refers to what. */
export async function runGraph(argv: string[], io: CliIO): Promise<number> {
  const { flags, positional } = parseArgs(argv, { values: ['format'], booleans: ['help'] });
  if (flags.help) {
    io.out(`${GRAPH_USAGE}\n\nmermaid (default): a flowchart for Markdown; dot: Graphviz; json: {nodes: [{id, type, kind}], edges: [{from, to, kind}]}`);
    return EXIT.ok;
  }
  const format = (flags.format as string) ?? 'mermaid';
  if (!['mermaid', 'dot', 'json'].includes(format)) throw new UsageError(`--format must be mermaid, dot or json, not '${format}'`);
  if (positional.length > 1) throw new UsageError('give one template file');
  const g = templateGraph(readTemplateFile(positional[0], io.cwd));
  io.out(format === 'json' ? JSON.stringify(graphJson(g), null, 2) : format === 'dot' ? graphDot(g) : graphMermaid(g));
  return EXIT.ok;
}
