/**
 * Security group rules: ports must fit the protocol (SG1001), and ports given for a protocol that has
 * none are ignored (SG1002). TCP and UDP need FromPort and ToPort (a range, FromPort ≤ ToPort);
 * ICMP reads them as type and code (-1 for all); `-1` (all traffic) and other protocols have no ports.
 */
import { templateIndex } from '../../cfn/template';
import { listItems } from '../../cfn/policies';
import { get, getPair, isScalar, keyText, str, type MapNode, type Node, type Pair } from '../../document/nodes';
import { cfnRule } from '../define';
import type { RawFinding, Rule, RuleContext } from '../types';

/** Spellings EC2 reads as a protocol with ports (what cfn-lint also requires ports for). */
const PORTED: Record<string, 'tcp' | 'udp' | 'icmp'> = { tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp', icmp: 'icmp', '1': 'icmp' };
/** Protocols that have ports in some spelling: never told their ports are ignored. */
const MAY_HAVE_PORTS = /^(tcp|udp|icmp|icmpv6|6|17|1|58)$/i;

interface SgRule {
  map: MapNode;
}

function sgRules(ctx: RuleContext): SgRule[] {
  const idx = templateIndex(ctx.doc, ctx.root);
  const out: SgRule[] = [];
  for (const r of idx.resources.values()) {
    if (r.type === 'AWS::EC2::SecurityGroup') {
      for (const k of ['SecurityGroupIngress', 'SecurityGroupEgress']) {
        for (const it of listItems(get(r.properties, k))) if (plain(it)) out.push({ map: it });
      }
    } else if ((r.type === 'AWS::EC2::SecurityGroupIngress' || r.type === 'AWS::EC2::SecurityGroupEgress') && plain(r.properties)) {
      out.push({ map: r.properties });
    }
  }
  return out;
}

function plain(n: Node | undefined): n is MapNode {
  return n?.kind === 'map' && !n.pairs.some((p) => /^(Ref|Fn::)/.test(keyText(p)));
}


/** A literal integer port, or undefined when it is an intrinsic or not a number. */
function port(p: Pair | undefined): number | undefined {
  if (!p || !isScalar(p.value)) return undefined;
  const s = str(p.value)?.trim();
  return s !== undefined && /^-?\d+$/.test(s) ? Number(s) : undefined;
}

export const sgPorts = cfnRule('SG1001', 'Security group rule ports that do not fit its protocol', ['E3687'], (ctx) => {
  const out: RawFinding[] = [];
  for (const { map } of sgRules(ctx)) {
    const proto = getPair(map, 'IpProtocol');
    const protoText = proto && isScalar(proto.value) ? str(proto.value)?.trim() : undefined;
    const kind = protoText !== undefined ? PORTED[protoText] : undefined;
    if (!proto || !kind) continue;
    const from = getPair(map, 'FromPort');
    const to = getPair(map, 'ToPort');
    const missing = [from ? undefined : 'FromPort', to ? undefined : 'ToPort'].filter((x): x is string => !!x);
    if (missing.length) {
      const what = kind === 'icmp' ? 'an ICMP type and code (-1 for all)' : `a port range (FromPort ≤ ToPort, 0–65535)`;
      out.push({
        message: `IpProtocol ${protoText} needs ${missing.join(' and ')}: ${what}. EC2 rejects the rule without ${missing.length === 1 ? 'it' : 'them'}.`,
        start: proto.value.start,
        end: proto.value.end,
        data: { fix: 'addKeys', keys: missing, sibling: map.pairs[0].key.start, lastEnd: map.pairs[map.pairs.length - 1].end },
      });
      continue;
    }
    const f = port(from);
    const t = port(to);
    if (kind === 'icmp') {
      if (f === -1 && t !== undefined && t !== -1) out.push({ message: `With FromPort -1 (every ICMP type), ToPort (the code) must be -1 too.`, start: to!.value.start, end: to!.value.end, data: { fix: 'replace', start: to!.value.start, end: to!.value.end, candidates: ['-1'] } });
      for (const [p, v, what] of [[from, f, 'type'], [to, t, 'code']] as const) {
        if (v !== undefined && (v < -1 || v > 255)) out.push({ message: `An ICMP ${what} is -1 (all) or 0–255, not ${v}.`, start: p!.value.start, end: p!.value.end });
      }
      continue;
    }
    for (const [p, v] of [[from, f], [to, t]] as const) {
      if (v !== undefined && (v < -1 || v > 65535)) out.push({ message: `A port is 0–65535, not ${v}.`, start: p!.value.start, end: p!.value.end });
    }
    if (f !== undefined && t !== undefined && f >= 0 && t >= 0 && f > t) {
      out.push({ message: `FromPort ${f} is above ToPort ${t}: the range is empty and EC2 rejects it. Swap them.`, start: from!.value.start, end: from!.value.end });
    }
  }
  return out;
});

export const sgIgnoredPorts = cfnRule('SG1002', 'Security group rule ports that its protocol ignores', ['W3687'], (ctx) => {
  const out: RawFinding[] = [];
  for (const { map } of sgRules(ctx)) {
    const proto = getPair(map, 'IpProtocol');
    const protoText = proto && isScalar(proto.value) ? str(proto.value)?.trim() : undefined;
    if (protoText === undefined || MAY_HAVE_PORTS.test(protoText)) continue;
    const label = protoText === '-1' ? 'all traffic (-1)' : `protocol ${protoText}`;
    for (const k of ['FromPort', 'ToPort']) {
      const p = getPair(map, k);
      if (!p) continue;
      // `-1` ports with all traffic say the same thing twice; only other values mislead.
      if (protoText === '-1' && port(p) === -1) continue;
      out.push({
        message: `${k} is ignored for ${label}: the rule covers every port. Remove it, or use tcp/udp to limit ports.`,
        start: p.key.start,
        end: p.key.end,
        data: { fix: 'deletePair', start: p.start, end: p.end, key: k },
      });
    }
  }
  return out;
}, 'warning');

export const securityGroupRules: Rule[] = [sgPorts, sgIgnoredPorts];
