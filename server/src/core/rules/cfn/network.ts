/**
 * VPC and subnet CIDR checks (CIDR1001–CIDR1006), plus the resolver hovers and inlay hints use to
 * turn a CidrBlock value into a block: a literal, a parameter's Default, a Mappings value,
 * `!GetAtt Vpc.CidrBlock`, or `!Select [i, !Cidr [block, count, bits]]` evaluated the way
 * CloudFormation does. Values decided by a parameter's Default are reported as warnings, since a
 * different value may be passed at deploy time.
 */
import { analyzeCidr, cidrContains, cidrOverlap, evaluateFnCidr, isCidr, type CidrInfo } from '../../calc';
import type { TemplateDocument } from '../../document/model';
import { get, intrinsicName, isMap, isScalar, isSeq, keyText, str, type MapNode, type Node, type ScalarNode } from '../../document/nodes';
import type { RawFinding, Rule, RuleContext, Severity } from '../types';
import { templateIndex, type ResourceInfo, type TemplateIndex } from './template';

const CFN_KINDS = ['cfn', 'sam'] as const;
const MAX_DEPTH = 10;

/** A block a template value stands for. */
export interface CidrValue {
  kind: 'value';
  /** The block as written or computed (host bits may be set). */
  cidr: string;
  /** The scalar the text is written in, when it is written somewhere (for fixes and for de-duplication). */
  source?: ScalarNode;
  /** The parameter whose Default decided the value (then it may differ at deploy time). */
  parameter?: string;
  /** Set when the block came out of `!Cidr`. */
  fnCidr?: { ipBlock: string; count: number; cidrBits: number; blocks: string[]; index: number };
  /** How the value was found, e.g. "Default of parameter VpcCidr" (for hovers). */
  via: string[];
}

/** A value that can be worked out but is impossible (e.g. `!Select` past the end of `!Cidr`'s list). */
export interface CidrFailure {
  kind: 'error';
  message: string;
  node: Node;
  parameter?: string;
}

export type CidrResolution = CidrValue | CidrFailure | undefined;

/** Text of a scalar, or of a parameter's Default when the node is `Ref` to a parameter. */
export function resolveScalarText(node: Node | undefined, idx: TemplateIndex): { text: string; parameter?: string; source: ScalarNode } | undefined {
  if (!node) return undefined;
  if (isScalar(node)) return node.value === null ? undefined : { text: String(node.value), source: node };
  if (intrinsicName(node) === 'Ref') {
    const name = str((node as MapNode).pairs[0].value);
    const p = name ? idx.parameters.get(name) : undefined;
    const d = get(p?.value, 'Default');
    if (name && isScalar(d) && d.value !== null) {
      // Only plain values: a list default is not one value, and an SSM parameter's Default is the SSM name, not its value.
      const type = str(get(p?.value, 'Type')) ?? 'String';
      if (type !== 'String' && type !== 'Number') return undefined;
      return { text: String(d.value), parameter: name, source: d };
    }
  }
  return undefined;
}

const args = (n: Node): Node | undefined => (isMap(n) && n.pairs.length === 1 ? n.pairs[0].value : undefined);

/** `Ref`/`GetAtt` target of a node, when it is a resource of one of `types`. */
function resourceTarget(node: Node | undefined, idx: TemplateIndex, types: string[], attr?: string): ResourceInfo | undefined {
  const fn = intrinsicName(node);
  if (!node || !fn) return undefined;
  const a = args(node)!;
  let name: string | undefined;
  if (fn === 'Ref' && attr === undefined) name = str(a);
  else if (fn === 'Fn::GetAtt') {
    let at: string | undefined;
    if (isScalar(a)) {
      const s = str(a) ?? '';
      const i = s.indexOf('.');
      [name, at] = i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
    } else if (isSeq(a) && a.items.length === 2) [name, at] = [str(a.items[0]), str(a.items[1])];
    if (at !== attr) return undefined;
  }
  const r = name ? idx.resources.get(name) : undefined;
  return r?.type && types.includes(r.type) ? r : undefined;
}

/** What a `!Cidr` in the template evaluates to. */
export interface FnCidrBlocks {
  kind: 'blocks';
  ipBlock: string;
  count: number;
  cidrBits: number;
  subnetPrefix: number;
  blocks: string[];
  steps: string[];
  /** The parameter whose Default decided an argument. */
  parameter?: string;
}

/** Evaluate a `Fn::Cidr` node whose arguments can be worked out. */
export function evaluateFnCidrNode(
  node: Node,
  idx: TemplateIndex,
  depth = 0,
): FnCidrBlocks | CidrFailure | undefined {
  if (intrinsicName(node) !== 'Fn::Cidr') return undefined;
  const a = args(node);
  if (!isSeq(a) || a.items.length !== 3) return undefined;
  const block = resolveCidr(a.items[0], idx, depth + 1);
  if (block?.kind !== 'value' || !isCidr(block.cidr)) return undefined;
  const count = resolveScalarText(a.items[1], idx);
  const bits = resolveScalarText(a.items[2], idx);
  if (!count || !bits) return undefined;
  const parameter = block.parameter ?? count.parameter ?? bits.parameter;
  const r = evaluateFnCidr(block.cidr, count.text, bits.text);
  if (!r.ok) return { kind: 'error', message: `!Cidr [${block.cidr}, ${count.text}, ${bits.text}] cannot be evaluated: ${r.error}.`, node, parameter };
  return { kind: 'blocks', ipBlock: r.ipBlock, count: r.count, cidrBits: r.cidrBits, blocks: r.blocks, parameter, steps: r.steps, subnetPrefix: r.subnetPrefix };
}

/** The block a value stands for, when the template says it without deploy-time input other than parameter defaults. */
export function resolveCidr(node: Node | undefined, idx: TemplateIndex, depth = 0): CidrResolution {
  if (!node || depth > MAX_DEPTH) return undefined;
  if (isScalar(node)) {
    return typeof node.value === 'string' && node.value.trim() !== '' ? { kind: 'value', cidr: node.value.trim(), source: node, via: [] } : undefined;
  }
  const fn = intrinsicName(node);
  if (!fn) return undefined;
  const a = args(node)!;
  switch (fn) {
    case 'Ref': {
      const t = resolveScalarText(node, idx);
      return t ? { kind: 'value', cidr: t.text.trim(), source: t.source, parameter: t.parameter, via: [`Default of parameter ${t.parameter}`] } : undefined;
    }
    case 'Fn::FindInMap': {
      if (!isSeq(a) || a.items.length < 3) return undefined;
      const keys = a.items.slice(0, 3).map((k) => resolveScalarText(k, idx));
      if (keys.some((k) => !k)) return undefined;
      const [m, k1, k2] = keys as { text: string; parameter?: string }[];
      const v = get(get(idx.mappings.get(m.text)?.value, k1.text), k2.text);
      if (!isScalar(v)) return undefined;
      const r = resolveCidr(v, idx, depth + 1);
      if (r?.kind !== 'value') return r;
      const parameter = m.parameter ?? k1.parameter ?? k2.parameter;
      return { ...r, parameter: r.parameter ?? parameter, via: [`Mappings ${m.text}.${k1.text}.${k2.text}`, ...r.via] };
    }
    case 'Fn::GetAtt': {
      const vpc = resourceTarget(node, idx, ['AWS::EC2::VPC', 'AWS::EC2::Subnet'], 'CidrBlock');
      if (!vpc) return undefined;
      const r = resolveCidr(get(vpc.properties, 'CidrBlock'), idx, depth + 1);
      return r?.kind === 'value' ? { ...r, via: [`CidrBlock of ${vpc.name}`, ...r.via] } : r;
    }
    case 'Fn::Select': {
      if (!isSeq(a) || a.items.length !== 2) return undefined;
      const i = resolveScalarText(a.items[0], idx);
      if (!i || !/^\s*\d+\s*$/.test(i.text)) return undefined;
      const index = Number(i.text);
      const list = a.items[1];
      if (intrinsicName(list) === 'Fn::Cidr') {
        const r = evaluateFnCidrNode(list, idx, depth + 1);
        if (!r || r.kind === 'error') return r;
        const parameter = r.parameter ?? i.parameter;
        if (index >= r.blocks.length) {
          return { kind: 'error', message: `!Select index ${index} is past the end of the list: !Cidr [${r.ipBlock}, ${r.count}, ${r.cidrBits}] yields ${r.blocks.length} block${r.blocks.length === 1 ? '' : 's'} (indexes 0–${r.blocks.length - 1}).`, node: a.items[0], parameter };
        }
        return {
          kind: 'value',
          cidr: r.blocks[index],
          parameter,
          fnCidr: { ipBlock: r.ipBlock, count: r.count, cidrBits: r.cidrBits, blocks: r.blocks, index },
          via: [`block ${index} of !Cidr [${r.ipBlock}, ${r.count}, ${r.cidrBits}]`],
        };
      }
      if (isSeq(list)) {
        const item = list.items[index];
        return item ? resolveCidr(item, idx, depth + 1) : undefined;
      }
      if (intrinsicName(list) === 'Ref') {
        const name = str(args(list));
        const p = name ? idx.parameters.get(name) : undefined;
        const d = get(p?.value, 'Default');
        if (!name || !isScalar(d) || !/^CommaDelimitedList$/.test(str(get(p?.value, 'Type')) ?? '')) return undefined;
        const parts = String(d.value ?? '').split(',');
        const part = parts[index]?.trim();
        return part ? { kind: 'value', cidr: part, parameter: name, via: [`item ${index} of the Default of parameter ${name}`] } : undefined;
      }
      return undefined;
    }
  }
  return undefined;
}

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

  // Every `!Cidr` and `!Select [i, !Cidr …]` in resources and outputs: can CloudFormation evaluate it?
  const visit = (n: Node, depth: number) => {
    if (depth > 100) return;
    if (isMap(n)) {
      const fn = intrinsicName(n);
      if (fn === 'Fn::Cidr') {
        const r = evaluateFnCidrNode(n, idx);
        if (r?.kind === 'error') push('CIDR1006', { message: withNote(r.message, r), start: n.start, end: n.end, severity: r.parameter ? 'warning' : 'error' });
      } else if (fn === 'Fn::Select') {
        const a = args(n);
        if (isSeq(a) && a.items.length === 2 && intrinsicName(a.items[1]) === 'Fn::Cidr') {
          const r = resolveCidr(n, idx);
          if (r?.kind === 'error' && r.node !== a.items[1]) {
            push('CIDR1006', { message: withNote(r.message, r), start: r.node.start, end: r.node.end, severity: r.parameter ? 'warning' : 'error' });
          }
        }
      }
      for (const p of n.pairs) if (!keyText(p).startsWith('Fn::ForEach')) visit(p.value, depth + 1);
    } else if (isSeq(n)) for (const it of n.items) visit(it, depth + 1);
  };
  for (const section of ['Resources', 'Outputs']) {
    const s = get(root, section);
    if (s) visit(s, 0);
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
  return {
    code,
    kinds: CFN_KINDS,
    severity,
    title,
    cfnLint,
    check(ctx: RuleContext) {
      return computeFindings(ctx.doc, ctx.root)
        .filter((f) => f.code === code)
        .map(({ code: _code, ...f }) => f);
    },
  };
}

export const subnetOutsideVpc = networkRule('CIDR1001', "Subnet CIDR block outside its VPC's CIDR blocks");
export const subnetsOverlap = networkRule('CIDR1002', 'Subnets of the same VPC overlap', ['E3060']);
export const prefixOutOfRange = networkRule('CIDR1003', 'VPC or subnet block size outside /16–/28', [], 'error');
export const hostBitsSet = networkRule('CIDR1004', 'CIDR block has host bits set (not aligned to its prefix)', [], 'warning');
export const notACidr = networkRule('CIDR1005', 'CidrBlock is not an IPv4 CIDR block');
export const fnCidrImpossible = networkRule('CIDR1006', '!Cidr or !Select over !Cidr cannot be evaluated', ['E1024', 'E1017']);

export const networkRules: Rule[] = [subnetOutsideVpc, subnetsOverlap, prefixOutOfRange, hostBitsSet, notACidr, fnCidrImpossible];
