import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createLanguageService } from '../../server/src/core';
import { parseTemplate } from '../../server/src/core/document';
import { NotesIndex } from '../../server/src/core/notes';
import { checkSettings, serviceSettings } from '../../server/src/workspace';
import { lintDocument } from '../../server/src/core/lint';
import { applyFirstFix, lint, PRACTICE_CODES, tpl } from './helpers';

/** Best-practice codes a template gets (and only those). */
const bp = (text: string) => lint(text, { bestPractices: true }).findings.filter((f) => f.code.startsWith('BP')).map((f) => f.code);
const only = (code: string, text: string) => bp(text).filter((c) => c === code);

/** Each check: a template it must flag, and one it must pass (usually the same resource done right). */
const CASES: { code: string; fail: string; pass: string }[] = [
  {
    code: 'BP1001',
    fail: tpl(`  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
  Rdp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: sg-1, IpProtocol: tcp, FromPort: 3000, ToPort: 4000, CidrIpv6: ::/0}
`),
    pass: tpl(`  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 203.0.113.0/24}
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref AdminCidr}
`),
  },
  {
    code: 'BP1002',
    fail: tpl(`  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: "-1", CidrIp: 0.0.0.0/0}
        - {IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIpv6: ::/0}
`),
    pass: tpl(`  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: "-1", CidrIp: 10.0.0.0/8}
`),
  },
  {
    code: 'BP1003',
    fail: tpl(`  B:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BucketEncryption: {ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]}
`),
    pass: tpl(`  B:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BucketEncryption: {ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]}
      PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}
`),
  },
  {
    code: 'BP1004',
    fail: tpl(`  B:
    Type: AWS::S3::Bucket
`),
    pass: tpl(`  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption: {ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}}]}
`),
  },
  {
    code: 'BP1005',
    fail: tpl(`  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: b
      PolicyDocument:
        Statement:
          - {Effect: Allow, Principal: "*", Action: s3:GetObject, Resource: arn:aws:s3:::b/*}
          - {Effect: Allow, Principal: {AWS: ["*"]}, Action: s3:PutObject, Resource: arn:aws:s3:::b/*}
`),
    pass: tpl(`  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: b
      PolicyDocument:
        Statement:
          - {Effect: Allow, Principal: "*", Action: s3:GetObject, Resource: arn:aws:s3:::b/*, Condition: {StringEquals: {aws:SourceVpce: vpce-1}}}
          - {Effect: Deny, Principal: "*", Action: "s3:*", Resource: arn:aws:s3:::b/*}
          - {Effect: Allow, Principal: {AWS: arn:aws:iam::123456789012:root}, Action: s3:GetObject, Resource: arn:aws:s3:::b/*}
`),
  },
  {
    code: 'BP1006',
    fail: tpl(`  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
      Policies:
        - PolicyName: admin
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: "*"
                Resource: "*"
`),
    pass: tpl(`  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {AWS: "*"}, Action: "*"}]
      Policies:
        - PolicyName: scoped
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: "s3:*", Resource: "*"}
              - {Effect: Allow, Action: "*", Resource: arn:aws:s3:::b}
              - {Effect: Deny, Action: "*", Resource: "*"}
`),
  },
  {
    code: 'BP1007',
    fail: tpl(`  T:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    Properties: {BillingMode: PAY_PER_REQUEST, AttributeDefinitions: [{AttributeName: id, AttributeType: S}], KeySchema: [{AttributeName: id, KeyType: HASH}]}
`),
    pass: tpl(`  T:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Snapshot
    Properties: {BillingMode: PAY_PER_REQUEST, AttributeDefinitions: [{AttributeName: id, AttributeType: S}], KeySchema: [{AttributeName: id, KeyType: HASH}]}
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBInstanceClass: db.t3.micro, AllocatedStorage: "20", MultiAZ: true, StorageEncrypted: true}
`),
  },
  {
    code: 'BP1008',
    fail: tpl(`  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: "20", StorageEncrypted: true, MultiAZ: false}
`),
    pass: tpl(`  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: "20", StorageEncrypted: true, MultiAZ: !Ref IsProd}
  Aurora:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: aurora-mysql, DBClusterIdentifier: c, DBInstanceClass: db.r6g.large}
`),
  },
  {
    code: 'BP1009',
    fail: tpl(`  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBInstanceClass: db.t3.micro, AllocatedStorage: "20", MultiAZ: true, StorageEncrypted: true, BackupRetentionPeriod: "0"}
`),
    pass: tpl(`  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBInstanceClass: db.t3.micro, AllocatedStorage: "20", MultiAZ: true, StorageEncrypted: true, BackupRetentionPeriod: 7}
`),
  },
  {
    code: 'BP1010',
    fail: tpl(`  V:
    Type: AWS::EC2::Volume
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties: {AvailabilityZone: us-east-1a, Size: 10}
`),
    pass: tpl(`  V:
    Type: AWS::EC2::Volume
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties: {AvailabilityZone: us-east-1a, Size: 10, Encrypted: true}
  FromSnapshot:
    Type: AWS::EC2::Volume
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties: {AvailabilityZone: us-east-1a, SnapshotId: snap-1}
`),
  },
  {
    code: 'BP1011',
    fail: tpl(`  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBInstanceClass: db.t3.micro, AllocatedStorage: "20", MultiAZ: true}
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: {Engine: aurora-postgresql, StorageEncrypted: false}
`),
    pass: tpl(`  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBInstanceClass: db.t3.micro, AllocatedStorage: "20", MultiAZ: true, StorageEncrypted: "true"}
  Replica:
    Type: AWS::RDS::DBInstance
    Properties: {SourceDBInstanceIdentifier: !Ref Db, DBInstanceClass: db.t3.micro}
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: {Engine: aurora-postgresql, KmsKeyId: alias/db}
`),
  },
  {
    code: 'BP1012',
    fail: tpl(`  Fn:
    Type: AWS::Lambda::Function
    Properties: {Handler: a.b, Runtime: python3.12, Role: arn:aws:iam::123456789012:role/r, Code: {ZipFile: x}}
  Other:
    Type: AWS::Lambda::Function
    Properties: {Handler: a.b, Runtime: python3.12, Role: arn:aws:iam::123456789012:role/r, Code: {ZipFile: x}}
  OtherLogs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties: {LogGroupName: !Sub "/aws/lambda/\${Other}"}
`),
    pass: tpl(`  Fn:
    Type: AWS::Lambda::Function
    Properties: {FunctionName: orders, Handler: a.b, Runtime: python3.12, Role: arn:aws:iam::123456789012:role/r, Code: {ZipFile: x}}
  FnLogs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties: {LogGroupName: /aws/lambda/orders, RetentionInDays: 14}
  Custom:
    Type: AWS::Lambda::Function
    Properties: {Handler: a.b, Runtime: python3.12, Role: arn:aws:iam::123456789012:role/r, Code: {ZipFile: x}, LoggingConfig: {LogGroup: shared}}
`),
  },
  {
    code: 'BP1013',
    fail: tpl(`  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
`),
    pass: tpl(`  Trail:
    Type: AWS::CloudTrail::Trail
    Properties: {IsLogging: true, S3BucketName: logs, EnableLogFileValidation: true}
`),
  },
];

describe('best-practice checks (BP1xxx)', () => {
  for (const c of CASES) {
    it(`${c.code} flags the failing fixture and passes the good one, as a warning`, () => {
      const found = lint(c.fail, { bestPractices: true }).findings.filter((f) => f.code === c.code);
      assert.ok(found.length > 0, `${c.code} did not fire: ${bp(c.fail)}`);
      for (const f of found) {
        assert.equal(f.severity, 'warning');
        assert.ok(f.end > f.start && f.end - f.start < 60, `range too wide: ${c.fail.slice(f.start, f.end)}`);
        assert.match(f.message, /\.\s|\.$/); // says the risk, then what to do
      }
      assert.deepEqual(only(c.code, c.pass), [], c.pass);
    });
  }

  it('every BP code has a case here', () => {
    assert.deepEqual(CASES.map((c) => c.code), PRACTICE_CODES);
  });

  it('flags each offending rule once, on the smallest token', () => {
    const t = CASES.find((c) => c.code === 'BP1001')!.fail;
    const found = lint(t, { bestPractices: true }).findings.filter((f) => f.code === 'BP1001');
    assert.deepEqual(found.map((f) => t.slice(f.start, f.end)), ['0.0.0.0/0', '::/0']);
    assert.match(found[0].message, /SSH \(port 22\)/);
    assert.match(found[1].message, /RDP \(port 3389\)/);
  });

  it('fixes add the missing setting where the fix is certain', () => {
    const stateful = applyFirstFix(CASES.find((c) => c.code === 'BP1007')!.fail, 'BP1007', 0, { bestPractices: true });
    assert.match(stateful, /Type: AWS::DynamoDB::Table\n    UpdateReplacePolicy: Retain\n    DeletionPolicy: Retain\n/);
    assert.deepEqual(only('BP1007', stateful), []);
    const trail = applyFirstFix(CASES.find((c) => c.code === 'BP1013')!.fail, 'BP1013', 0, { bestPractices: true });
    assert.deepEqual(only('BP1013', trail), []);
    const bucket = applyFirstFix(CASES.find((c) => c.code === 'BP1004')!.fail, 'BP1004', 0, { bestPractices: true });
    assert.match(bucket, /Properties: \{BucketEncryption: /);
    assert.deepEqual(only('BP1004', bucket), []);
    const rds = applyFirstFix(CASES.find((c) => c.code === 'BP1008')!.fail, 'BP1008', 0, { bestPractices: true });
    assert.match(rds, /MultiAZ: true\}/);
  });

  it('honours cfn-nag, checkov and cfn-guard Metadata suppressions for the matching code only', () => {
    const sg = (meta: string) => tpl(`  Sg:
    Type: AWS::EC2::SecurityGroup
    Metadata:
${meta}
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: y
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
`);
    assert.deepEqual(only('BP1001', sg('      cfn_nag:\n        rules_to_suppress:\n          - {id: W2, reason: bastion}')), ['BP1001']);
    assert.deepEqual(only('BP1001', sg('      checkov:\n        skip:\n          - id: CKV_AWS_24\n            comment: bastion')), ['BP1001']);
    assert.deepEqual(only('BP1001', sg('      guard:\n        SuppressedRules: [INCOMING_SSH_DISABLED]')), ['BP1001']);
    // Another tool's id for another concern does not silence it.
    assert.deepEqual(only('BP1001', sg('      cfn_nag:\n        rules_to_suppress:\n          - {id: F1000}')), ['BP1001', 'BP1001']);
    assert.deepEqual(only('BP1001', sg('      checkov:\n        skip:\n          - id: CKV_AWS_19')), ['BP1001', 'BP1001']);
    // Our own comments work as for every finding.
    assert.deepEqual(only('BP1001', `# aws-notes-disable BP1001\n${sg('      x: 1')}`), []);
  });

  it('is switched off per code by the disabled list (setting awsNotes.bestPractices)', () => {
    const t = CASES.find((c) => c.code === 'BP1004')!.fail;
    const doc = parseTemplate('file:///t.yaml', 1, t);
    const codes = (disabled: string[]) => lintDocument(doc, { fileName: 't.yaml', disabled }).findings.map((f) => f.code).filter((c) => c.startsWith('BP'));
    assert.deepEqual(codes([]), ['BP1003', 'BP1004', 'BP1007']);
    assert.deepEqual(codes(['BP1004']), ['BP1003', 'BP1007']);
  });

  it('each code is a switch in the extension settings, and false there disables it in the service', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties['awsNotes.bestPractices'].properties;
    assert.deepEqual(Object.keys(props), PRACTICE_CODES);
    assert.ok(Object.values(props).every((p) => (p as { default: unknown }).default === true));
    const settings = serviceSettings(checkSettings({ bestPractices: { BP1004: false, BP1003: true } }).settings);
    assert.deepEqual(settings.disabled, ['BP1004']);
    const odd = checkSettings({ bestPractices: { BP1001: 'off', BP1002: false } });
    assert.deepEqual(odd.settings.bestPractices, { BP1002: false });
    assert.match(odd.problems.join(), /awsNotes\.bestPractices\.BP1001 is the text "off", but it must be true or false/);
    const service = createLanguageService({ settings, incremental: false });
    const file = { uri: 'file:///t.yaml', version: 1, getText: () => CASES.find((c) => c.code === 'BP1004')!.fail };
    assert.deepEqual(service.lint(file).findings.map((f) => f.code), ['BP1003', 'BP1007']);
  });

  it('the hover on a flagged token explains the concern from the notes', () => {
    const notes = new NotesIndex();
    notes.addFile('/n/net.md', '# Security groups\n\nNever leave SSH (port 22) or RDP open to the internet (0.0.0.0/0); use a bastion or Session Manager.\n');
    const service = createLanguageService({ notes, incremental: false });
    const text = CASES.find((c) => c.code === 'BP1001')!.fail;
    const file = { uri: 'file:///t.yaml', version: 1, getText: () => text };
    const h = service.explainAt(file, text.indexOf('0.0.0.0/0') + 2);
    assert.ok(h);
    assert.match(h.markdown, /\*\*BP1001\*\* · SSH or RDP open to the internet/);
    assert.match(h.markdown, /Never leave SSH \(port 22\)/);
    // Without notes (or knowledge) on the concern, the hover is what it was.
    const bare = createLanguageService({ notes: new NotesIndex(), incremental: false }).explainAt(file, text.indexOf('0.0.0.0/0') + 2);
    assert.doesNotMatch(bare?.markdown ?? '', /BP1001/);
  });

  it('stays silent on values only known at deploy time and on templates with other macros', () => {
    assert.deepEqual(bp(tpl(`  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress: !If [Open, [{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}], !Ref AWS::NoValue]
  V:
    Type: AWS::EC2::Volume
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties: {AvailabilityZone: a, Size: 1, Encrypted: !Ref Enc}
`)), []);
    assert.deepEqual(bp(`Transform: MyMacro\n${CASES.find((c) => c.code === 'BP1004')!.fail}`), []);
  });
});
