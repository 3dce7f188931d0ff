/**
 * The calculators' answers as report objects (see report.ts): CIDR blocks, VPC plans and capacity.
 * The client shows them, the CLI prints them and hovers quote them; none of them builds its own text.
 */
import { analyzeCidr, cidrOverlap, cidrScope, planVpcSubnets, RESERVED_PURPOSES_V4, RESERVED_PURPOSES_V6, type CidrInfo, type VpcPlan, type VpcPlanInput } from './cidr';
import { dynamoDbCapacity, dynamoDbUnitsBuy, type DynamoDbCapacity, type DynamoDbUnitsBuy, type RatePer, type ReadConsistency, type WriteMode } from './dynamodb';
import { kinesisShards, type FanOut, type KinesisShards } from './kinesis';
import { lambdaConcurrency, parseDurationSeconds, type LambdaConcurrency } from './lambda';
import { markdownTable, standardSections, type CalcReport } from './report';
import { sqsFifoThroughput, type SqsFifoThroughput } from './sqs';
import { CalcError, fmt, parseNumber } from './util';

const count = (exact: string) => fmt(BigInt(exact));

// ---------------------------------------------------------------------------------------------
// CIDR

/** The blocks typed in one input: the first is analysed, the rest are checked for overlap with it. */
export function splitCidrInput(input: string): string[] {
  return input.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

/** Validation message for a CIDR input box, or undefined when it is fine. */
export function validateCidrInput(input: string): string | undefined {
  const parts = splitCidrInput(input);
  if (!parts.length) return 'Type a CIDR block such as 10.16.0.0/16 or 2001:db8::/56';
  for (const p of parts) {
    try {
      analyzeCidr(p);
    } catch (e) {
      return e instanceof CalcError ? e.message : String(e);
    }
  }
  return undefined;
}

/** What AWS reserves in a subnet of this block, one line per address. */
export function reservedAddresses(info: CidrInfo): string[] {
  const purposes: readonly string[] = info.version === 4 ? RESERVED_PURPOSES_V4 : RESERVED_PURPOSES_V6;
  return info.reserved.map((a, i) => `\`${a}\` — ${i === info.reserved.length - 1 && BigInt(info.totalAddressesExact) > 4n ? purposes[4] : purposes[i]}`);
}

/** Everything about a block (and its overlap with any others typed after it). Throws CalcError. */
export function cidrReport(input: string): CalcReport & { info: CidrInfo } {
  const [first, ...others] = splitCidrInput(input);
  if (!first) throw new CalcError('type a CIDR block such as 10.16.0.0/16');
  const info = analyzeCidr(first);
  const overlaps = others.map((o) => cidrOverlap(info.cidr, o));
  const usable = count(info.usableAddressesExact);
  const total = count(info.totalAddressesExact);
  const size = info.version === 4 ? (info.validSubnet ? 'valid VPC/subnet size' : 'not a valid VPC/subnet size (/16–/28)') : `${info.validVpc ? 'valid' : 'not valid'} as a VPC block, ${info.validSubnet ? 'valid' : 'not valid'} as a subnet`;
  const parts = [`${info.cidr}: ${info.network} – ${info.lastAddress}`, `netmask ${info.netmask}`, `${total} addresses, ${usable} usable in AWS`, size, cidrScope(info)];
  if (!info.aligned) parts.unshift(`${info.input} has host bits set → network ${info.cidr}`);
  for (const o of overlaps) parts.push(o.overlap ? `overlaps ${o.b}` : `no overlap with ${o.b}`);
  const rows = [
    ['Network', info.network],
    ['Last address', info.lastAddress],
    ['Prefix', `/${info.prefix} (${info.hostBits} host bits)`],
    ['Netmask', info.netmask],
    ['Total addresses', total],
    ['Usable in AWS', `${usable} (total − 5 reserved)`],
    ['Usable range', info.firstUsable ? `${info.firstUsable} – ${info.lastUsable}` : 'none'],
    ['Valid VPC block', info.validVpc ? 'yes' : 'no'],
    ['Valid subnet block', info.validSubnet ? 'yes' : 'no'],
    ['Scope', cidrScope(info)],
  ];
  const [, working, warnings] = standardSections(info.steps, info.warnings);
  return {
    title: `CIDR ${info.cidr}`,
    heading: `CIDR ${info.cidr}`,
    summary: parts.join(' · '),
    note: info.aligned ? undefined : `You typed ${info.input}, which has host bits set; the network is **${info.cidr}**.`,
    table: { header: ['', ''], rows },
    sections: [
      { title: 'AWS-reserved addresses (every subnet)', items: reservedAddresses(info) },
      working,
      warnings,
      { title: 'Overlap', items: [], groups: overlaps.map((o) => ({ title: `${o.b}: ${o.overlap ? `overlaps (${o.relation})` : 'no overlap'}`, items: o.steps })) },
    ],
    steps: info.steps,
    warnings: info.warnings,
    info,
  };
}

// ---------------------------------------------------------------------------------------------
// VPC plan

/** Parse the planner's text inputs into the calculator's input. Throws CalcError. */
export function parsePlanInput(vpcCidr: string, azs: string | number, tiers: string | string[], spare: string | number = 0): VpcPlanInput {
  return {
    vpcCidr: vpcCidr.trim(),
    azs: parseNumber(azs, 'the number of AZs', { integer: true, min: 1, max: 26 }),
    tiers: (Array.isArray(tiers) ? tiers : tiers.split(',')).map((t) => t.trim()).filter(Boolean),
    spare: String(spare).trim() === '' ? 0 : parseNumber(spare, 'spare slots', { integer: true, min: 0 }),
  };
}

/** Lay out the subnets. Throws CalcError (e.g. a VPC too small for the slots). */
export function makePlan(input: VpcPlanInput): VpcPlan {
  return planVpcSubnets(input);
}

export function planSummary(plan: VpcPlan): string {
  return `${plan.vpc.cidr} over ${plan.azs} AZ${plan.azs === 1 ? '' : 's'} × ${plan.tiers.length} tier${plan.tiers.length === 1 ? '' : 's'} → ${plan.subnets.length} × /${plan.subnetPrefix} subnets, ${fmt(plan.usablePerSubnet)} usable each${plan.spare.length ? `, ${plan.spare.length} spare` : ''}`;
}

/** The plan's subnets (and spare slots) as table rows. */
export function planTable(plan: VpcPlan): { header: string[]; rows: string[][] } {
  const rows = plan.subnets.map((s) => [s.az, s.tier, s.cidr, `${s.network} – ${s.lastAddress}`, fmt(s.usableAddresses)]);
  const spare = plan.spare.map((c) => {
    const i = analyzeCidr(c);
    return ['–', 'spare', c, `${i.network} – ${i.lastAddress}`, count(i.usableAddressesExact)];
  });
  return { header: ['AZ', 'Tier', 'CIDR', 'Range', 'Usable'], rows: [...rows, ...spare] };
}

/** The plan as a Markdown table (what "Copy as Markdown table" puts on the clipboard). */
export function planMarkdownTable(plan: VpcPlan): string {
  const t = planTable(plan);
  return markdownTable(t.header, t.rows) + '\n';
}

/** The plan as a report: the subnet table, the working, and the plan as CloudFormation (IPv4 plans). */
export function planReport(plan: VpcPlan): CalcReport {
  return {
    title: `VPC plan ${plan.vpc.cidr}`,
    heading: `VPC plan ${plan.vpc.cidr}`,
    summary: planSummary(plan),
    lead: `${planSummary(plan)}.`,
    table: planTable(plan),
    sections: standardSections(plan.steps, plan.warnings),
    steps: plan.steps,
    warnings: plan.warnings,
    cloudFormation: plan.vpc.version === 4 ? planCloudFormation(plan, { fullTemplate: true }) : undefined,
  };
}

function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'tier';
}

export interface CloudFormationOptions {
  /** A whole template (for a new document) or only the resource entries (for an existing Resources section). */
  fullTemplate: boolean;
  /** Logical IDs already used in the target document. */
  taken?: Set<string>;
}

/** The plan as CloudFormation YAML: a VPC and one subnet per AZ and tier, spread with `!Select [i, !GetAZs '']`. */
export function planCloudFormation(plan: VpcPlan, opts: CloudFormationOptions): string {
  if (plan.vpc.version !== 4) throw new CalcError('Insert as CloudFormation needs an IPv4 plan: AWS::EC2::VPC takes an IPv4 CidrBlock (IPv6 blocks come from Amazon or an IPAM pool)');
  const taken = new Set(opts.taken ?? []);
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
    taken.add(id);
    return id;
  };
  const vpcId = unique('Vpc');
  const tierIds = plan.tiers.map((t, i) => pascal(t) || `Tier${i + 1}`);
  const entries: string[] = [
    `${vpcId}:`,
    '  Type: AWS::EC2::VPC',
    '  Properties:',
    `    CidrBlock: ${plan.vpc.cidr}`,
    '    EnableDnsSupport: true',
    '    EnableDnsHostnames: true',
    '    Tags:',
    '      - Key: Name',
    '        Value: !Sub "${AWS::StackName}-vpc"',
  ];
  for (const s of plan.subnets) {
    const t = plan.tiers.indexOf(s.tier);
    const azIndex = s.az.charCodeAt(0) - 65;
    entries.push(
      `${unique(`Subnet${tierIds[t]}${s.az}`)}:`,
      '  Type: AWS::EC2::Subnet',
      '  Properties:',
      `    VpcId: !Ref ${vpcId}`,
      `    AvailabilityZone: !Select [${azIndex}, !GetAZs '']`,
      `    CidrBlock: ${s.cidr}`,
      '    Tags:',
      '      - Key: Name',
      `        Value: !Sub "\${AWS::StackName}-${slug(s.tier)}-${s.az.toLowerCase()}"`,
    );
  }
  if (!opts.fullTemplate) return entries.join('\n') + '\n';
  const tiers = plan.tiers.join(', ');
  return [
    'AWSTemplateFormatVersion: "2010-09-09"',
    `Description: VPC ${plan.vpc.cidr} with ${plan.subnets.length} /${plan.subnetPrefix} subnets (${plan.azs} AZs × ${tiers.replace(/[#:]/g, ' ')}), planned with AWS Notes`,
    'Resources:',
    ...entries.map((l) => `  ${l}`),
  ].join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Capacity

function capacityReport(title: string, heading: string, summary: string, highlights: string[], inputs: string[], steps: string[], warnings: string[] = []): CalcReport {
  return { title, heading, summary, highlights, sections: standardSections(steps, warnings, inputs), steps, warnings };
}

export interface DynamoDbLoad {
  itemSize: string;
  per?: 'second' | 'minute';
  reads?: string | number;
  consistency?: ReadConsistency;
  writes?: string | number;
  writeMode?: WriteMode;
}

const numOrZero = (v: string | number | undefined, what: string) => (v === undefined || String(v).trim() === '' ? 0 : parseNumber(v, what));

export function dynamoDbReport(input: DynamoDbLoad): CalcReport {
  const per = input.per ?? 'second';
  const load = { reads: numOrZero(input.reads, 'reads'), writes: numOrZero(input.writes, 'writes'), per };
  const r = dynamoDbCapacity({ itemSize: input.itemSize, per, reads: load.reads, writes: load.writes, consistency: input.consistency, writeMode: input.writeMode });
  return dynamoDbCapacityReport(r, load);
}

/** The report of a computed DynamoDB load; `load` is the rate as the user gave it. */
export function dynamoDbCapacityReport(r: DynamoDbCapacity, load: { reads: number; writes: number; per: RatePer }): CalcReport {
  const readKind = { eventual: 'eventually consistent', strong: 'strongly consistent', transactional: 'transactional' }[r.consistency];
  const summary = `DynamoDB: ${fmt(r.rcu)} RCU (${readKind} reads) · ${fmt(r.wcu)} WCU (${r.writeMode} writes) · on-demand ${fmt(r.onDemand.readRequestUnitsPerSecond, 3)} RRU/s + ${fmt(r.onDemand.writeRequestUnitsPerSecond, 3)} WRU/s · ${fmt(r.partitions.count)} partition${r.partitions.count === 1 ? '' : 's'}`;
  return capacityReport(
    'DynamoDB capacity',
    'Capacity: DynamoDB',
    summary,
    [
      `Provisioned: **${fmt(r.rcu)} RCU** and **${fmt(r.wcu)} WCU**`,
      `On-demand: ${fmt(r.onDemand.readRequestUnitsPerSecond, 3)} read and ${fmt(r.onDemand.writeRequestUnitsPerSecond, 3)} write request units per second (${fmt(r.onDemand.readRequestUnitsPerMonth)} RRU and ${fmt(r.onDemand.writeRequestUnitsPerMonth)} WRU in a 30-day month)`,
      `Partitions (classic estimate): ${fmt(r.partitions.count)}`,
    ],
    [`Item size: ${fmt(r.itemSizeKB, 4)} KB`, `Reads: ${fmt(load.reads)} per ${load.per}, ${readKind}`, `Writes: ${fmt(load.writes)} per ${load.per}, ${r.writeMode}`],
    r.steps,
  );
}

export function dynamoDbUnitsReport(input: { rcu?: string | number; wcu?: string | number; itemSize?: string }): CalcReport {
  const itemSize = input.itemSize?.trim() ? input.itemSize : undefined;
  return dynamoDbUnitsBuyReport(dynamoDbUnitsBuy({ rcu: numOrZero(input.rcu, 'RCU'), wcu: numOrZero(input.wcu, 'WCU'), itemSize }), itemSize);
}

export function dynamoDbUnitsBuyReport(r: DynamoDbUnitsBuy, itemSize: string | undefined): CalcReport {
  const readSize = r.itemSizeKB === null ? 'up to 4 KB' : `${fmt(r.itemSizeKB, 4)} KB`;
  const writeSize = r.itemSizeKB === null ? 'up to 1 KB' : `${fmt(r.itemSizeKB, 4)} KB`;
  const reads = `${fmt(r.rcu)} RCU = ${fmt(r.strongReadsPerSecond, 3)} strong / ${fmt(r.eventualReadsPerSecond, 3)} eventual / ${fmt(r.transactionalReadsPerSecond, 3)} transactional reads/s (${readSize})`;
  const writes = `${fmt(r.wcu)} WCU = ${fmt(r.standardWritesPerSecond, 3)} standard / ${fmt(r.transactionalWritesPerSecond, 3)} transactional writes/s (${writeSize})`;
  return capacityReport('DynamoDB units', 'Capacity: what DynamoDB units buy', `DynamoDB: ${reads} · ${writes}`, [reads, writes], [`RCU: ${fmt(r.rcu)}`, `WCU: ${fmt(r.wcu)}`, `Item size: ${itemSize ?? 'not given'}`], r.steps);
}

export function kinesisReport(input: { recordsPerSecond: string | number; recordSize: string; consumers?: string | number; fanOut?: FanOut }): CalcReport {
  return kinesisShardsReport(
    kinesisShards({
      recordsPerSecond: parseNumber(input.recordsPerSecond, 'records per second'),
      recordSize: input.recordSize,
      consumers: input.consumers === undefined || String(input.consumers).trim() === '' ? 1 : parseNumber(input.consumers, 'consumers', { integer: true, min: 1 }),
      fanOut: input.fanOut,
    }),
  );
}

export function kinesisShardsReport(r: KinesisShards): CalcReport {
  const limit = { 'ingest-bytes': 'write MB/s', 'ingest-records': 'write records/s', egress: 'reads' }[r.limitedBy];
  return capacityReport(
    'Kinesis shards',
    'Capacity: Kinesis Data Streams',
    `Kinesis: ${fmt(r.shards)} shard${r.shards === 1 ? '' : 's'} (ingest ${r.shardsForIngest}, egress ${r.shardsForEgress}; limited by ${limit})`,
    [`**${fmt(r.shards)} shard${r.shards === 1 ? '' : 's'}** (ingest needs ${r.shardsForIngest}, egress ${r.shardsForEgress})`, `Ingest ${fmt(r.ingestMBPerSecond, 3)} MB/s; egress ${fmt(r.egressKBPerSecond / 1024, 3)} MB/s (${r.fanOut === 'enhanced' ? 'enhanced fan-out, per consumer' : 'shared'})`],
    [`Records: ${fmt(r.recordsPerSecond)}/s of ${fmt(r.recordSizeKB, 4)} KB`, `Consumers: ${r.consumers} (${r.fanOut === 'enhanced' ? 'enhanced fan-out' : 'shared throughput'})`],
    r.steps,
    r.warnings,
  );
}

export function sqsFifoReport(input: { messagesPerSecond: string | number; batchSize?: string | number }): CalcReport {
  return sqsFifoThroughputReport(
    sqsFifoThroughput({
      messagesPerSecond: parseNumber(input.messagesPerSecond, 'messages per second'),
      batchSize: input.batchSize === undefined || String(input.batchSize).trim() === '' ? 1 : parseNumber(input.batchSize, 'batch size', { integer: true, min: 1, max: 10 }),
    }),
  );
}

export function sqsFifoThroughputReport(r: SqsFifoThroughput): CalcReport {
  const line = `${fmt(r.apiCallsPerSecond)} calls/s per action at batch ${r.batchSize}: ${r.withinLimit ? 'within' : 'over'} the ${r.callLimitPerSecond} calls/s limit (max ${fmt(r.maxMessagesPerSecond)} messages/s)`;
  return capacityReport('SQS FIFO throughput', 'Capacity: SQS FIFO queue', `SQS FIFO: ${line}`, [line], [`Messages: ${fmt(r.messagesPerSecond)}/s`, `Batch size: ${r.batchSize}`], r.steps, r.warnings);
}

export function lambdaReport(input: { requestsPerSecond: string | number; duration: string }): CalcReport {
  return lambdaConcurrencyReport(
    lambdaConcurrency({ requestsPerSecond: parseNumber(input.requestsPerSecond, 'requests per second'), averageDurationSeconds: parseDurationSeconds(input.duration) }),
  );
}

export function lambdaConcurrencyReport(r: LambdaConcurrency): CalcReport {
  const line = `${fmt(r.concurrency)} concurrent executions (default quota 1,000 per Region${r.exceedsDefaultQuota ? ': over it' : ''})`;
  return capacityReport('Lambda concurrency', 'Capacity: Lambda concurrency', `Lambda: ${line}`, [line], [`Requests: ${fmt(r.requestsPerSecond, 3)}/s`, `Average duration: ${fmt(r.averageDurationSeconds, 3)} s`], r.steps, r.warnings);
}
