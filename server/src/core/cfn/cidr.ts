/**
 * Turns a template value into the CIDR block it stands for: a literal, a parameter's Default, a
 * Mappings value, `!GetAtt Vpc.CidrBlock`, or `!Select [i, !Cidr [block, count, bits]]` evaluated
 * the way CloudFormation does. The network rules, hovers and inlay hints all read it.
 */
import { evaluateFnCidr, isCidr, type FnCidrResult } from '../calc';
import { get, intrinsicName, isMap, isScalar, isSeq, str, type MapNode, type Node, type ScalarNode } from '../document/nodes';
import type { ResourceInfo, TemplateIndex } from './template';

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

export const args = (n: Node): Node | undefined => (isMap(n) && n.pairs.length === 1 ? n.pairs[0].value : undefined);

/** `Ref`/`GetAtt` target of a node, when it is a resource of one of `types`. */
export function resourceTarget(node: Node | undefined, idx: TemplateIndex, types: string[], attr?: string): ResourceInfo | undefined {
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
export type FnCidrBlocks = Omit<Extract<FnCidrResult, { ok: true }>, 'ok' | 'warnings'> & {
  kind: 'blocks';
  /** The parameter whose Default decided an argument. */
  parameter?: string;
};

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

