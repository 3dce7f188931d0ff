/**
 * Calculator facts for CloudFormation hovers: what a CIDR block covers (range, netmask, usable
 * addresses, AWS's 5 reserved addresses), which blocks `!Cidr` yields, what provisioned DynamoDB
 * units and Kinesis shards buy, and what on-demand billing means. `withCalcFacts` appends these to
 * the spec hover of the same spot, or answers alone where the spec has nothing to say.
 */
import { analyzeCidr, isCidr, type CidrInfo } from '../calc';
import { billingModeReport, cidrBlockReport, fnCidrReport, provisionedUnitsReport, shardCapacityReport, type CidrUse } from '../calc/reports';
import { reportHover } from '../calc/report';
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

export type { CidrUse };

export function cidrUseForKey(key: string | undefined): CidrUse {
  return key && RULE_CIDR_KEY.test(key) ? 'range' : 'subnet';
}

/** The hover card of one block: its report, rendered as Markdown. */
function cidrMarkdown(info: CidrInfo, opts: { use?: CidrUse; via?: string[]; parameter?: string } = {}): string {
  return reportHover(cidrBlockReport(info, opts));
}

/** A `!Cidr` the template evaluates to (the rule's result, without its tag). */
type CidrExpansion = Omit<FnCidrBlocks, 'kind'>;

/** The hover card of `!Cidr [block, count, bits]` and, when `!Select` picks one, which. */
function fnCidrMarkdown(r: CidrExpansion, selected?: number): string {
  return reportHover(fnCidrReport(r, selected));
}

/** What provisioned DynamoDB units buy. */
function capacityMarkdown(kind: 'read' | 'write', units: number, parameter?: string): string {
  return reportHover(provisionedUnitsReport(kind, units, parameter));
}

const ON_DEMAND_MARKDOWN = reportHover(billingModeReport('PAY_PER_REQUEST'));
const PROVISIONED_MARKDOWN = reportHover(billingModeReport('PROVISIONED'));

function shardMarkdown(shards: number, parameter?: string): string {
  return reportHover(shardCapacityReport(shards, parameter));
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

