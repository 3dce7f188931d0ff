/**
 * The calculators' answers as report objects (see report.ts): CIDR blocks, VPC plans and capacity.
 * The client shows them, the CLI prints them and hovers quote them; none of them builds its own text.
 */
import { analyzeCidr, cidrOverlap, cidrScope, planVpcSubnets, RESERVED_PURPOSES_V4, RESERVED_PURPOSES_V6, type CidrInfo, type FnCidrResult, type SubnetInfo, type VpcPlan, type VpcPlanInput } from './cidr';
import { dynamoDbCapacity, dynamoDbUnitsBuy, type DynamoDbCapacity, type DynamoDbUnitsBuy, type RatePer, type ReadConsistency, type WriteMode } from './dynamodb';
import { kinesisShards, type FanOut, type KinesisShards } from './kinesis';
import { lambdaConcurrency, parseDurationSeconds, type LambdaConcurrency } from './lambda';
import { markdownTable, standardSections, type CalcReport, type ReportSection, type ReportTable } from './report';
import { sqsFifoThroughput, type SqsFifoThroughput } from './sqs';
import { CalcError, fmt, parseNumber } from './util';

const count = (exact: string) => fmt(BigInt(exact));

// ---------------------------------------------------------------------------------------------
// CIDR

/** The blocks typed in one input: the first is analysed, the rest are checked for overlap with it. */
function splitCidrInput(input: string): string[] {
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
function reservedAddresses(info: CidrInfo): string[] {
  const purposes: readonly string[] = info.version === 4 ? RESERVED_PURPOSES_V4 : RESERVED_PURPOSES_V6;
  return info.reserved.map((a, i) => `\`${a}\` — ${i === info.reserved.length - 1 && BigInt(info.totalAddressesExact) > 4n ? purposes[4] : purposes[i]}`);
}

/** Subnet-style blocks count AWS's 5 reserved addresses; firewall and route ranges just count addresses. */
export type CidrUse = 'subnet' | 'range';

export interface CidrBlockOptions {
  use?: CidrUse;
  /** How a template value came to be this block (e.g. "Default of parameter VpcCidr"). */
  via?: string[];
  /** The parameter whose Default decided it (another value may be passed at deploy time). */
  parameter?: string;
  /** Blocks to check for overlap with this one. */
  overlaps?: string[];
  /** Working and warnings of what was done with the block (a split, a plan), after its own. */
  steps?: string[];
  warnings?: string[];
  /** Further sections (e.g. the subnets of a split), shown after the working. */
  sections?: ReportSection[];
}

/**
 * The one description of a CIDR block: its facts, the addresses AWS reserves, the working and any
 * overlaps. The hover card, the CLI's text and the client's report all render this.
 */
export function cidrBlockReport(info: CidrInfo, opts: CidrBlockOptions = {}): CalcReport & { info: CidrInfo } {
  const use = opts.use ?? 'subnet';
  const overlaps = (opts.overlaps ?? []).map((o) => cidrOverlap(info.cidr, o));
  const usable = count(info.usableAddressesExact);
  const total = count(info.totalAddressesExact);
  const scope = cidrScope(info);
  const size =
    info.version === 4
      ? info.validSubnet ? 'valid (/16–/28)' : 'not valid: AWS accepts /16–/28'
      : `${info.validVpc ? 'valid' : 'not valid'} for a VPC (/44–/60), ${info.validSubnet ? 'valid' : 'not valid'} for a subnet (/44–/64), steps of 4`;
  const rows: string[][] = [];
  if (opts.via?.length) rows.push(['From', `${opts.via.join(' → ')}${opts.parameter ? ' (another value may be passed at deploy time)' : ''}`]);
  rows.push(
    ['Range', `${info.network} – ${info.lastAddress}`],
    ['Netmask', `${info.netmask} (/${info.prefix}, ${info.hostBits} host bits)`],
    ['Addresses', use === 'subnet' ? `${total} total · ${usable} usable in a subnet` : total],
  );
  if (use === 'subnet') rows.push(['Usable range', info.firstUsable ? `${info.firstUsable} – ${info.lastUsable}` : 'none']);
  rows.push(['VPC / subnet size', size], ['Scope', scope]);

  const parts = [`${info.cidr}: ${info.network} – ${info.lastAddress}`, `netmask ${info.netmask}`, `${total} addresses, ${usable} usable in AWS`, info.version === 4 ? `VPC/subnet size ${size}` : size, scope];
  if (!info.aligned) parts.unshift(`${info.input} has host bits set → network ${info.cidr}`);
  for (const o of overlaps) parts.push(o.overlap ? `overlaps ${o.b}` : `no overlap with ${o.b}`);
  const steps = [...info.steps, ...(opts.steps ?? [])];
  const warnings = [...new Set([...info.warnings, ...(opts.warnings ?? [])])];
  const [, working, warned] = standardSections(steps, warnings);
  return {
    title: `CIDR ${info.cidr}`,
    heading: `CIDR ${info.cidr}`,
    lead: `IPv${info.version}, ${scope}`,
    summary: parts.join(' · '),
    note: info.aligned ? undefined : `You typed ${info.input}, which has host bits set; the network is **${info.cidr}**.`,
    table: { header: ['', ''], rows },
    sections: [
      { title: 'AWS-reserved addresses (every subnet)', items: use === 'subnet' ? reservedAddresses(info) : [] },
      working,
      warned,
      ...(opts.sections ?? []),
      { title: 'Overlap', items: [], groups: overlaps.map((o) => ({ title: `${o.b}: ${o.overlap ? `overlaps (${o.relation})` : 'no overlap'}`, items: o.steps })) },
    ],
    steps,
    warnings,
    info,
  };
}

/** Everything about a typed block and its overlap with any others typed after it. Throws CalcError. */
export function cidrReport(input: string): CalcReport & { info: CidrInfo } {
  const [first, ...others] = splitCidrInput(input);
  if (!first) throw new CalcError('type a CIDR block such as 10.16.0.0/16');
  return cidrBlockReport(analyzeCidr(first), { overlaps: others });
}

/** What a `!Cidr` yields (`parameter`: the parameter whose Default decided an argument). */
export type FnCidrExpansion = Omit<Extract<FnCidrResult, { ok: true }>, 'ok' | 'warnings'> & { parameter?: string };

const MAX_BLOCK_ROWS = 16;

/** `!Cidr [block, count, bits]` and, when `!Select` picks one, which: the blocks (the picked one in bold) and the working. */
export function fnCidrReport(r: FnCidrExpansion, selected?: number): CalcReport {
  const sample = analyzeCidr(r.blocks[0]);
  const usable = sample.version === 4 ? `, ${count(sample.usableAddressesExact)} usable in a subnet` : '';
  const lead = `${r.count} × /${r.subnetPrefix} block${r.count === 1 ? '' : 's'} of ${count(sample.totalAddressesExact)} addresses${usable}`;
  const highlights: string[] = [];
  let note: string | undefined;
  if (selected !== undefined) {
    if (selected < r.blocks.length) highlights.push(`**!Select [${selected}, …]** picks block ${selected}: **${r.blocks[selected]}** (${cidrSummary(analyzeCidr(r.blocks[selected]))})`);
    else note = `**!Select [${selected}, …]** is past the end: the list has indexes 0–${r.blocks.length - 1}.`;
  }
  if (r.parameter) highlights.push(`Using the Default of parameter ${r.parameter}; another value may be passed at deploy time.`);
  const row = (i: number) => {
    const info = analyzeCidr(r.blocks[i]);
    const mark = i === selected ? '**' : '';
    return [`${mark}${i}${mark}`, `${mark}${r.blocks[i]}${mark}`, `${info.network} – ${info.lastAddress}`];
  };
  const shown = r.blocks.slice(0, MAX_BLOCK_ROWS).map((_, i) => row(i));
  if (selected !== undefined && selected >= MAX_BLOCK_ROWS && selected < r.blocks.length) shown.push(['…', '', ''], row(selected));
  if (r.blocks.length > MAX_BLOCK_ROWS) shown.push(['…', `${r.blocks.length - MAX_BLOCK_ROWS} more, up to ${r.blocks[r.blocks.length - 1]}`, '']);
  const heading = `!Cidr [${r.ipBlock}, ${r.count}, ${r.cidrBits}]`;
  return {
    title: heading,
    heading,
    lead,
    summary: `${heading} → ${lead}`,
    note,
    highlights,
    table: { header: ['#', 'Block', 'Range'], rows: shown },
    sections: [{ title: 'Working', items: r.steps, numbered: true }],
    steps: r.steps,
    warnings: [],
  };
}

/** One line: "10.0.0.0–10.0.15.255 · 4,091 usable" (inlay hints, notifications). */
export function cidrSummary(info: CidrInfo, use: CidrUse = 'subnet'): string {
  const range = `${info.network}–${info.lastAddress}`;
  if (info.totalAddressesExact === '1') return `${info.network} only`;
  if (info.version === 4 && info.prefix === 0) return 'any IPv4 address';
  if (info.version === 6 && info.prefix === 0) return 'any IPv6 address';
  if (use === 'range' || info.version === 6) return `${range} · ${count(info.totalAddressesExact)} addresses`;
  return `${range} · ${count(info.usableAddressesExact)} usable`;
}

/** Blocks as a table: the plan's AZ and tier first where they have them, then CIDR, range and usable addresses. */
export function subnetTable(blocks: (SubnetInfo & { az?: string; tier?: string })[], spare: string[] = []): ReportTable {
  const planned = blocks.some((b) => b.az !== undefined);
  const rows = [
    ...blocks.map((b) => [...(planned ? [b.az ?? '', b.tier ?? ''] : []), b.cidr, `${b.network} – ${b.lastAddress}`, fmt(b.usableAddresses)]),
    ...spare.map((c) => {
      const i = analyzeCidr(c);
      return [...(planned ? ['–', 'spare'] : []), c, `${i.network} – ${i.lastAddress}`, count(i.usableAddressesExact)];
    }),
  ];
  return { header: [...(planned ? ['AZ', 'Tier'] : []), 'CIDR', 'Range', 'Usable'], rows };
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
function planTable(plan: VpcPlan): ReportTable {
  return subnetTable(plan.subnets, plan.spare);
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

/** What the units buy, one line each for reads and writes (the CLI, the calculator and the hover say it so). */
function unitsLines(r: DynamoDbUnitsBuy): { reads: string; writes: string } {
  const readSize = r.itemSizeKB === null ? 'up to 4 KB' : `${fmt(r.itemSizeKB, 4)} KB`;
  const writeSize = r.itemSizeKB === null ? 'up to 1 KB' : `${fmt(r.itemSizeKB, 4)} KB`;
  return {
    reads: `${fmt(r.rcu)} RCU = ${fmt(r.strongReadsPerSecond, 3)} strong / ${fmt(r.eventualReadsPerSecond, 3)} eventual / ${fmt(r.transactionalReadsPerSecond, 3)} transactional reads/s (${readSize})`,
    writes: `${fmt(r.wcu)} WCU = ${fmt(r.standardWritesPerSecond, 3)} standard / ${fmt(r.transactionalWritesPerSecond, 3)} transactional writes/s (${writeSize})`,
  };
}

export function dynamoDbUnitsBuyReport(r: DynamoDbUnitsBuy, itemSize: string | undefined): CalcReport {
  const { reads, writes } = unitsLines(r);
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

// ---------------------------------------------------------------------------------------------
// What a template's capacity settings buy (the hover quotes these)

function settingReport(heading: string, lead: string, highlights: string[], notes: string[]): CalcReport {
  return { title: heading, heading, lead, summary: `${heading}: ${lead}`, highlights, sections: [{ title: 'Good to know', items: notes }], steps: [], warnings: [] };
}

const fromParameter = (parameter?: string) => (parameter ? ` (Default of parameter ${parameter})` : '');

/** What provisioned DynamoDB read or write units buy every second. */
export function provisionedUnitsReport(kind: 'read' | 'write', units: number, parameter?: string): CalcReport {
  if (kind === 'read') {
    return settingReport(
      `${fmt(units)} RCU${fromParameter(parameter)}`,
      'provisioned read capacity, every second (half a unit per eventually consistent read, two per transactional one; bigger items take one unit per started 4 KB):',
      [unitsLines(dynamoDbUnitsBuy({ rcu: units })).reads, unitsLines(dynamoDbUnitsBuy({ rcu: units, itemSize: 6 })).reads],
      ['One partition serves up to 3,000 RCU; reads beyond the provisioned rate are throttled once burst capacity (up to 300 s of unused units) runs out.'],
    );
  }
  return settingReport(
    `${fmt(units)} WCU${fromParameter(parameter)}`,
    'provisioned write capacity, every second (two units per transactional write; bigger items take one unit per started 1 KB):',
    [unitsLines(dynamoDbUnitsBuy({ wcu: units })).writes, unitsLines(dynamoDbUnitsBuy({ wcu: units, itemSize: 2.5 })).writes],
    ['One partition serves up to 1,000 WCU.'],
  );
}

/** What a DynamoDB table's BillingMode means. */
export function billingModeReport(mode: 'PAY_PER_REQUEST' | 'PROVISIONED'): CalcReport {
  if (mode === 'PAY_PER_REQUEST') {
    return settingReport(
      'On-demand capacity (PAY_PER_REQUEST)',
      'no read or write units to plan: DynamoDB bills each request in request units.',
      [
        'Read request units: 1 per strongly consistent read of up to 4 KB, ½ for an eventually consistent read, 2 for a transactional read.',
        'Write request units: 1 per write of up to 1 KB, 2 for a transactional write. Bigger items take one unit per started 4 KB (reads) or 1 KB (writes).',
      ],
      [
        'A table takes up to double its previous traffic peak at once; growing faster than that within 30 minutes can be throttled.',
        'Leave out ProvisionedThroughput (on the table and its indexes); `OnDemandThroughput` can cap the request units per second to limit cost.',
      ],
    );
  }
  return settingReport(
    'Provisioned capacity (PROVISIONED, the default)',
    'you set `ReadCapacityUnits` and `WriteCapacityUnits` in ProvisionedThroughput, on the table and on each global secondary index.',
    ['1 RCU = 1 strongly consistent (or 2 eventually consistent) reads per second of up to 4 KB.', '1 WCU = 1 write per second of up to 1 KB.'],
    ['Requests beyond the units are throttled once burst capacity (up to 300 seconds of unused units) is spent; Application Auto Scaling can adjust the units.'],
  );
}

/** What a provisioned Kinesis stream's shards take per second. */
export function shardCapacityReport(shards: number, parameter?: string): CalcReport {
  return settingReport(
    `${fmt(shards)} shard${shards === 1 ? '' : 's'}${fromParameter(parameter)}`,
    'a provisioned Kinesis stream then takes, per second:',
    [
      `writes: ${fmt(shards)} MB or ${fmt(shards * 1000)} records, whichever comes first (1 MB/s and 1,000 records/s per shard);`,
      `reads: ${fmt(shards * 2)} MB shared by all standard consumers (2 MB/s and 5 GetRecords calls/s per shard), or ${fmt(shards * 2)} MB for each enhanced fan-out consumer.`,
    ],
    [],
  );
}
