import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { KnowledgeBase, loadKnowledge, lookupTerm, normalizeKey, searchKnowledge } from '../../server/src/core/knowledge';
import { explain } from '../../server/src/core/explain';

const dataDir = path.join(__dirname, '..', '..', 'server', 'src', 'core', 'knowledge', 'data');

describe('knowledge base', () => {
  const kb = loadKnowledge();

  it('loads entries with the required fields and unique ids', () => {
    assert.ok(kb.entries.length > 150, `only ${kb.entries.length} entries`);
    const ids = new Set<string>();
    for (const e of kb.entries) {
      assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
      ids.add(e.id);
      assert.match(e.id, /^[a-z0-9][a-z0-9._-]*$/);
      assert.ok(e.title.trim(), `${e.id} has no title`);
      assert.ok(e.summary.trim(), `${e.id} has no summary`);
      assert.ok(Array.isArray(e.facts) && Array.isArray(e.aliases));
      for (const r of e.related) assert.ok(kb.get(r), `${e.id} relates to unknown ${r}`);
    }
  });

  it('keeps summaries short and renders no raw HTML', () => {
    for (const e of kb.entries) {
      assert.ok(e.summary.length <= 600, `${e.id} summary is ${e.summary.length} chars`);
      const md = explain(e.id).markdown;
      assert.doesNotMatch(md, /(^|[^\\])<[A-Za-z/!]/, `${e.id} renders raw HTML`);
    }
  });

  it('has one data file per required service or topic', () => {
    const files = fs.readdirSync(dataDir);
    for (const name of [
      'vpc', 'vpc-routing', 'security-groups-nacls', 'ec2', 'ebs', 'efs', 'elb', 'autoscaling', 's3', 'iam', 'sts',
      'kms', 'cognito', 'lambda', 'apigateway', 'dynamodb', 'sqs', 'sns', 'kinesis', 'stepfunctions', 'elasticache',
      'rds', 'cloudfront', 'route53', 'cloudwatch', 'cloudtrail', 'codedeploy', 'codebuild', 'cloudformation', 'sam',
    ]) {
      assert.ok(files.includes(`${name}.yaml`), `missing ${name}.yaml`);
    }
  });

  it('resolves every alias back to an entry that lists it (build and runtime agree)', () => {
    for (const e of kb.entries) {
      for (const a of e.aliases) {
        const hit = kb.lookup(a);
        assert.ok(hit, `alias ${a} of ${e.id} does not resolve`);
        const same = hit.aliases.some((x) => normalizeKey(x) === normalizeKey(a)) || normalizeKey(hit.id) === normalizeKey(a);
        assert.ok(same, `alias ${a} of ${e.id} resolves to ${hit.id}`);
      }
    }
  });

  it('treats !GetAtt, Fn::GetAtt and GetAtt alike, case-insensitively', () => {
    for (const t of ['!GetAtt', 'Fn::GetAtt', 'GetAtt', 'fn::getatt', '"Fn::GetAtt"', 'Fn::GetAtt:']) {
      assert.equal(lookupTerm(t)?.id, 'cfn.fn-getatt', t);
    }
    assert.equal(lookupTerm('!Ref')?.id, 'cfn.ref');
    assert.equal(lookupTerm('!Sub')?.id, 'cfn.fn-sub');
    assert.equal(lookupTerm('!Condition')?.id, 'cfn.condition');
    // Plain English words are not intrinsics.
    assert.notEqual(lookupTerm('if')?.id, 'cfn.fn-if');
    assert.equal(lookupTerm('!If')?.id, 'cfn.fn-if');
  });

  it('knows every intrinsic function and pseudo parameter', () => {
    const intrinsics = [
      'Ref', 'Fn::Base64', 'Fn::Cidr', 'Fn::FindInMap', 'Fn::ForEach', 'Fn::GetAtt', 'Fn::GetAZs', 'Fn::ImportValue',
      'Fn::Join', 'Fn::Length', 'Fn::Select', 'Fn::Split', 'Fn::Sub', 'Fn::ToJsonString', 'Fn::Transform', 'Fn::And',
      'Fn::Equals', 'Fn::If', 'Fn::Not', 'Fn::Or', 'Condition', 'Fn::Contains', 'Fn::EachMemberEquals',
      'Fn::EachMemberIn', 'Fn::RefAll', 'Fn::ValueOf', 'Fn::ValueOfAll',
    ];
    for (const fn of intrinsics) assert.ok(lookupTerm(fn), fn);
    for (const p of ['AccountId', 'NotificationARNs', 'NoValue', 'Partition', 'Region', 'StackId', 'StackName', 'URLSuffix']) {
      assert.equal(lookupTerm(`AWS::${p}`)?.id.startsWith('cfn.pseudo'), true, p);
      assert.equal(lookupTerm(`\${AWS::${p}}`)?.id, lookupTerm(`AWS::${p}`)?.id);
    }
  });

  it('knows template sections, resource attributes, hooks and phases', () => {
    for (const s of ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs'])
      assert.match(lookupTerm(s)!.id, /^cfn\.section\./, s);
    for (const a of ['DeletionPolicy', 'UpdateReplacePolicy', 'DependsOn', 'CreationPolicy', 'UpdatePolicy']) assert.ok(lookupTerm(a), a);
    for (const h of [
      'ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService',
      'BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic',
      'AfterAllowTestTraffic',
    ])
      assert.match(lookupTerm(h)!.id, /^codedeploy\.hook\./, h);
    for (const p of ['install', 'pre_build', 'build', 'post_build']) assert.match(lookupTerm(p)!.id, /^codebuild\.phase\./, p);
    // Same word, different letter case: CodeDeploy's Install event vs CodeBuild's install phase.
    assert.equal(lookupTerm('Install')?.id, 'codedeploy.hook.install');
    assert.equal(lookupTerm('install')?.id, 'codebuild.phase.install');
  });

  it('maps resource types, acronyms and property names to entries', () => {
    const cases: [string, string][] = [
      ['AWS::SQS::Queue', 'sqs'],
      ['aws::sqs::queue', 'sqs'],
      ['AWS::DynamoDB::Table', 'dynamodb'],
      ['VisibilityTimeout', 'sqs.visibility-timeout'],
      ['visibility timeout', 'sqs.visibility-timeout'],
      ['RCU', 'dynamodb.rcu'],
      ['read capacity units', 'dynamodb.rcu'],
      ['ReadCapacityUnits', 'dynamodb.rcu'],
      ['NACL', 'vpc.nacl'],
      ['network ACL', 'vpc.nacl'],
      ['SG', 'vpc.security-group'],
      ['security groups', 'vpc.security-group'],
      ['iam:PassRole', 'iam.passrole'],
      ['AssumeRolePolicyDocument', 'iam.trust-policy'],
      ['AWS::Serverless::Function', 'sam.function'],
      ['appspec.yml', 'codedeploy.appspec'],
      ['buildspec.yml', 'codebuild.buildspec'],
    ];
    for (const [term, id] of cases) assert.equal(lookupTerm(term)?.id, id, term);
  });

  it('falls back from qualified and unknown names to the closest known entry', () => {
    assert.equal(lookupTerm('AWS::SQS::Queue.VisibilityTimeout')?.id, 'sqs.visibility-timeout');
    assert.equal(lookupTerm('MyQueue.Arn')?.id, 'arn');
    assert.equal(lookupTerm('AWS::SQS::SomethingNew')?.id, 'sqs');
    assert.equal(lookupTerm('AWS::SQS::QueuePolicy')?.id, 'sqs.policy');
    assert.equal(lookupTerm('Custom::Thing')?.id, 'cfn.custom-resource');
    assert.equal(lookupTerm('AWS::NoSuchService::Thing'), undefined);
    assert.equal(lookupTerm(''), undefined);
    assert.equal(lookupTerm('x'.repeat(1000)), undefined);
  });

  it('uses the context to choose between entries sharing a name', () => {
    assert.equal(lookupTerm('EphemeralStorage', 'AWS::Lambda::Function')?.id, 'lambda');
    assert.equal(lookupTerm('ephemeral storage')?.id, 'ebs.instance-store');
  });

  it('finds entries by fuzzy search, including typos', () => {
    assert.equal(searchKnowledge('visiblity timeout sqs', 3)[0]?.entry.id, 'sqs.visibility-timeout');
    assert.ok(searchKnowledge('dead letter queue', 3).some((h) => h.entry.id === 'sqs.dlq'));
    assert.deepEqual(searchKnowledge('', 3), []);
  });

  it('works on a knowledge base built from other entries', () => {
    const small = new KnowledgeBase([
      { id: 'x', title: 'X', aliases: ['Thing'], summary: 's', facts: [], related: [], service: 'S', source: 'x.yaml' },
    ]);
    assert.equal(small.lookup('thing')?.id, 'x');
    assert.equal(small.lookup('other'), undefined);
  });

  it('states facts that follow current AWS documentation (notes errata)', () => {
    const text = (id: string) => {
      const e = kb.get(id)!;
      return [e.summary, ...e.facts].join(' ');
    };
    assert.match(text('sts'), /default 1 hour/);
    assert.match(text('iam.role'), /1–12 hours/);
    assert.match(text('vpc.security-group'), /Allow rules only/);
    assert.match(text('ebs.multi-attach'), /io1 and io2/);
    assert.match(text('ebs.io2'), /256,000 IOPS at 1,000 IOPS per GiB/);
    assert.match(text('kinesis'), /8,760 hours \(365 days\)/);
    assert.match(text('kinesis.firehose'), /0–900 seconds/);
    assert.match(text('lambda.async'), /at most 2 retries/);
    assert.match(text('rds.read-replica'), /Up to 15 read replicas/);
    assert.match(text('aurora'), /128 TiB/);
    assert.match(text('s3'), /Strong read-after-write consistency/);
    assert.match(text('sqs'), /1 MiB/);
    assert.match(text('sns'), /Push-based/);
    assert.match(text('codebuild.phases'), /no validation phase/);
    assert.match(text('route53.health-check'), /more than 18%/);
    assert.match(text('s3.storage-classes'), /One Zone-IA 99\.5%/);
    assert.match(text('ssm.parameter-store'), /the value, not just the name/);
    assert.match(text('s3.encryption'), /only SSE-C or client-side encryption avoid KMS/);
  });
});
