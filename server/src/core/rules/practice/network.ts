/** Security-group ingress open to the whole internet (BP1001, BP1002). */
import type { ResourceInfo } from '../../cfn/template';
import { get, isMap, isScalar, str, type Node } from '../../document/nodes';
import type { RawFinding } from '../types';
import { items, literalNumber, practiceRule } from './util';

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const ADMIN_PORTS: Record<number, string> = { 22: 'SSH', 3389: 'RDP' };

/** Ingress rules of a security group or a standalone ingress resource, with the world-open source scalar. */
function worldIngress(r: ResourceInfo): { rule: Node; source: Node }[] {
  const rules = r.type === 'AWS::EC2::SecurityGroupIngress' ? (r.properties ? [r.properties] : []) : items(get(r.properties, 'SecurityGroupIngress'));
  const out: { rule: Node; source: Node }[] = [];
  for (const rule of rules) {
    if (!isMap(rule)) continue;
    for (const key of ['CidrIp', 'CidrIpv6']) {
      const s = get(rule, key);
      if (isScalar(s) && WORLD.has(String(s.value).trim())) out.push({ rule, source: s });
    }
  }
  return out;
}

/** The protocol says every protocol and port (-1, "all" is not accepted by EC2 but -1 and "-1" are). */
function allProtocols(rule: Node): boolean {
  const p = str(get(rule, 'IpProtocol'));
  return p === '-1';
}

/** tcp/udp ports the rule opens, when written literally: [from, to]. */
function portRange(rule: Node): [number, number] | undefined {
  const proto = str(get(rule, 'IpProtocol'))?.toLowerCase();
  if (proto !== 'tcp' && proto !== 'udp' && proto !== '6' && proto !== '17') return undefined;
  const from = literalNumber(get(rule, 'FromPort'));
  const to = literalNumber(get(rule, 'ToPort'));
  if (from === undefined || to === undefined) return undefined;
  // -1 as a port means every port.
  return from === -1 || to === -1 ? [0, 65535] : [from, to];
}

const SG_TYPES = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'];

export const adminPortsOpen = practiceRule(
  'BP1001',
  'SSH or RDP open to the internet',
  { cfnNag: ['W2', 'W9'], checkov: ['CKV_AWS_24', 'CKV_AWS_25'], guard: ['INCOMING_SSH_DISABLED', 'RESTRICTED_INCOMING_TRAFFIC'] },
  (r, out: RawFinding[]) => {
    for (const { rule, source } of worldIngress(r)) {
      const range = portRange(rule);
      if (!range || (range[0] <= 0 && range[1] >= 65535)) continue; // all ports: BP1002
      const open = Object.entries(ADMIN_PORTS).filter(([p]) => range[0] <= Number(p) && Number(p) <= range[1]);
      if (!open.length) continue;
      const what = open.map(([p, name]) => `${name} (port ${p})`).join(' and ');
      out.push({
        message: `${what} is open to the whole internet (${str(source)}): anyone can try to log in. Allow only your own address range, or use Session Manager instead of opening the port.`,
        start: source.start,
        end: source.end,
      });
    }
  },
  SG_TYPES,
);

export const allPortsOpen = practiceRule(
  'BP1002',
  'All ports open to the internet',
  { cfnNag: ['W2', 'W42'], checkov: ['CKV_AWS_277'], guard: ['SECURITY_GROUP_INGRESS_ALL_PROTOCOLS_RULE'] },
  (r, out: RawFinding[]) => {
    for (const { rule, source } of worldIngress(r)) {
      const range = portRange(rule);
      if (!allProtocols(rule) && !(range && range[0] <= 0 && range[1] >= 65535)) continue;
      out.push({
        message: `Every port is open to the whole internet (${str(source)}): whatever this security group is attached to can be reached by anyone on any port. Open only the ports the service needs, to the sources that need them.`,
        start: source.start,
        end: source.end,
      });
    }
  },
  SG_TYPES,
);
