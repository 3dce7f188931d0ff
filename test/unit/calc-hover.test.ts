import assert from 'node:assert/strict';
import {
  cidrReport,
  cidrSummary,
  dynamoDbReport,
  dynamoDbUnitsReport,
  kinesisReport,
  lambdaReport,
  makePlan,
  parsePlanInput,
  planMarkdownTable,
  planReport,
  sqsFifoReport,
  validateCidrInput,
} from '../../server/src/core/calc/reports';
import { plain, reportMarkdown, type CalcReport } from '../../server/src/core/calc/report';
import { planHtml } from '../../client/src/commands/planHtml';
import { escapeHtml } from '../../client/src/commands/webviewPage';
import { runCapacity } from '../../server/src/cli/capacity';
import { runCidr } from '../../server/src/cli/cidr';
import { fakeIO } from '../cli/fakeIO';
import { analyzeCidr } from '../../server/src/core/calc';
import { parseTemplate } from '../../server/src/core/document';
import { hoverAt, type HoverResult } from '../../server/src/core/hover';
import { calcHover } from '../../server/src/core/hover/calc';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  VpcCidr:
    Type: String
    Default: 10.16.0.0/16
  Reads:
    Type: Number
    Default: 40
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Ref VpcCidr
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [2, !Cidr [!GetAtt Vpc.CidrBlock, 6, 12]]
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PROVISIONED
      KeySchema:
        - AttributeName: id
          KeyType: HASH
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      ProvisionedThroughput:
        ReadCapacityUnits: !Ref Reads
        WriteCapacityUnits: 10
  OnDemand:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema:
        - AttributeName: id
          KeyType: HASH
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
  Stream:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 4
`;

const doc = parseTemplate('file:///calc.yaml', 1, TEMPLATE);
/** Hover at the `nth` occurrence of `needle`, `into` characters in. */
function hover(needle: string, into = 1, nth = 0): HoverResult | null {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = TEMPLATE.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return hoverAt(doc, 'cfn', at + into);
}

describe('calculator hovers in CloudFormation templates', () => {
  it('a literal CIDR block: range, netmask, usable addresses and the 5 reserved ones', () => {
    const h = hover('10.16.0.0/16')!;
    assert.equal(h.term, 'CIDR block');
    assert.match(h.markdown, /\*\*CIDR 10\.16\.0\.0\/16\*\* — IPv4, private \(RFC 1918\)/);
    assert.match(h.markdown, /\| Range \| 10\.16\.0\.0 – 10\.16\.255\.255 \|/);
    assert.match(h.markdown, /\| Netmask \| 255\.255\.0\.0 \(\/16, 16 host bits\) \|/);
    assert.match(h.markdown, /65,536 total · 65,531 usable in a subnet/);
    for (const [a, why] of [['10.16.0.0', 'network address'], ['10.16.0.1', 'VPC router'], ['10.16.0.2', 'Amazon DNS'], ['10.16.0.3', 'future use'], ['10.16.255.255', 'last address']]) {
      assert.match(h.markdown, new RegExp(`\`${a.replace(/\./g, '\\.')}\` — ${why}`));
    }
  });

  it('CidrBlock: the spec hover keeps its text and gains the facts of the resolved block', () => {
    const h = hover('CidrBlock: !Ref VpcCidr')!;
    assert.equal(h.term, 'CidrBlock');
    assert.match(h.markdown, /^\*\*CidrBlock\*\* — AWS::EC2::VPC/);
    assert.match(h.markdown, /\n---\n\n\*\*CIDR 10\.16\.0\.0\/16\*\*/);
    assert.match(h.markdown, /\| From \| Default of parameter VpcCidr \(another value may be passed at deploy time\) \|/);
  });

  it('!Cidr and !Select over it: the blocks it yields, the one picked in bold, and the working', () => {
    for (const needle of ['!Cidr', '!Select', '6, 12']) {
      const h = hover(needle, 1)!;
      assert.match(h.markdown, /\*\*!Cidr \[10\.16\.0\.0\/16, 6, 12\]\*\* — 6 × \/20 blocks of 4,096 addresses, 4,091 usable in a subnet/, needle);
      assert.match(h.markdown, /\*\*!Select \[2, …\]\*\* picks block 2: \*\*10\.16\.32\.0\/20\*\* \(10\.16\.32\.0–10\.16\.47\.255 · 4,091 usable\)/);
      assert.match(h.markdown, /\| \*\*2\*\* \| \*\*10\.16\.32\.0\/20\*\* \| 10\.16\.32\.0 – 10\.16\.47\.255 \|/);
      assert.match(h.markdown, /\| 5 \| 10\.16\.80\.0\/20 \|/);
      assert.match(h.markdown, /Working:\n1\. cidrBits counts host bits: 32 − 12 = \/20/);
    }
    // The intrinsic-function doc stays first.
    assert.match(hover('!Cidr')!.markdown, /^\*\*Fn::Cidr\*\* \(intrinsic function\)/);
  });

  it('a security group range counts addresses, without subnet reservations', () => {
    const h = hover('0.0.0.0/0')!;
    assert.match(h.markdown, /\| Addresses \| 4,294,967,296 \|/);
    assert.doesNotMatch(h.markdown, /reserves/);
  });

  it('ReadCapacityUnits/WriteCapacityUnits: what the capacity buys (parameter defaults too)', () => {
    const r = hover('ReadCapacityUnits')!;
    assert.match(r.markdown, /\*\*40 RCU \(Default of parameter Reads\)\*\*/);
    assert.match(r.markdown, /- 40 RCU = 40 strong \/ 80 eventual \/ 20 transactional reads\/s \(up to 4 KB\)\n- 40 RCU = 20 strong \/ 40 eventual \/ 10 transactional reads\/s \(6 KB\)/);
    assert.match(r.markdown, /One partition serves up to 3,000 RCU/);
    const w = hover('WriteCapacityUnits')!;
    assert.match(w.markdown, /^\*\*WriteCapacityUnits\*\*/);
    assert.match(w.markdown, /\*\*10 WCU\*\* — provisioned write capacity, every second/);
    assert.match(w.markdown, /- 10 WCU = 10 standard \/ 5 transactional writes\/s \(up to 1 KB\)\n- 10 WCU = 3\.333 standard \/ 1\.667 transactional writes\/s \(2\.5 KB\)/);
  });

  it('BillingMode: on-demand and provisioned explained', () => {
    const od = hover('PAY_PER_REQUEST')!;
    assert.match(od.markdown, /On-demand capacity \(PAY_PER_REQUEST\)/);
    assert.match(od.markdown, /1 per strongly consistent read of up to 4 KB, ½ for an eventually consistent read, 2 for a transactional read/);
    assert.match(od.markdown, /double its previous traffic peak/);
    assert.match(hover('PROVISIONED')!.markdown, /Provisioned capacity \(PROVISIONED, the default\)/);
  });

  it('Kinesis ShardCount: what the shards take', () => {
    const h = hover('ShardCount')!;
    assert.match(h.markdown, /\*\*4 shards\*\*/);
    assert.match(h.markdown, /writes: 4 MB or 4,000 records/);
    assert.match(h.markdown, /reads: 8 MB shared by all standard consumers/);
  });

  it('nothing extra where there is nothing to calculate', () => {
    assert.equal(calcHover(doc, TEMPLATE.indexOf('GroupDescription') + 2), null);
    assert.equal(calcHover(doc, TEMPLATE.indexOf('AWS::Kinesis::Stream') + 2), null);
    const plain = hover('Type: AWS::DynamoDB::Table', 8)!;
    assert.doesNotMatch(plain.markdown, /---/);
  });

  it('an impossible !Cidr says why', () => {
    const t = 'Resources:\n  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: vpc-1\n      CidrBlock: !Select [0, !Cidr [10.0.0.0/24, 6, 8]]\n';
    const d = parseTemplate('file:///x.yaml', 1, t);
    const h = calcHover(d, t.indexOf('!Cidr') + 2)!;
    assert.match(h.markdown, /⚠ !Cidr \[10\.0\.0\.0\/24, 6, 8\] cannot be evaluated: count 6 is too large/);
  });

  it('one-line summaries for hints and notifications', () => {
    assert.equal(cidrSummary(analyzeCidr('10.0.0.0/20')), '10.0.0.0–10.0.15.255 · 4,091 usable');
    assert.equal(cidrSummary(analyzeCidr('10.0.0.0/20'), 'range'), '10.0.0.0–10.0.15.255 · 4,096 addresses');
    assert.equal(cidrSummary(analyzeCidr('0.0.0.0/0'), 'range'), 'any IPv4 address');
    assert.equal(cidrSummary(analyzeCidr('10.1.2.3/32'), 'range'), '10.1.2.3 only');
    assert.equal(cidrSummary(analyzeCidr('2001:db8::/64')), '2001:db8::–2001:db8::ffff:ffff:ffff:ffff · 18,446,744,073,709,551,616 addresses');
  });
});

describe('calculator reports (core: the client, CLI and hover render them)', () => {
  it('CIDR: the notification line, the report, overlap, and input validation', () => {
    const r = cidrReport('10.16.1.0/20, 10.16.8.0/24 192.168.0.0/16');
    assert.equal(
      r.summary,
      '10.16.1.0/20 has host bits set → network 10.16.0.0/20 · 10.16.0.0/20: 10.16.0.0 – 10.16.15.255 · netmask 255.255.240.0 · 4,096 addresses, 4,091 usable in AWS · VPC/subnet size valid (/16–/28) · private (RFC 1918) · overlaps 10.16.8.0/24 · no overlap with 192.168.0.0/16',
    );
    assert.match(reportMarkdown(r), /^# CIDR 10\.16\.0\.0\/20\n/);
    assert.match(reportMarkdown(r), /## AWS-reserved addresses \(every subnet\)\n\n- `10\.16\.0\.0` — network address/);
    assert.match(reportMarkdown(r), /## Working\n\n1\. /);
    assert.match(reportMarkdown(r), /### 10\.16\.8\.0\/24: overlaps \(contains\)/);
    assert.equal(validateCidrInput('10.0.0.0/16'), undefined);
    assert.match(validateCidrInput('10.0.0.300/16') ?? '', /not a valid IPv4 address/);
    assert.match(validateCidrInput('10.0.0.0/40') ?? '', /prefix \/40 is out of range/);
    assert.match(validateCidrInput('') ?? '', /Type a CIDR block/);
  });

  it('capacity reports carry the numbers and the working', () => {
    const d = dynamoDbReport({ itemSize: '6KB', reads: 100, consistency: 'strong', writes: 10 });
    assert.equal(d.summary, 'DynamoDB: 200 RCU (strongly consistent reads) · 60 WCU (standard writes) · on-demand 200 RRU/s + 60 WRU/s · 1 partition');
    assert.match(reportMarkdown(d), /100 reads\/s × 2 = 200 RCU/);
    const u = dynamoDbUnitsReport({ rcu: '10', wcu: '5', itemSize: '' });
    assert.match(u.summary, /10 RCU = 10 strong \/ 20 eventual \/ 5 transactional reads\/s \(up to 4 KB\)/);
    assert.match(kinesisReport({ recordsPerSecond: 2000, recordSize: '3KB', consumers: 3 }).summary, /^Kinesis: 9 shards \(ingest 6, egress 9; limited by reads\)$/);
    assert.match(sqsFifoReport({ messagesPerSecond: 2000, batchSize: 10 }).summary, /200 calls\/s per action at batch 10: within the 300 calls\/s limit/);
    assert.match(lambdaReport({ requestsPerSecond: 100, duration: '200ms' }).summary, /^Lambda: 20 concurrent executions/);
    assert.throws(() => dynamoDbReport({ itemSize: '500KB', reads: 1 }), /exceeds DynamoDB's 400 KB item limit/);
  });

  it('VPC plan: Markdown table and an escaped webview page under a nonce CSP', () => {
    const plan = makePlan(parsePlanInput('10.16.0.0/16', 2, ['db', '<b>web|ui</b>'], 1));
    const md = planMarkdownTable(plan);
    assert.match(md, /^\| AZ \| Tier \| CIDR \| Range \| Usable \|\n\|---\|---\|---\|---\|---\|\n\| A \| db \| 10\.16\.0\.0\/19 \| 10\.16\.0\.0 – 10\.16\.31\.255 \| 8,187 \|/);
    assert.match(md, /\| A \| <b>web\\\|ui<\/b> \|/);
    assert.match(md, /\| – \| spare \| 10\.16\.128\.0\/19 \|/);
    const html = planHtml(planReport(plan), 'abc123');
    assert.match(html, /content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123';"/);
    assert.match(html, /<script nonce="abc123">/);
    assert.ok(!html.includes('<b>web'), 'tier names are escaped');
    assert.match(html, /&lt;b&gt;web\|ui&lt;\/b&gt;/);
    assert.doesNotMatch(html, /https?:\/\//);
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('one wording for a block\'s scope: the client report, the CLI and the hover agree', () => {
  const scopes: [string, string][] = [
    ['10.0.0.0/16', 'private (RFC 1918)'],
    ['8.8.8.0/24', 'public (not RFC 1918)'],
    ['2001:db8::/56', 'global IPv6'],
    ['fd00::/56', 'unique local (fc00::/7)'],
  ];
  for (const [block, scope] of scopes) {
    it(`${block}: ${scope}`, async () => {
      const report = cidrReport(block);
      assert.deepEqual(report.table?.rows.find(([k]) => k === 'Scope'), ['Scope', scope]);
      assert.ok(report.summary.endsWith(`· ${scope}`), report.summary);
      const io = fakeIO('.');
      await runCidr([block], io);
      assert.match(io.stdout, new RegExp(`Scope +${scope.replace(/[()/.]/g, '\\$&')}$`, 'm'));
      const text = `Resources:\n  R:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      CidrIp${block.includes(':') ? 'v6' : ''}: ${block}\n`;
      const h = hoverAt(parseTemplate('t.yaml', 1, text), 'cfn', text.indexOf(block) + 2)!;
      assert.ok(h.markdown.includes(`, ${scope}`), h.markdown);
    });
  }
});

describe('one report, three renderings: the CLI text, the hover card and the client\'s report show the same facts', () => {
  const cli = async (cmd: typeof runCidr, argv: string[]) => {
    const io = fakeIO('.');
    await cmd(argv, io);
    return io.stdout;
  };
  const subnetHover = (block: string) => {
    const text = `Resources:\n  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: vpc-1\n      CidrBlock: ${block}\n`;
    return hoverAt(parseTemplate('t.yaml', 1, text), 'cfn', text.indexOf(block) + 2)!.markdown;
  };
  /** Every fact of the report: its lead, each row of its table and each line of its sections (the working is long-form only). */
  const facts = (r: CalcReport, withDetail: boolean) => [
    r.lead!,
    ...r.table!.rows.map(([k, v]) => [k, v]).flat(),
    ...r.sections.filter((s) => withDetail || !s.detail).flatMap((s) => s.items),
  ];

  for (const block of ['10.0.0.0/16', '8.8.8.0/24', '10.16.1.0/20', '2001:db8::/56', 'fd00::/56', '2600:1f14::/64']) {
    it(block, async () => {
      const report = cidrReport(block);
      const [text, hoverMd, clientMd] = [await cli(runCidr, [block]), subnetHover(block), reportMarkdown(report)];
      for (const f of facts(report, true)) {
        assert.ok(text.includes(plain(f)), `CLI lacks "${plain(f)}":\n${text}`);
        assert.ok(clientMd.includes(f), `client report lacks "${f}"`);
      }
      for (const f of facts(report, false)) assert.ok(hoverMd.includes(f), `hover lacks "${f}":\n${hoverMd}`);
      assert.equal(text.split('\n')[0], plain(`${report.heading} — ${report.lead}`));
      assert.ok(hoverMd.includes(`\n---\n\n**${report.heading}** — ${report.lead}`), hoverMd);
    });
  }

  it('what DynamoDB units buy: the hover card and `aws-notes capacity dynamodb --rcu/--wcu` print the same lines', async () => {
    for (const [key, flag, value] of [['ReadCapacityUnits', '--rcu', '40'], ['WriteCapacityUnits', '--wcu', '10']]) {
      const text = `Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      ProvisionedThroughput:\n        ${key}: ${value}\n`;
      const hoverMd = calcHover(parseTemplate('t.yaml', 1, text), text.indexOf(key) + 2)!.markdown;
      const cliText = await cli(runCapacity, ['dynamodb', flag, value]);
      const line = cliText.split('\n').find((l) => l.startsWith(`${value} ${flag.slice(2).toUpperCase()} =`));
      assert.ok(line && hoverMd.includes(`- ${line}\n`), `${flag}: ${line}\n${hoverMd}`);
    }
  });

  it('a VPC plan: the CLI table and the webview page show the rows of the plan\'s report', async () => {
    const plan = makePlan(parsePlanInput('10.16.0.0/16', 2, ['public', 'private'], 1));
    const report = planReport(plan);
    const text = await cli(runCidr, ['10.16.0.0/16', '--azs', '2', '--tiers', 'public,private', '--spare', '1']);
    const html = planHtml(report, 'n');
    for (const row of report.table!.rows) {
      assert.match(text, new RegExp(`^  ${row.map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s+')}$`, 'm'), row.join(' '));
      assert.ok(html.includes(row.map((c) => `<td${/^[\d,]+$/.test(c) ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')), row.join(' '));
    }
    for (const step of plan.steps) assert.ok(text.includes(step) && html.includes(escapeHtml(step)), step);
  });
});
