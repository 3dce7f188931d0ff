import assert from 'node:assert/strict';
import path from 'node:path';
import { parse } from 'yaml';
import type { CliIO } from '../../server/src/cli/io';
import { main } from '../../server/src/cli/main';

const repoRoot = path.join(__dirname, '..', '..');
const good = 'test/fixtures/cfn/good.yaml';

async function run(argv: string[]) {
  const io = { stdout: '', stderr: '', cwd: repoRoot, out: (t: string) => void (io.stdout += t + '\n'), err: (t: string) => void (io.stderr += t + '\n') } satisfies CliIO & { stdout: string; stderr: string };
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('cli: aws-notes graph', () => {
  it('prints {nodes, edges} as JSON, from being the one that refers', async () => {
    const r = await run(['graph', good, '--format', 'json']);
    assert.equal(r.code, 0);
    const g = JSON.parse(r.stdout);
    assert.deepEqual(g.nodes, [
      { id: 'Env', type: 'String', kind: 'parameter' },
      { id: 'Queue', type: 'AWS::SQS::Queue', kind: 'resource' },
      { id: 'Table', type: 'AWS::DynamoDB::Table', kind: 'resource' },
      { id: 'Topic', type: 'AWS::SNS::Topic', kind: 'resource' },
      { id: 'QueueArn', type: 'Output', kind: 'output' },
      { id: 'TopicArn', type: 'Output', kind: 'output' },
    ]);
    assert.deepEqual(g.edges, [
      { from: 'Queue', to: 'Env', kind: 'sub' },
      { from: 'Topic', to: 'Env', kind: 'ref' },
      { from: 'QueueArn', to: 'Queue', kind: 'getatt' },
      { from: 'TopicArn', to: 'Topic', kind: 'ref' },
    ]);
  });

  it('prints Mermaid by default and DOT on request', async () => {
    const m = await run(['graph', good]);
    assert.equal(m.code, 0);
    assert.match(m.stdout, /^flowchart LR\n/);
    assert.match(m.stdout, /o_QueueArn ==> r_Queue/);
    const d = await run(['graph', '--format=dot', good]);
    assert.match(d.stdout, /"TopicArn" -> "Topic";/);
  });

  it('exits 2 on a bad format, a missing file or a file that is not a template', async () => {
    assert.equal((await run(['graph', good, '--format', 'svg'])).code, 2);
    const missing = await run(['graph', 'nope.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.yaml: no such file/);
    const other = await run(['graph', 'test/fixtures/other/docker-compose.yml']);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /not a CloudFormation or SAM template/);
  });
});

describe('cli: aws-notes resolve', () => {
  it('prints {conditions, template} as JSON with the false-condition resources removed', async () => {
    const r = await run(['resolve', good, '--format', 'json']);
    assert.equal(r.code, 0);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['conditions', 'template']);
    assert.deepEqual(out.conditions, { IsProd: false });
    assert.deepEqual(Object.keys(out.template.Resources), ['Queue', 'Topic']);
    assert.deepEqual(out.template.Resources.Topic.Properties, { Tags: [{ Key: 'size', Value: 't3.micro' }] });
    assert.equal(out.template.Resources.Queue.Properties.QueueName, '{{AWS::StackName}}-dev-queue');
  });

  it('takes --param and --region, and prints YAML with the conditions listed by default', async () => {
    const r = await run(['resolve', good, '--param', 'Env=prod', '--param', 'AWS::StackName=demo', '--region', 'eu-west-1']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /# Resolved for eu-west-1 with Env=prod/);
    assert.match(r.stdout, /#   IsProd: true/);
    const t = parse(r.stdout);
    assert.deepEqual(Object.keys(t.Resources), ['Queue', 'Table', 'Topic']);
    assert.equal(t.Resources.Queue.Properties.QueueName, 'demo-prod-queue');
    assert.equal(t.Resources.Topic.Properties.DisplayName, 'Production');
    assert.equal(t.Outputs.QueueArn.Value, '{{Queue.Arn}}');
  });

  it('warns about parameters the template does not have and rejects bad usage with exit 2', async () => {
    const r = await run(['resolve', good, '--param', 'Stage=x']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /no parameter 'Stage'/);
    assert.equal((await run(['resolve', good, '--param', 'novalue'])).code, 2);
    assert.equal((await run(['resolve', good, '--region', 'Mars'])).code, 2);
    assert.equal((await run(['resolve', good, '--format', 'xml'])).code, 2);
    assert.equal((await run(['resolve'])).code, 2);
  });
});
