/**
 * Calculator facts for CloudFormation hovers: what a CIDR block covers (range, netmask, usable
 * addresses, AWS's 5 reserved addresses), which blocks `!Cidr` yields, what provisioned DynamoDB
 * units and Kinesis shards buy, and what on-demand billing means. `withCalcFacts` appends these to
 * the spec hover of the same spot, or answers alone where the spec has nothing to say.
 */
import { analyzeCidr, cidrScope, dynamoDbUnitsBuy, fmt, isCidr, type CidrInfo } from '../calc';
import { reservedAddresses } from '../calc/reports';
import { type CidrValue, evaluateFnCidrNode, type FnCidrBlocks, resolveCidr, resolveScalarText } from '../cfn/cidr';
import { templateIndex, type TemplateIndex } from '../cfn/template';
import type { TemplateDocument } from '../document/model';
import { locate, type Located } from '../document/locate';
import { intrinsicName, isMap, isScalar, isSeq, type MapNode, type Pair } from '../document/nodes';
import type { Kind } from '../kind';
import type { HoverResult } from './types';

type KindHover = (doc: TemplateDocument, kind: Kind, offset: number) => HoverResult | null;

/** Keys whose value is a firewall or route range (any size; the subnet reservations don't apply). */
const RULE_CIDR_KEY = /^(CidrIp|CidrIpv6|DestinationCidrBlock|DestinationIpv6CidrBlock|SourceCidrBlock|SourceIpv6CidrBlock|Cidr|CidrBlockList)$/;
/** Keys whose value is a CIDR block of any kind. */
export const CIDR_KEY = /(CidrBlock|CidrIp|CidrIpv6|^Cidr)$/;

/** Subnet-style blocks count AWS's 5 reserved addresses; rule and route ranges just count addresses. */
export type CidrUse = 'subnet' | 'range';

export function cidrUseForKey(key: string | undefined): CidrUse {
  return key && RULE_CIDR_KEY.test(key) ? 'range' : 'subnet';
}

const count = (exact: string) => fmt(BigInt(exact));

/** One line: "10.0.0.0–10.0.15.255 · 4,091 usable" (inlay hints, notifications). */
export function cidrSummary(info: CidrInfo, use: CidrUse = 'subnet'): string {
  const range = `${info.network}–${info.lastAddress}`;
  if (info.totalAddressesExact === '1') return `${info.network} only`;
  if (info.version === 4 && info.prefix === 0) return 'any IPv4 address';
  if (info.version === 6 && info.prefix === 0) return 'any IPv6 address';
  if (use === 'range' || info.version === 6) return `${range} · ${count(info.totalAddressesExact)} addresses`;
  return `${range} · ${count(info.usableAddressesExact)} usable`;
}

/** Markdown facts about one block; `via` says how a template value came to be this block. */
export function cidrMarkdown(info: CidrInfo, opts: { use?: CidrUse; via?: string[]; parameter?: string } = {}): string {
  const use = opts.use ?? 'subnet';
  const head = `**${info.cidr}** — IPv${info.version}, ${cidrScope(info)}`;
  const lines = [head];
  if (opts.via?.length) lines.push(`From ${opts.via.join(' → ')}${opts.parameter ? ' (another value may be passed at deploy time)' : ''}.`);
  const rows = [
    ['Range', `${info.network} – ${info.lastAddress}`],
    ['Netmask', `${info.netmask} (/${info.prefix}, ${info.hostBits} host bits)`],
    ['Addresses', use === 'subnet' ? `${count(info.totalAddressesExact)} total · ${count(info.usableAddressesExact)} usable in a subnet` : count(info.totalAddressesExact)],
  ];
  if (use === 'subnet' && info.firstUsable) rows.push(['Usable', `${info.firstUsable} – ${info.lastUsable}`]);
  if (info.version === 4) rows.push(['VPC / subnet size', info.validSubnet ? 'valid (/16–/28)' : 'not valid: AWS accepts /16–/28']);
  else rows.push(['VPC / subnet size', `${info.validVpc ? 'valid' : 'not valid'} for a VPC (/44–/60), ${info.validSubnet ? 'valid' : 'not valid'} for a subnet (/44–/64), steps of 4`]);
  lines.push(['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n'));
  if (use === 'subnet' && info.reserved.length) {
    lines.push(`AWS reserves ${info.reserved.length} addresses in every subnet:\n${reservedAddresses(info).map((a) => `- ${a}`).join('\n')}`);
  }
  if (!info.aligned) lines.push(`⚠ ${info.input} has host bits set: the block is really ${info.cidr}.`);
  return lines.join('\n\n');
}

/** A `!Cidr` the template evaluates to (the rule's result, without its tag). */
type CidrExpansion = Omit<FnCidrBlocks, 'kind'>;

const MAX_ROWS = 16;

/** Markdown for `!Cidr [block, count, bits]` and, when `!Select` picks one, which. */
export function fnCidrMarkdown(r: CidrExpansion, selected?: number): string {
  const sample = analyzeCidr(r.blocks[0]);
  const usable = sample.version === 4 ? `, ${count(sample.usableAddressesExact)} usable in a subnet` : '';
  const lines = [
    `**!Cidr [${r.ipBlock}, ${r.count}, ${r.cidrBits}]** → ${r.count} × /${r.subnetPrefix} block${r.count === 1 ? '' : 's'} of ${count(sample.totalAddressesExact)} addresses${usable}`,
  ];
  if (selected !== undefined) {
    lines.push(
      selected < r.blocks.length
        ? `**!Select [${selected}, …]** picks block ${selected}: **${r.blocks[selected]}** (${cidrSummary(analyzeCidr(r.blocks[selected]))})`
        : `⚠ **!Select [${selected}, …]** is past the end: the list has indexes 0–${r.blocks.length - 1}.`,
    );
  }
  if (r.parameter) lines.push(`Using the Default of parameter ${r.parameter}; another value may be passed at deploy time.`);
  const shown = r.blocks.slice(0, MAX_ROWS);
  const rows = shown.map((b, i) => {
    const info = analyzeCidr(b);
    const mark = i === selected ? '**' : '';
    return `| ${mark}${i}${mark} | ${mark}${b}${mark} | ${info.network} – ${info.lastAddress} |`;
  });
  if (selected !== undefined && selected >= MAX_ROWS && selected < r.blocks.length) {
    const info = analyzeCidr(r.blocks[selected]);
    rows.push(`| … | | |`, `| **${selected}** | **${r.blocks[selected]}** | ${info.network} – ${info.lastAddress} |`);
  }
  if (r.blocks.length > shown.length) rows.push(`| … | ${r.blocks.length - shown.length} more, up to ${r.blocks[r.blocks.length - 1]} | |`);
  lines.push(['| # | Block | Range |', '|---|---|---|', ...rows].join('\n'));
  lines.push(`Working:\n${r.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`);
  return lines.join('\n\n');
}

/** What provisioned DynamoDB units buy. */
export function capacityMarkdown(kind: 'read' | 'write', units: number, parameter?: string): string {
  const base = dynamoDbUnitsBuy(kind === 'read' ? { rcu: units } : { wcu: units });
  const from = parameter ? ` (Default of parameter ${parameter})` : '';
  if (kind === 'read') {
    const six = dynamoDbUnitsBuy({ rcu: units, itemSize: 6 });
    return [
      `**${fmt(units)} RCU**${from} — provisioned read capacity buys, every second:`,
      `- ${fmt(base.strongReadsPerSecond, 3)} strongly consistent reads, or\n- ${fmt(base.eventualReadsPerSecond, 3)} eventually consistent reads (half a unit each), or\n- ${fmt(base.transactionalReadsPerSecond, 3)} transactional reads (two units each)`,
      `of items up to 4 KB. Bigger items take one unit per started 4 KB: a 6 KB item takes 2, so ${fmt(six.strongReadsPerSecond, 3)} strong or ${fmt(six.eventualReadsPerSecond, 3)} eventual reads/s.`,
      `One partition serves up to 3,000 RCU; reads beyond the provisioned rate are throttled once burst capacity (up to 300 s of unused units) runs out.`,
    ].join('\n\n');
  }
  const two = dynamoDbUnitsBuy({ wcu: units, itemSize: 2.5 });
  return [
    `**${fmt(units)} WCU**${from} — provisioned write capacity buys, every second:`,
    `- ${fmt(base.standardWritesPerSecond, 3)} standard writes, or\n- ${fmt(base.transactionalWritesPerSecond, 3)} transactional writes (two units each)`,
    `of items up to 1 KB. Bigger items take one unit per started 1 KB: a 2.5 KB item takes 3, so ${fmt(two.standardWritesPerSecond, 3)} writes/s.`,
    `One partition serves up to 1,000 WCU.`,
  ].join('\n\n');
}

export const ON_DEMAND_MARKDOWN = [
  '**On-demand capacity (PAY_PER_REQUEST)** — no read or write units to plan: DynamoDB bills each request in request units.',
  '- Read request units: 1 per strongly consistent read of up to 4 KB, ½ for an eventually consistent read, 2 for a transactional read.\n- Write request units: 1 per write of up to 1 KB, 2 for a transactional write. Bigger items take one unit per started 4 KB (reads) or 1 KB (writes).',
  'A table takes up to double its previous traffic peak at once; growing faster than that within 30 minutes can be throttled. Leave out ProvisionedThroughput (on the table and its indexes); `OnDemandThroughput` can cap the request units per second to limit cost.',
].join('\n\n');

export const PROVISIONED_MARKDOWN = [
  '**Provisioned capacity (PROVISIONED, the default)** — you set `ReadCapacityUnits` and `WriteCapacityUnits` in ProvisionedThroughput, on the table and on each global secondary index.',
  '- 1 RCU = 1 strongly consistent (or 2 eventually consistent) reads per second of up to 4 KB.\n- 1 WCU = 1 write per second of up to 1 KB.',
  'Requests beyond the units are throttled once burst capacity (up to 300 seconds of unused units) is spent; Application Auto Scaling can adjust the units.',
].join('\n\n');

export function shardMarkdown(shards: number, parameter?: string): string {
  const from = parameter ? ` (Default of parameter ${parameter})` : '';
  return [
    `**${fmt(shards)} shard${shards === 1 ? '' : 's'}**${from} — a provisioned Kinesis stream then takes, per second:`,
    `- writes: ${fmt(shards)} MB or ${fmt(shards * 1000)} records, whichever comes first (1 MB/s and 1,000 records/s per shard);\n- reads: ${fmt(shards * 2)} MB shared by all standard consumers (2 MB/s and 5 GetRecords calls/s per shard), or ${fmt(shards * 2)} MB for each enhanced fan-out consumer.`,
  ].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Finding what the cursor is on

/** The innermost `!Cidr`, or `!Select [i, !Cidr …]`, around the cursor. */
function fnCidrAround(loc: Located): { cidr: MapNode; select?: MapNode; node: MapNode } | undefined {
  for (let i = loc.steps.length - 1; i >= 0; i--) {
    const n = loc.steps[i].node;
    const fn = intrinsicName(n);
    if (fn === 'Fn::Cidr') {
      const args = loc.steps[i - 1]?.node;
      const sel = loc.steps[i - 2]?.node;
      if (isSeq(args) && args.items[1] === n && intrinsicName(sel) === 'Fn::Select') return { cidr: n as MapNode, select: sel as MapNode, node: n as MapNode };
      return { cidr: n as MapNode, node: n as MapNode };
    }
    if (fn === 'Fn::Select') {
      const args = (n as MapNode).pairs[0].value;
      if (isSeq(args) && intrinsicName(args.items[1]) === 'Fn::Cidr') return { cidr: args.items[1] as MapNode, select: n as MapNode, node: n as MapNode };
    }
  }
  return undefined;
}

/** The innermost pair the cursor is in (on its key or anywhere in its value). */
function pairsAround(loc: Located): Pair[] {
  return loc.steps.map((s) => s.pair).filter((p): p is Pair => !!p).reverse();
}

function resourceTypeAt(loc: Located, idx: TemplateIndex): string | undefined {
  if (loc.steps[1]?.key !== 'Resources') return undefined;
  return idx.resources.get(String(loc.steps[2]?.key ?? ''))?.type;
}

function valueHover(v: CidrValue, use: CidrUse, extra: string[] = []): string | undefined {
  if (!isCidr(v.cidr)) return undefined;
  return cidrMarkdown(analyzeCidr(v.cidr), { use, via: [...extra, ...v.via], parameter: v.parameter });
}

/** Calculator facts for the spot under `offset` in a CloudFormation/SAM template, or null. */
export function calcHover(doc: TemplateDocument, offset: number): HoverResult | null {
  const root = doc.root;
  if (!isMap(root)) return null;
  const loc = locate(root, offset);
  if (loc.steps.length < 2) return null;
  const idx = templateIndex(doc, root);
  const last = loc.steps[loc.steps.length - 1];

  // !Cidr (and !Select over it): the blocks it yields.
  const around = fnCidrAround(loc);
  if (around) {
    const r = evaluateFnCidrNode(around.cidr, idx);
    if (r && r.kind !== 'error') {
      let selected: number | undefined;
      let parameter = r.parameter;
      if (around.select) {
        const args = around.select.pairs[0].value;
        const i = isSeq(args) ? resolveScalarText(args.items[0], idx) : undefined;
        if (i && /^\s*\d+\s*$/.test(i.text)) {
          selected = Number(i.text);
          parameter ??= i.parameter;
        }
      }
      return { term: 'Fn::Cidr', markdown: fnCidrMarkdown({ ...r, parameter }, selected), start: around.node.start, end: around.node.end };
    }
    if (r?.kind === 'error') return { term: 'Fn::Cidr', markdown: `⚠ ${r.message}`, start: around.node.start, end: around.node.end };
  }

  const pairs = pairsAround(loc);
  const pair = pairs[0];
  const key = pair ? String(pair.key.value ?? '') : undefined;

  // A CIDR property, on its key or its (possibly intrinsic) value.
  const cidrPair = pairs.find((p) => CIDR_KEY.test(String(p.key.value ?? '')));
  if (cidrPair) {
    const v = resolveCidr(cidrPair.value, idx);
    if (v?.kind === 'value') {
      const md = valueHover(v, cidrUseForKey(String(cidrPair.key.value)));
      if (md) return { term: 'CIDR block', markdown: md, start: cidrPair.value.start, end: cidrPair.value.end };
    }
  }

  // Any other scalar that is a CIDR block (parameter defaults, mappings, lists).
  if (!loc.onKey && isScalar(last.node) && typeof last.node.value === 'string' && /\//.test(last.node.value) && isCidr(last.node.value.trim())) {
    const info = analyzeCidr(last.node.value.trim());
    return { term: 'CIDR block', markdown: cidrMarkdown(info, { use: cidrUseForKey(key) }), start: last.node.start, end: last.node.end };
  }

  // Below, only the key or scalar value directly under the cursor counts.
  if (!pair || pair !== last.pair) return null;
  const type = resourceTypeAt(loc, idx);
  if (key === 'ReadCapacityUnits' || key === 'WriteCapacityUnits') {
    const t = resolveScalarText(pair.value, idx);
    const n = t ? Number(t.text) : NaN;
    if (!Number.isFinite(n) || n < 0) return null;
    const md = capacityMarkdown(key === 'ReadCapacityUnits' ? 'read' : 'write', n, t?.parameter);
    return { term: key === 'ReadCapacityUnits' ? 'RCU' : 'WCU', context: type, markdown: md, start: pair.key.start, end: pair.key.end };
  }
  if (key === 'BillingMode' && (type === 'AWS::DynamoDB::Table' || type === 'AWS::DynamoDB::GlobalTable')) {
    const t = resolveScalarText(pair.value, idx);
    const mode = t?.text ?? 'PROVISIONED';
    if (mode === 'PAY_PER_REQUEST') return { term: 'on-demand capacity', context: type, markdown: ON_DEMAND_MARKDOWN, start: pair.key.start, end: pair.key.end };
    if (mode === 'PROVISIONED') return { term: 'provisioned capacity', context: type, markdown: PROVISIONED_MARKDOWN, start: pair.key.start, end: pair.key.end };
  }
  if (key === 'ShardCount' && type === 'AWS::Kinesis::Stream') {
    const t = resolveScalarText(pair.value, idx);
    const n = t ? Number(t.text) : NaN;
    if (Number.isInteger(n) && n > 0) return { term: 'shard', context: type, markdown: shardMarkdown(n, t?.parameter), start: pair.key.start, end: pair.key.end };
  }
  return null;
}

/** A provider that appends calculator facts to `base`'s hover (or answers alone where `base` has none). */
export function withCalcFacts(base: KindHover): KindHover {
  return (doc, kind, offset) => {
    const h = base(doc, kind, offset);
    let c: HoverResult | null = null;
    try {
      c = calcHover(doc, offset);
    } catch {
      c = null; // calculator facts are extras; never lose the spec hover over them
    }
    if (!c) return h;
    if (!h) return c;
    return { ...h, markdown: `${h.markdown}\n\n---\n\n${c.markdown}` };
  };
}

