import fc from 'fast-check';
import { hostileText } from '../helpers/hostile';
import { mutationArb } from '../fuzz';

/** One unit of fuzz work: `runs` inputs drawn from one generator with one seed (reproducible). */
export interface FuzzJob {
  id: number;
  kind: 'mutate' | 'hostile' | 'random' | 'structured' | 'deep';
  /** Base file for mutate and hostile jobs. */
  file?: string;
  seed: number;
  runs: number;
}

const KEYS = ['AWSTemplateFormatVersion', 'Resources', 'Parameters', 'Outputs', 'Conditions', 'Mappings', 'Transform', 'Type', 'Properties', 'Value', 'Default', 'AllowedPattern', 'DependsOn', 'Condition', 'version', 'phases', 'hooks', 'Hooks', 'files', 'commands', 'CidrBlock', 'Events', 'Runtime'];
const VALUES = ['AWS::SQS::Queue', 'AWS::Serverless::Function', 'AWS::EC2::VPC', 'AWS::S3::Bucket', '10.0.0.0/16', '2010-09-09', 'AWS::Serverless-2016-10-31', '0.0', '0.2', 'String', 'python3.12', '!Ref Q', '!GetAtt Q.Arn', '!Sub "${Q}-${AWS::Region}"', '!If [C, a, b]', 'Fn::Sub', '${!x}', '', '~', 'null', 'yes', '0o17', '1e400', '"\\u0000"'];

/** Random YAML made of template vocabulary: shapes no mutation of a real file reaches. */
function structuredArb(): fc.Arbitrary<string> {
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom(...VALUES), tie('map'), tie('seq')),
    map: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), tie('tree')), { maxLength: 5 }),
    seq: fc.array(tie('tree'), { maxLength: 4 }),
  }));
  const render = (v: unknown, indent: number): string => {
    const pad = ' '.repeat(indent);
    if (typeof v === 'string') return ' ' + v;
    if (!Array.isArray(v) || v.length === 0) return ' {}';
    if (Array.isArray(v[0]) && v[0].length === 2 && typeof v[0][0] === 'string') {
      return '\n' + (v as [string, unknown][]).map(([k, x]) => `${pad}${k}:${render(x, indent + 2)}`).join('\n');
    }
    return '\n' + v.map((x) => `${pad}-${render(x, indent + 2)}`).join('\n');
  };
  return fc.tuple(tree, fc.boolean()).map(([t, json]) => (json ? JSON.stringify(t) : render(t, 0).replace(/^\n/, '') + '\n'));
}

/** Very deep nesting of every kind the parsers recurse on. */
function deepArb(): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 400, max: 4000 }), fc.constantFrom('- ', '[', '{"a":', '{a: ', 'indent', 'indentMap')).map(([n, open]) => {
    const head = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n';
    if (open === 'indent') return head + Array.from({ length: Math.min(n, 700) }, (_, i) => ' '.repeat(8 + i) + '- ').join('\n') + 'x\n';
    if (open === 'indentMap') return head + Array.from({ length: Math.min(n, 700) }, (_, i) => ' '.repeat(8 + i) + 'k:').join('\n') + ' x\n';
    if (open === '{"a":') return '{"Resources":' + open.repeat(n) + '1' + '}'.repeat(n + 1);
    const close = open === '[' ? ']' : open === '{a: ' ? '}' : '';
    return head + '        ' + open.repeat(n) + 'x' + close.repeat(n) + '\n';
  });
}

/** Backtracking bait placed where user text goes: values, Sub strings, patterns, comments, keys. */
function hostileArb(base: string): fc.Arbitrary<string> {
  const lines = base.split('\n');
  return fc.tuple(fc.nat({ max: Math.max(0, lines.length - 1) }), hostileText([], 8_000), fc.constantFrom('', 'Description: ', 'Value: !Sub "', '    AllowedPattern: "(a+)+$"\n    Default: "', '# ', 'Properties: !If', '- ', '"', "'", 'Key', '!GetAtt ')).map(
    ([i, bait, lead]) => [...lines.slice(0, i), lead + bait, ...lines.slice(i)].join('\n'),
  );
}

export function arbitraryFor(job: FuzzJob, base?: string): fc.Arbitrary<string> {
  switch (job.kind) {
    case 'mutate':
      return mutationArb(base ?? '');
    case 'hostile':
      return hostileArb(base ?? '');
    case 'random':
      return fc.oneof(fc.string({ maxLength: 400, unit: 'binary' }), fc.string({ maxLength: 400, unit: fc.constantFrom(...'{}[]:-#"\'!&*|>? \n\tAWS:$'.split('')) }));
    case 'structured':
      return structuredArb();
    case 'deep':
      return deepArb();
  }
}

/** The inputs of one job, in order (input k of a job is always the same text). */
export function inputsOf(job: FuzzJob, base?: string): string[] {
  return fc.sample(arbitraryFor(job, base), { seed: job.seed, numRuns: job.runs });
}
