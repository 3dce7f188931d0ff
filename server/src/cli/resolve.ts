import { stringify } from 'yaml';
import { resolveTemplate } from '../core/cfn/resolve';
import { EXIT, parseArgs, UsageError, type CliIO } from './io';
import { readTemplateFile } from './templateFile';

const RESOLVE_USAGE = 'aws-notes resolve <template> [--param K=V ...] [--region R] [--format yaml|json]';

/**
 * `aws-notes resolve`: the template as it would be deployed with these parameter values in this
 * region: conditions worked out, resources and outputs whose condition is false left out,
 * intrinsic functions resolved where they can be and deploy-time values shown as `{{Name}}`.
 */
export async function runResolve(argv: string[], io: CliIO): Promise<number> {
  const { flags, positional } = parseArgs(argv, { values: ['region', 'format'], repeat: ['param'], booleans: ['help'] });
  if (flags.help) {
    io.out(`${RESOLVE_USAGE}\n\n--param may repeat; pseudo parameters can be given too (--param AWS::AccountId=123456789012).\njson: {conditions: {Name: true|false}, template: {...}}; a condition that depends on an unknown value is null.`);
    return EXIT.ok;
  }
  const format = (flags.format as string) ?? 'yaml';
  if (!['yaml', 'json'].includes(format)) throw new UsageError(`--format must be yaml or json, not '${format}'`);
  if (positional.length > 1) throw new UsageError('give one template file');
  const parameters: Record<string, string> = {};
  for (const p of (flags.param as string[] | undefined) ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param takes Name=Value, got '${p}'`);
    parameters[p.slice(0, eq)] = p.slice(eq + 1);
  }
  const region = flags.region as string | undefined;
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new UsageError(`--region must be a region code such as us-east-1, not '${region}'`);
  const doc = readTemplateFile(positional[0], io.cwd);
  const r = resolveTemplate(doc, { parameters, region });
  const unknown = Object.keys(parameters).filter((k) => !k.startsWith('AWS::') && !r.parameters.some((p) => p.name === k));
  for (const k of unknown) io.err(`aws-notes resolve: warning: the template has no parameter '${k}'`);
  if (format === 'json') {
    io.out(JSON.stringify({ conditions: r.conditions, template: r.template }, null, 2));
    return EXIT.ok;
  }
  const conds = Object.entries(r.conditions);
  const header = [
    `# Resolved for ${r.region}${r.parameters.length ? ' with ' + r.parameters.map((p) => `${p.name}=${p.value ?? '(no value)'}`).join(', ') : ''}`,
    ...(conds.length ? ['# Conditions:', ...conds.map(([k, v]) => `#   ${k}: ${v === null ? 'unknown' : v}`)] : []),
    ...(r.removed.resources.length ? [`# Left out (condition false): ${r.removed.resources.join(', ')}`] : []),
    ...(r.removed.outputs.length ? [`# Outputs left out: ${r.removed.outputs.join(', ')}`] : []),
  ];
  io.out(header.join('\n') + '\n' + stringify(r.template, { lineWidth: 0, aliasDuplicateObjects: false }));
  return EXIT.ok;
}
