/**
 * VPC and subnet CIDR checks (CIDR1001–CIDR1006) over the blocks the model's resolver
 * (cfn/cidr.ts) works out. Values decided by a parameter's Default are reported as warnings, since
 * a different value may be passed at deploy time.
 */
import { analyzeCidr, cidrContains, cidrOverlap, isCidr, type CidrInfo } from '../../calc';
import { args, evaluateFnCidrNode, resolveCidr, resourceTarget, type CidrValue } from '../../cfn/cidr';
import { intrinsicCalls } from '../../cfn/calls';
import { templateIndex, type ResourceInfo, type TemplateIndex } from '../../cfn/template';
import type { TemplateDocument } from '../../document/model';
import { get, intrinsicName, isScalar, isSeq, keyText, str, type MapNode, type Node } from '../../document/nodes';
import { cfnRule } from '../define';
import type { RawFinding, Rule, RuleContext, Severity } from '../types';

// ---------------------------------------------------------------------------------------------
// The template's VPCs and subnets

export const VPC_TYPE = 'AWS::EC2::VPC';
export const SUBNET_TYPE = 'AWS::EC2::Subnet';
export const VPC_CIDR_TYPE = 'AWS::EC2::VPCCidrBlock';

interface Block {
  value: CidrValue;
  info: CidrInfo;
  /** Resource whose property holds it, and that property's value node. */
  owner: ResourceInfo;
  node: Node;
}

interface VpcModel {
  name: string;
  /** IPv4 blocks: the VPC's CidrBlock and every AWS::EC2::VPCCidrBlock attached to it. */
  blocks: Block[];
  /** Some block can't be known (IPAM pool, an intrinsic we can't follow): containment is not checked. */
  open: boolean;
}

interface NetworkFinding extends RawFinding {
  code: string;
}

const findingCache = new WeakMap<TemplateDocument, NetworkFinding[]>();

/** Which VPC (or VPC-id value) a subnet's VpcId names: a resource name, or a stable key for parameters and literals. */
function vpcKey(node: Node | undefined, idx: TemplateIndex): { vpc?: string; key: string } | undefined {
  if (!node) return undefined;
  const r = resourceTarget(node, idx, [VPC_TYPE]) ?? resourceTarget(node, idx, [VPC_TYPE], 'VpcId');
  if (r) return { vpc: r.name, key: `resource:${r.name}` };
  if (intrinsicName(node) === 'Ref') {
    const name = str(args(node));
    return name ? { key: `ref:${name}` } : undefined;
  }
  if (isScalar(node) && typeof node.value === 'string') return { key: `literal:${node.value}` };
  if (intrinsicName(node) === 'Fn::ImportValue' && isScalar(args(node))) return { key: `import:${str(args(node))}` };
  return undefined;
}

function sev(...values: (CidrValue | undefined)[]): Severity {
  return values.some((v) => v?.parameter) ? 'warning' : 'error';
}

function paramNote(...values: ({ parameter?: string } | undefined)[]): string {
  const names = [...new Set(values.map((v) => v?.parameter).filter((p): p is string => !!p))];
  if (!names.length) return '';
  return ` (with the Default of parameter${names.length > 1 ? 's' : ''} ${names.map((n) => `'${n}'`).join(', ')}; another value given at deploy time may be fine)`;
}

/** A message ending in '.', with the parameter note before the full stop. */
const withNote = (message: string, ...values: ({ parameter?: string } | undefined)[]) => `${message.replace(/\.$/, '')}${paramNote(...values)}.`;

const rangeOf = (i: CidrInfo) => `${i.cidr} = ${i.network}–${i.lastAddress}`;

function computeFindings(doc: TemplateDocument, root: MapNode): NetworkFinding[] {
  const hit = findingCache.get(doc);
  if (hit) return hit;
  const out: NetworkFinding[] = [];
  const idx = templateIndex(doc, root);
  findingCache.set(doc, out);
  if (idx.foreignTransform) return out;
  const seen = new Set<string>();
  const push = (code: string, f: RawFinding) => {
    const k = `${code}:${f.start}:${f.end}:${f.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ code, ...f });
  };

  // Every IPv4 block property of VPCs, subnets and VPC CIDR associations: shape checks.
  const blocks = new Map<ResourceInfo, Block>();
  for (const r of idx.resources.values()) {
    if (r.type !== VPC_TYPE && r.type !== SUBNET_TYPE && r.type !== VPC_CIDR_TYPE) continue;
    const node = get(r.properties, 'CidrBlock');
    const v = resolveCidr(node, idx);
    if (!node || v?.kind !== 'value') continue;
    // Report where the text is written when it lives elsewhere (a parameter Default, a mapping), once.
    const atNode = v.source && !v.fnCidr ? v.source : node;
    const at = { start: atNode.start, end: atNode.end };
    const where = v.fnCidr ? ` (${v.via[0]})` : '';
    const what = `${r.type === SUBNET_TYPE ? 'Subnet' : r.type === VPC_TYPE ? 'VPC' : 'VPC CIDR block'} '${r.name}'`;
    if (!isCidr(v.cidr)) {
      push('CIDR1005', { message: `${what}: '${v.cidr}' is not a CIDR block; write an IPv4 network and prefix such as 10.0.0.0/16${paramNote(v)}.`, start: at.start, end: at.end, severity: sev(v) });
      continue;
    }
    const info = analyzeCidr(v.cidr);
    if (info.version !== 4) {
      push('CIDR1005', { message: `${what}: CidrBlock takes an IPv4 block, not ${info.cidr}; IPv6 goes in Ipv6CidrBlock${r.type === VPC_TYPE ? ' (or an AWS::EC2::VPCCidrBlock)' : ''}${paramNote(v)}.`, start: at.start, end: at.end, severity: sev(v) });
      continue;
    }
    if (!info.aligned) {
      // EC2 does not reject it: the API rewrites the block to its network, which is rarely what the author meant.
      push('CIDR1004', {
        message: `${what}: ${v.cidr} has host bits set; EC2 quietly creates the /${info.prefix} network that contains it, ${info.cidr} (${info.network}–${info.lastAddress}). Write ${info.cidr}, or the block you meant${paramNote(v)}.`,
        start: at.start,
        end: at.end,
        severity: 'warning',
        data: v.source && !v.fnCidr ? { fix: 'replace', start: v.source.start, end: v.source.end, candidates: [info.cidr] } : undefined,
      });
    }
    if (!info.validSubnet) {
      const kind = r.type === SUBNET_TYPE ? 'subnet' : 'VPC';
      push('CIDR1003', {
        message: `${what}: /${info.prefix}${where} is not an allowed ${kind} size, and EC2 rejects it; IPv4 ${kind} blocks must be /16 (65,536 addresses) to /28 (16 addresses)${paramNote(v)}.`,
        start: at.start,
        end: at.end,
        severity: sev(v),
      });
    }
    blocks.set(r, { value: v, info, owner: r, node });
  }

  // The VPCs of this template and every IPv4 block attached to them.
  const vpcs = new Map<string, VpcModel>();
  for (const r of idx.resources.values()) {
    if (r.type !== VPC_TYPE) continue;
    const b = blocks.get(r);
    vpcs.set(r.name, { name: r.name, blocks: b ? [b] : [], open: !b });
  }
  for (const r of idx.resources.values()) {
    if (r.type !== VPC_CIDR_TYPE) continue;
    const target = vpcKey(get(r.properties, 'VpcId'), idx);
    const hasV4 = get(r.properties, 'CidrBlock') !== undefined || get(r.properties, 'Ipv4IpamPoolId') !== undefined;
    if (!hasV4) continue; // an IPv6-only association changes nothing for IPv4 subnets
    const b = blocks.get(r);
    if (!target?.vpc) {
      // Attached to a VPC we can't name: any VPC here might grow.
      if (!target) for (const v of vpcs.values()) v.open = true;
      continue;
    }
    const vpc = vpcs.get(target.vpc);
    if (!vpc) continue;
    if (b) vpc.blocks.push(b);
    else vpc.open = true;
  }

  // Subnets: inside their VPC, and not overlapping each other.
  const groups = new Map<string, Block[]>();
  for (const r of idx.resources.values()) {
    if (r.type !== SUBNET_TYPE) continue;
    const b = blocks.get(r);
    if (!b || !b.info.validSubnet) continue; // unaligned blocks count as the network EC2 creates
    const target = vpcKey(get(r.properties, 'VpcId'), idx);
    if (!target) continue;
    const vpc = target.vpc ? vpcs.get(target.vpc) : undefined;
    if (vpc && !vpc.open && vpc.blocks.length) {
      const inside = vpc.blocks.some((vb) => cidrContains(vb.info.cidr, b.info.cidr));
      if (!inside) {
        const list = vpc.blocks.map((vb) => rangeOf(vb.info)).join('; ');
        const v = vpc.blocks.map((vb) => vb.value);
        push('CIDR1001', {
          message: `Subnet '${r.name}' (${rangeOf(b.info)}${b.value.fnCidr ? `, ${b.value.via[0]}` : ''}) is not inside its VPC '${vpc.name}' (${list}); a subnet's block must lie within one of the VPC's CIDR blocks${paramNote(b.value, ...v)}.`,
          start: b.node.start,
          end: b.node.end,
          severity: sev(b.value, ...v),
        });
      }
    }
    const g = groups.get(target.key) ?? [];
    g.push(b);
    groups.set(target.key, g);
  }
  for (const [key, list] of groups) {
    for (let j = 1; j < list.length; j++) {
      for (let i = 0; i < j; i++) {
        const [a, b] = [list[i], list[j]];
        if (!mayCoexist(a.owner, b.owner)) continue;
        const o = cidrOverlap(a.info.cidr, b.info.cidr);
        if (!o.overlap) continue;
        const vpcName = key.startsWith('resource:') ? `VPC '${key.slice(9)}'` : 'the same VPC';
        // cidrOverlap(a, b): 'inside' means a lies inside b, so b contains a.
        const how = o.relation === 'equal' ? 'is the same block as' : o.relation === 'inside' ? 'contains' : 'lies inside';
        push('CIDR1002', {
          message: `Subnet '${b.owner.name}' (${rangeOf(b.info)}) overlaps subnet '${a.owner.name}' (${a.info.cidr}) in ${vpcName}: it ${how} ${a.info.cidr}. Subnets of one VPC need disjoint blocks${paramNote(a.value, b.value)}.`,
          start: b.node.start,
          end: b.node.end,
          severity: sev(a.value, b.value),
        });
        break;
      }
    }
  }

  // Every `!Cidr` and `!Select [i, !Cidr …]` in resources and outputs (not in Fn::ForEach bodies,
  // at most 100 levels deep): can CloudFormation evaluate it?
  const calls = intrinsicCalls(doc, root);
  for (const section of ['Resources', 'Outputs']) {
    // The last one, when a section is written twice (as `get` reads it).
    const at = root.pairs.map(keyText).lastIndexOf(section);
    for (const c of at < 0 ? [] : calls.bySection[at]) {
      if (c.inLoop || c.depth > 100) continue;
      const n = c.node;
      if (c.fn === 'Fn::Cidr') {
        const r = evaluateFnCidrNode(n, idx);
        if (r?.kind === 'error') push('CIDR1006', { message: withNote(r.message, r), start: n.start, end: n.end, severity: r.parameter ? 'warning' : 'error' });
      } else if (c.fn === 'Fn::Select') {
        const a = args(n);
        if (isSeq(a) && a.items.length === 2 && intrinsicName(a.items[1]) === 'Fn::Cidr') {
          const r = resolveCidr(n, idx);
          if (r?.kind === 'error' && r.node !== a.items[1]) {
            push('CIDR1006', { message: withNote(r.message, r), start: r.node.start, end: r.node.end, severity: r.parameter ? 'warning' : 'error' });
          }
        }
      }
    }
  }
  return out;
}

/** Two resources can both exist unless each has its own, different Condition (which may exclude the other). */
function mayCoexist(a: ResourceInfo, b: ResourceInfo): boolean {
  const ca = get(a.node, 'Condition');
  const cb = get(b.node, 'Condition');
  if (!ca || !cb) return true;
  return str(ca) !== undefined && str(ca) === str(cb);
}

function networkRule(code: string, title: string, cfnLint: string[] = [], severity: Severity = 'error'): Rule {
  const check = (ctx: RuleContext) => computeFindings(ctx.doc, ctx.root).filter((f) => f.code === code).map(({ code: _code, ...f }) => f);
  return cfnRule(code, title, cfnLint, check, severity);
}

export const subnetOutsideVpc = networkRule('CIDR1001', "Subnet CIDR block outside its VPC's CIDR blocks");
export const subnetsOverlap = networkRule('CIDR1002', 'Subnets of the same VPC overlap', ['E3060']);
export const prefixOutOfRange = networkRule('CIDR1003', 'VPC or subnet block size outside /16–/28', [], 'error');
export const hostBitsSet = networkRule('CIDR1004', 'CIDR block has host bits set (not aligned to its prefix)', [], 'warning');
export const notACidr = networkRule('CIDR1005', 'CidrBlock is not an IPv4 CIDR block');
export const fnCidrImpossible = networkRule('CIDR1006', '!Cidr or !Select over !Cidr cannot be evaluated', ['E1024', 'E1017']);

export const networkRules: Rule[] = [subnetOutsideVpc, subnetsOverlap, prefixOutOfRange, hostBitsSet, notACidr, fnCidrImpossible];
