/**
 * IPv4/IPv6 CIDR maths with AWS VPC rules layered on top (5 reserved addresses per subnet,
 * allowed block sizes, RFC 1918), plus a subnet planner and an evaluator for CloudFormation's
 * Fn::Cidr. ip-num validates and parses addresses; the block arithmetic is plain bigint because
 * splitting needs nothing more than "network + i × size".
 */
import type * as IpNum from 'ip-num';
import { CalcError, fmt, plural } from './util';

/** ip-num takes tens of ms to load: loaded on the first address parsed (a fresh `aws-notes lint` often needs none). */
let ipNum: typeof IpNum | undefined;
const ip = (): typeof IpNum => (ipNum ??= require('ip-num') as typeof IpNum);

export type IpVersion = 4 | 6;

/** Why AWS holds back each of the 5 reserved addresses, index-aligned with `CidrInfo.reserved`. */
export const RESERVED_PURPOSES_V4 = [
  'network address',
  'VPC router',
  'Amazon DNS (VPC base + 2, held in every subnet)',
  'future use',
  'last address (no broadcast in a VPC, so AWS holds it)',
] as const;
export const RESERVED_PURPOSES_V6 = ['network address', 'VPC router', 'reserved by AWS', 'future use', 'last address'] as const;

/** AWS reserves the first four and the last address of every subnet. */
export const AWS_RESERVED_PER_SUBNET = 5;

/** Limits on how many blocks one split/plan may produce, so a typo like /8 → /32 can't allocate millions. */
export const MAX_SUBNETS = 4096;

export interface CidrInfo {
  /** What the caller passed, trimmed. */
  input: string;
  version: IpVersion;
  /** Canonical `network/prefix` (host bits cleared, IPv6 compressed per RFC 5952). */
  cidr: string;
  network: string;
  lastAddress: string;
  prefix: number;
  hostBits: number;
  netmask: string;
  /** Exact for IPv4; for IPv6 exact too, since sizes are powers of two. */
  totalAddresses: number;
  /** total − 5, or 0 if the block is too small. May lose precision above 2^53 (large IPv6 blocks). */
  usableAddresses: number;
  /** Exact decimal strings, for IPv6 sizes beyond Number.MAX_SAFE_INTEGER. */
  totalAddressesExact: string;
  usableAddressesExact: string;
  /** The addresses AWS reserves, in order; see RESERVED_PURPOSES_V4 / _V6 for why. */
  reserved: string[];
  firstUsable: string | null;
  lastUsable: string | null;
  /** Block size allowed for a VPC CIDR (IPv4 /16–/28; IPv6 /44–/60 in steps of 4). */
  validVpc: boolean;
  /** Block size allowed for a subnet (IPv4 /16–/28; IPv6 /44–/64 in steps of 4). */
  validSubnet: boolean;
  /** IPv4: wholly inside an RFC 1918 range. IPv6: inside fc00::/7 (unique local). */
  private: boolean;
  /** False when the input had host bits set (e.g. 10.16.1.0/20); `cidr` then holds the real network. */
  aligned: boolean;
  steps: string[];
  /** Things that will bite in AWS: unaligned input, sizes AWS rejects, ranges AWS advises against. */
  warnings: string[];
}

export interface SubnetInfo {
  cidr: string;
  network: string;
  lastAddress: string;
  prefix: number;
  totalAddresses: number;
  usableAddresses: number;
  firstUsable: string | null;
  lastUsable: string | null;
}

// ---------------------------------------------------------------------------------------------
// Parsing and formatting

interface Block {
  /** The caller's text, trimmed, for messages. */
  input: string;
  version: IpVersion;
  width: 32 | 128;
  /** Address as typed (may have host bits set). */
  address: bigint;
  network: bigint;
  prefix: number;
}

const widthOf = (v: IpVersion): 32 | 128 => (v === 4 ? 32 : 128);
const sizeOf = (width: number, prefix: number): bigint => 1n << BigInt(width - prefix);
const maskOf = (width: number, prefix: number): bigint => ((1n << BigInt(width)) - 1n) ^ (sizeOf(width, prefix) - 1n);

function parseBlock(text: string): Block {
  const input = text.trim();
  const m = /^([^/\s%]+)\/(\d{1,3})$/.exec(input);
  if (!m) {
    throw new CalcError(`'${text}' is not a CIDR block; expected an address and prefix like 10.0.0.0/16 or 2001:db8::/56`);
  }
  const [, addrText, prefixText] = m;
  const version: IpVersion = addrText.includes(':') ? 6 : 4;
  const width = widthOf(version);
  let address: bigint;
  if (version === 4) {
    if (!ip().Validator.isValidIPv4String(addrText)[0]) {
      throw new CalcError(`'${addrText}' is not a valid IPv4 address (four numbers 0–255 without leading zeros, like 10.0.0.0)`);
    }
    address = ip().IPv4.fromString(addrText).value;
  } else {
    if (!ip().Validator.isValidIPv6String(addrText)[0]) throw new CalcError(`'${addrText}' is not a valid IPv6 address`);
    try {
      address = ip().IPv6.fromString(addrText).value;
    } catch {
      throw new CalcError(`'${addrText}' is not a valid IPv6 address`);
    }
  }
  const prefix = Number(prefixText);
  if (prefix > width) {
    throw new CalcError(`prefix /${prefix} is out of range: IPv${version} prefixes go from /0 to /${width}`);
  }
  return { input, version, width, address, network: address & maskOf(width, prefix), prefix };
}

function formatV4(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => ((v >> s) & 255n).toString()).join('.');
}

/** RFC 5952 text form: lower-case, no leading zeros, longest run (≥ 2) of zero groups as "::". */
function formatV6(v: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((v >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

const formatAddress = (v: bigint, version: IpVersion): string => (version === 4 ? formatV4(v) : formatV6(v));
const blockText = (network: bigint, prefix: number, version: IpVersion) => `${formatAddress(network, version)}/${prefix}`;

/** Numbers for JSON: exact when safe, otherwise the nearest double (the *Exact strings carry the digits). */
const toNumber = (n: bigint): number => Number(n);

function usableOf(total: bigint): bigint {
  const u = total - BigInt(AWS_RESERVED_PER_SUBNET);
  return u > 0n ? u : 0n;
}

function subnetInfo(network: bigint, prefix: number, version: IpVersion): SubnetInfo {
  const width = widthOf(version);
  const total = sizeOf(width, prefix);
  const last = network + total - 1n;
  const usable = usableOf(total);
  return {
    cidr: blockText(network, prefix, version),
    network: formatAddress(network, version),
    lastAddress: formatAddress(last, version),
    prefix,
    totalAddresses: toNumber(total),
    usableAddresses: toNumber(usable),
    firstUsable: usable > 0n ? formatAddress(network + 4n, version) : null,
    lastUsable: usable > 0n ? formatAddress(last - 1n, version) : null,
  };
}

/** Normalise a CIDR: `10.16.1.0/20` → `10.16.0.0/20`, IPv6 compressed. Throws CalcError on bad input. */
export function normalizeCidr(text: string): string {
  const b = parseBlock(text);
  return blockText(b.network, b.prefix, b.version);
}

/** True if `text` parses as an IPv4 or IPv6 CIDR block (host bits may be set). */
export function isCidr(text: string): boolean {
  try {
    parseBlock(text);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// AWS size rules and address scopes

/** IPv4 VPC and subnet blocks may be /16 to /28. */
function v4SizeOk(prefix: number): boolean {
  return prefix >= 16 && prefix <= 28;
}
/** IPv6: VPC blocks /44–/60, subnet blocks /44–/64, both in increments of /4 (Amazon-provided VPC blocks are /56). */
function v6VpcOk(prefix: number): boolean {
  return prefix >= 44 && prefix <= 60 && prefix % 4 === 0;
}
function v6SubnetOk(prefix: number): boolean {
  return prefix >= 44 && prefix <= 64 && prefix % 4 === 0;
}

export function isValidVpcPrefix(prefix: number, version: IpVersion = 4): boolean {
  return version === 4 ? v4SizeOk(prefix) : v6VpcOk(prefix);
}
export function isValidSubnetPrefix(prefix: number, version: IpVersion = 4): boolean {
  return version === 4 ? v4SizeOk(prefix) : v6SubnetOk(prefix);
}

/** Ranges a block's scope is judged against, parsed on first use (see ip()). */
let ranges: { RFC1918: Block[]; SHARED_ADDRESS_SPACE: Block; DOCKER_DEFAULT: Block; IPV6_ULA: Block } | undefined;
const knownRanges = () =>
  (ranges ??= {
    RFC1918: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(parseBlock),
    SHARED_ADDRESS_SPACE: parseBlock('100.64.0.0/10'), // RFC 6598 (carrier-grade NAT)
    DOCKER_DEFAULT: parseBlock('172.17.0.0/16'), // AWS advises against it for VPCs (Cloud9, SageMaker use it)
    IPV6_ULA: parseBlock('fc00::/7'),
  });

const lastOf = (b: { width: number; network: bigint; prefix: number }) => b.network + sizeOf(b.width, b.prefix) - 1n;
const inside = (inner: Block, outer: Block) =>
  inner.version === outer.version && inner.network >= outer.network && lastOf(inner) <= lastOf(outer);
const overlapping = (a: Block, b: Block) => a.version === b.version && a.network <= lastOf(b) && b.network <= lastOf(a);

/** How a block's address scope is named everywhere (client report, CLI, hover): one wording per scope. */
export function cidrScope(info: Pick<CidrInfo, 'version' | 'private'>): string {
  if (info.version === 6) return info.private ? 'unique local (fc00::/7)' : 'global IPv6';
  return info.private ? 'private (RFC 1918)' : 'public (not RFC 1918)';
}

function scopeOf(b: Block): { private: boolean; step: string; warnings: string[] } {
  const cidr = blockText(b.network, b.prefix, b.version);
  const warnings: string[] = [];
  const { RFC1918, SHARED_ADDRESS_SPACE, DOCKER_DEFAULT, IPV6_ULA } = knownRanges();
  if (b.version === 6) {
    if (inside(b, IPV6_ULA)) return { private: true, step: `${cidr} is inside fc00::/7 → unique local (private) IPv6`, warnings };
    return {
      private: false,
      step: `${cidr} is outside fc00::/7 → global IPv6 (Amazon-provided VPC IPv6 blocks are public, globally unique addresses)`,
      warnings,
    };
  }
  if (overlapping(b, DOCKER_DEFAULT)) {
    warnings.push(`${cidr} overlaps 172.17.0.0/16, which some AWS services (e.g. Cloud9, SageMaker) use; AWS advises not using it for a VPC`);
  }
  const home = RFC1918.find((r) => inside(b, r));
  if (home) return { private: true, step: `${cidr} is inside ${blockText(home.network, home.prefix, 4)} → private (RFC 1918)`, warnings };
  const partial = RFC1918.find((r) => overlapping(b, r));
  if (partial) {
    return {
      private: false,
      step: `${cidr} contains the private range ${blockText(partial.network, partial.prefix, 4)} but also public addresses → not wholly RFC 1918`,
      warnings,
    };
  }
  if (inside(b, SHARED_ADDRESS_SPACE)) {
    return { private: false, step: `${cidr} is inside 100.64.0.0/10 → RFC 6598 shared address space, not RFC 1918`, warnings };
  }
  return {
    private: false,
    step: `${cidr} is outside 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16 → publicly routable, not RFC 1918 (AWS allows it but recommends private ranges)`,
    warnings,
  };
}

/** "every 16 in the third octet" — tells a learner where /20 boundaries fall. */
function v4Boundary(prefix: number): string {
  if (prefix === 0) return '';
  const octet = Math.ceil(prefix / 8); // 1-based octet where the prefix ends
  const step = 2 ** (8 * octet - prefix);
  const names = ['first', 'second', 'third', 'fourth'];
  return ` (/${prefix} blocks start every ${step} in the ${names[octet - 1]} octet)`;
}

// ---------------------------------------------------------------------------------------------
// Analysis

/** Everything about one CIDR block, with the working in `steps`. Throws CalcError on bad input. */
export function analyzeCidr(text: string): CidrInfo {
  const b = parseBlock(text);
  const { version, width, network, prefix } = b;
  const hostBits = width - prefix;
  const total = sizeOf(width, prefix);
  const last = network + total - 1n;
  const usable = usableOf(total);
  const cidr = blockText(network, prefix, version);
  const aligned = b.address === network;
  const steps: string[] = [];
  const warnings: string[] = [];

  steps.push(`/${prefix} → ${width} − ${prefix} = ${hostBits} host bits → 2^${hostBits} = ${fmt(total)} addresses`);
  const netmask = formatAddress(maskOf(width, prefix), version);
  steps.push(`Netmask: ${prefix} one-bits followed by ${hostBits} zero-bits → ${netmask}`);
  if (!aligned) {
    const boundary = version === 4 ? v4Boundary(prefix) : '';
    steps.push(
      `Host bits are set: ${formatAddress(b.address, version)} is not on a /${prefix} boundary${boundary} → the real network is ${cidr}`,
    );
    warnings.push(`${b.input} has host bits set; AWS expects the network address: use ${cidr}`);
  }
  steps.push(`Range: ${formatAddress(network, version)} – ${formatAddress(last, version)}`);

  const offsets = [0n, 1n, 2n, 3n].filter((o) => o < total);
  const reservedValues = [...offsets.map((o) => network + o), ...(total > 4n ? [last] : [])];
  const reserved = reservedValues.map((v) => formatAddress(v, version));
  const purposes = version === 4 ? RESERVED_PURPOSES_V4 : RESERVED_PURPOSES_V6;
  const purposeOf = (v: bigint) => (v === last && total > 4n ? purposes[4] : purposes[Number(v - network)]);
  const listed = reservedValues.map((v) => `${formatAddress(v, version)} = ${purposeOf(v)}`).join('; ');
  steps.push(
    total > 4n
      ? `AWS reserves the first four and the last address of every subnet: ${listed}`
      : `All ${fmt(total)} addresses fall among AWS's reserved first four: ${listed}`,
  );
  if (usable > 0n) {
    steps.push(
      `${fmt(total)} − 5 AWS-reserved = ${fmt(usable)} usable: ${formatAddress(network + 4n, version)} – ${formatAddress(last - 1n, version)}`,
    );
  } else {
    steps.push(`${fmt(total)} addresses leave nothing usable once AWS reserves 5`);
  }

  const validVpc = isValidVpcPrefix(prefix, version);
  const validSubnet = isValidSubnetPrefix(prefix, version);
  if (version === 4) {
    steps.push(
      v4SizeOk(prefix)
        ? `/${prefix} is within /16–/28 → a valid size for a VPC or subnet`
        : `/${prefix} is outside /16–/28 → AWS rejects it as a VPC or subnet CIDR`,
    );
    if (!v4SizeOk(prefix)) {
      warnings.push(`/${prefix} is ${prefix < 16 ? 'larger than /16' : 'smaller than /28'}; AWS VPC and subnet CIDRs must be /16–/28`);
    }
  } else {
    steps.push(
      `IPv6 sizes: VPC blocks /44–/60 and subnets /44–/64, in steps of 4 (Amazon-provided VPC blocks are /56) → /${prefix} is ` +
        `${validVpc ? 'valid' : 'not valid'} for a VPC and ${validSubnet ? 'valid' : 'not valid'} for a subnet`,
    );
  }
  const scope = scopeOf(b);
  steps.push(scope.step);
  warnings.push(...scope.warnings);

  return {
    input: b.input,
    version,
    cidr,
    network: formatAddress(network, version),
    lastAddress: formatAddress(last, version),
    prefix,
    hostBits,
    netmask,
    totalAddresses: toNumber(total),
    usableAddresses: toNumber(usable),
    totalAddressesExact: total.toString(),
    usableAddressesExact: usable.toString(),
    reserved,
    firstUsable: usable > 0n ? formatAddress(network + 4n, version) : null,
    lastUsable: usable > 0n ? formatAddress(last - 1n, version) : null,
    validVpc,
    validSubnet,
    private: scope.private,
    aligned,
    steps,
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// Overlap

/** How block `a` relates to block `b`. CIDR blocks either nest or are disjoint; they never partly overlap. */
export type CidrRelation = 'equal' | 'contains' | 'inside' | 'disjoint' | 'different-versions';

export interface OverlapResult {
  a: string;
  b: string;
  overlap: boolean;
  relation: CidrRelation;
  /** The addresses both blocks cover (the smaller block), or null. */
  shared: string | null;
  steps: string[];
}

function range(b: Block): string {
  return `${blockText(b.network, b.prefix, b.version)} = ${formatAddress(b.network, b.version)} – ${formatAddress(lastOf(b), b.version)}`;
}

/** Do two CIDR blocks overlap? Host bits in either input are cleared first. Throws CalcError on bad input. */
export function cidrOverlap(aText: string, bText: string): OverlapResult {
  const a = parseBlock(aText);
  const b = parseBlock(bText);
  const aCidr = blockText(a.network, a.prefix, a.version);
  const bCidr = blockText(b.network, b.prefix, b.version);
  const base = { a: aCidr, b: bCidr };
  if (a.version !== b.version) {
    return {
      ...base,
      overlap: false,
      relation: 'different-versions',
      shared: null,
      steps: [`${aCidr} is IPv${a.version} and ${bCidr} is IPv${b.version} → they can't overlap`],
    };
  }
  const steps = [range(a), range(b)];
  if (!overlapping(a, b)) {
    steps.push('The ranges do not meet → no overlap');
    return { ...base, overlap: false, relation: 'disjoint', shared: null, steps };
  }
  steps.push('CIDR blocks either nest or are disjoint, so overlapping means one contains the other');
  if (a.prefix === b.prefix) {
    steps.push(`Same network and prefix → ${aCidr} and ${bCidr} are the same block`);
    return { ...base, overlap: true, relation: 'equal', shared: aCidr, steps };
  }
  const [outer, inner, relation]: [string, string, CidrRelation] =
    a.prefix < b.prefix ? [aCidr, bCidr, 'contains'] : [bCidr, aCidr, 'inside'];
  steps.push(`${inner} lies inside ${outer} → they overlap on all of ${inner}`);
  return { ...base, overlap: true, relation, shared: inner, steps };
}

/** Every overlapping pair in a list (e.g. the subnets of one VPC). Throws CalcError on bad input. */
export function findOverlaps(cidrs: string[]): OverlapResult[] {
  const found: OverlapResult[] = [];
  for (let i = 0; i < cidrs.length; i++) {
    for (let j = i + 1; j < cidrs.length; j++) {
      const r = cidrOverlap(cidrs[i], cidrs[j]);
      if (r.overlap) found.push(r);
    }
  }
  return found;
}

/** True if `inner` lies wholly inside `outer` (e.g. a subnet inside its VPC). Throws CalcError on bad input. */
export function cidrContains(outer: string, inner: string): boolean {
  return inside(parseBlock(inner), parseBlock(outer));
}

// ---------------------------------------------------------------------------------------------
// Splitting

export type SplitBy = { count: number } | { newPrefix: number };

export interface SplitResult {
  parent: string;
  version: IpVersion;
  prefix: number;
  newPrefix: number;
  extraBits: number;
  subnets: SubnetInfo[];
  /** Blocks of the new size left over when the count isn't a power of two. */
  unused: string[];
  steps: string[];
  warnings: string[];
}

function checkWholeNumber(n: number, what: string, min: number): void {
  if (!Number.isInteger(n) || n < min) throw new CalcError(`${what} must be a whole number ≥ ${min}, got ${n}`);
}

/** Smallest k with 2^k ≥ n. */
function bitsFor(n: number): number {
  let k = 0;
  while (2 ** k < n) k++;
  return k;
}

function slotNetworks(b: Block, newPrefix: number, count: number): bigint[] {
  const step = sizeOf(b.width, newPrefix);
  return Array.from({ length: count }, (_, i) => b.network + BigInt(i) * step);
}

function sizeWarning(prefix: number, version: IpVersion): string | undefined {
  if (isValidSubnetPrefix(prefix, version)) return undefined;
  return version === 4
    ? `/${prefix} subnets are outside /16–/28, so AWS won't accept them as subnet CIDRs`
    : `/${prefix} isn't an AWS IPv6 subnet size (/44–/64 in steps of 4)`;
}

/**
 * Split a block into `count` equal subnets (rounding up to a power of two and leaving the rest
 * unused) or into every subnet of `newPrefix`. Throws CalcError on bad input.
 */
export function splitCidr(text: string, by: SplitBy): SplitResult {
  const b = parseBlock(text);
  const parent = blockText(b.network, b.prefix, b.version);
  const steps: string[] = [];
  const warnings: string[] = [];
  if (b.address !== b.network) {
    steps.push(`${b.input} has host bits set → splitting the real network ${parent}`);
    warnings.push(`${b.input} has host bits set; the real network is ${parent}`);
  }
  let newPrefix: number;
  let used: number;
  if ('count' in by) {
    checkWholeNumber(by.count, 'the number of subnets', 1);
    if (by.count > MAX_SUBNETS) throw new CalcError(`can split into at most ${fmt(MAX_SUBNETS)} subnets, asked for ${fmt(by.count)}`);
    const bits = bitsFor(by.count);
    newPrefix = b.prefix + bits;
    if (newPrefix > b.width) {
      throw new CalcError(`${parent} has only ${b.width - b.prefix} host bits; ${fmt(by.count)} subnets need ${bits}`);
    }
    used = by.count;
    steps.push(
      `${plural(by.count, 'subnet')} → smallest power of two ≥ ${fmt(by.count)} is 2^${bits} = ${fmt(2 ** bits)} → ${bits} extra network bits → /${b.prefix} + ${bits} = /${newPrefix}`,
    );
  } else {
    newPrefix = by.newPrefix;
    checkWholeNumber(newPrefix, 'the new prefix', 0);
    if (newPrefix < b.prefix) throw new CalcError(`the new prefix /${newPrefix} is larger than the block ${parent}; pick /${b.prefix} or longer`);
    if (newPrefix > b.width) throw new CalcError(`/${newPrefix} is out of range for IPv${b.version} (at most /${b.width})`);
    const bits = newPrefix - b.prefix;
    const max = b.prefix + bitsFor(MAX_SUBNETS);
    if (bits > bitsFor(MAX_SUBNETS)) {
      throw new CalcError(
        `${parent} → /${newPrefix} makes 2^${bits} subnets; the limit is ${fmt(MAX_SUBNETS)}, so use /${Math.min(max, b.width)} or shorter`,
      );
    }
    used = 2 ** bits;
    steps.push(`/${b.prefix} → /${newPrefix}: ${newPrefix} − ${b.prefix} = ${bits} extra network bits → 2^${bits} = ${plural(used, 'subnet')}`);
  }
  const extraBits = newPrefix - b.prefix;
  const slots = 2 ** extraBits;
  const total = sizeOf(b.width, newPrefix);
  steps.push(
    `Each /${newPrefix}: ${b.width} − ${newPrefix} = ${b.width - newPrefix} host bits → 2^${b.width - newPrefix} = ${fmt(total)} addresses, ${fmt(usableOf(total))} usable after AWS's 5`,
  );
  steps.push(`Subnet i starts at ${formatAddress(b.network, b.version)} + i × ${fmt(total)}`);
  const networks = slotNetworks(b, newPrefix, slots);
  const subnets = networks.slice(0, used).map((n) => subnetInfo(n, newPrefix, b.version));
  const unused = networks.slice(used).map((n) => blockText(n, newPrefix, b.version));
  if (unused.length) steps.push(`${plural(slots, 'slot')} − ${fmt(used)} used = ${fmt(unused.length)} left unused (${unused.join(', ')})`);
  const w = sizeWarning(newPrefix, b.version);
  if (w) warnings.push(w);
  return { parent, version: b.version, prefix: b.prefix, newPrefix, extraBits, subnets, unused, steps, warnings };
}

// ---------------------------------------------------------------------------------------------
// VPC subnet planner

export interface VpcPlanInput {
  vpcCidr: string;
  /** Number of Availability Zones (1–26; named A, B, C…). */
  azs: number;
  /** Tier names in allocation order, e.g. ['reserved', 'db', 'app', 'web']. */
  tiers: string[];
  /** Extra slots to keep free for later. */
  spare?: number;
  /** A chosen subnet size (e.g. 20 for /20s): AZ × tier fill the first slots, every other slot is spare. */
  subnetPrefix?: number;
}

export interface PlannedSubnet extends SubnetInfo {
  /** AZ letter: A, B, C… */
  az: string;
  tier: string;
}

export interface VpcPlan {
  vpc: CidrInfo;
  azs: number;
  tiers: string[];
  spareRequested: number;
  slotsNeeded: number;
  /** Power of two ≥ slotsNeeded. */
  slots: number;
  extraBits: number;
  subnetPrefix: number;
  usablePerSubnet: number;
  /** AZ-major: all tiers of AZ A, then AZ B, … so each AZ's subnets are contiguous. */
  subnets: PlannedSubnet[];
  /** Slots not assigned to an AZ/tier: the requested spare plus power-of-two round-up. */
  spare: string[];
  steps: string[];
  warnings: string[];
}

/** Default quota on subnets per VPC (adjustable); worth a warning, not an error. */
const SUBNETS_PER_VPC_QUOTA = 200;

/**
 * Lay out azs × tiers equal subnets (+ spare) in a VPC: the smallest power of two of slots that
 * fits decides the subnet prefix. Throws CalcError on bad input or when the VPC is too small.
 */
/** A chosen subnet prefix, checked: inside the block, whole slots for the plan, a listable number of slots. */
function chosenPrefix(b: { prefix: number; width: number; version: number }, prefix: number, slotsNeeded: number, cidr: string): number {
  checkWholeNumber(prefix, 'the subnet prefix', 0);
  if (b.version === 6 && prefix % 4 !== 0) throw new CalcError(`AWS accepts IPv6 subnet sizes in steps of /4; /${prefix} is not one`);
  if (prefix < b.prefix || prefix > b.width) throw new CalcError(`/${prefix} subnets do not fit in ${cidr}: give a prefix from /${b.prefix} to /${b.width}`);
  const slots = 2 ** (prefix - b.prefix);
  if (slots < slotsNeeded) throw new CalcError(`${cidr} holds ${plural(slots, `/${prefix} subnet`)}, but the plan needs ${fmt(slotsNeeded)}: choose a larger prefix number or fewer AZs/tiers`);
  if (slots > MAX_SUBNETS) throw new CalcError(`${cidr} split into /${prefix}s is ${fmt(slots)} slots; at most ${fmt(MAX_SUBNETS)} can be listed`);
  return prefix;
}

export function planVpcSubnets(input: VpcPlanInput): VpcPlan {
  const vpc = analyzeCidr(input.vpcCidr);
  const b = parseBlock(input.vpcCidr);
  checkWholeNumber(input.azs, 'the number of AZs', 1);
  if (input.azs > 26) throw new CalcError(`at most 26 AZs (A–Z) can be planned, got ${input.azs}`);
  const tiers = input.tiers.map((t) => t.trim()).filter((t) => t !== '');
  if (tiers.length === 0) throw new CalcError('give at least one tier name, e.g. public,private');
  const dup = tiers.find((t, i) => tiers.indexOf(t) !== i);
  if (dup !== undefined) throw new CalcError(`tier '${dup}' is listed twice`);
  const spareRequested = input.spare ?? 0;
  checkWholeNumber(spareRequested, 'the number of spare slots', 0);

  const steps: string[] = [];
  const warnings = [...vpc.warnings];
  const assigned = input.azs * tiers.length;
  const slotsNeeded = assigned + spareRequested;
  if (slotsNeeded > MAX_SUBNETS) throw new CalcError(`a plan may have at most ${fmt(MAX_SUBNETS)} slots, this one needs ${fmt(slotsNeeded)}`);
  let extraBits = bitsFor(slotsNeeded);
  let subnetPrefix = b.prefix + extraBits;
  if (input.subnetPrefix !== undefined) {
    subnetPrefix = chosenPrefix(b, input.subnetPrefix, slotsNeeded, vpc.cidr);
    extraBits = subnetPrefix - b.prefix;
    steps.push(`${plural(input.azs, 'AZ')} × ${plural(tiers.length, 'tier')} = ${plural(assigned, 'subnet')}` + (spareRequested ? ` + ${fmt(spareRequested)} spare = ${plural(slotsNeeded, 'slot')}` : ''));
    steps.push(`Chosen size /${subnetPrefix}: /${b.prefix} → /${subnetPrefix} is ${extraBits} extra network bits → 2^${extraBits} = ${plural(2 ** extraBits, 'slot')}, enough for ${fmt(slotsNeeded)}`);
  } else {
    steps.push(
      `${plural(input.azs, 'AZ')} × ${plural(tiers.length, 'tier')} = ${plural(assigned, 'subnet')}` +
        (spareRequested ? ` + ${fmt(spareRequested)} spare = ${plural(slotsNeeded, 'slot')}` : '') +
        ` → smallest power of two ≥ ${fmt(slotsNeeded)} is 2^${extraBits} = ${fmt(2 ** extraBits)}`,
    );
    steps.push(`${extraBits} extra network bits → /${b.prefix} + ${extraBits} = /${subnetPrefix}`);
  }
  if (b.version === 6 && subnetPrefix % 4 !== 0) {
    // AWS only accepts IPv6 subnet sizes in steps of /4, so round the subnet prefix up.
    const rounded = Math.ceil(subnetPrefix / 4) * 4;
    steps.push(`IPv6 subnets must be a multiple of /4 → round /${subnetPrefix} up to /${rounded}`);
    subnetPrefix = rounded;
  }
  const minSize = b.version === 4 ? 28 : 64;
  if (subnetPrefix > minSize) {
    throw new CalcError(
      `${vpc.cidr} is too small for ${plural(slotsNeeded, 'slot')}: they would be /${subnetPrefix}, ` +
        `but AWS subnets can be no smaller than /${minSize}`,
    );
  }
  if (b.version === 4 && subnetPrefix < 16) {
    throw new CalcError(`/${subnetPrefix} subnets are larger than /16, which AWS doesn't allow; add AZs/tiers/spare or use a smaller VPC block`);
  }
  const bits = subnetPrefix - b.prefix;
  const slots = 2 ** bits;
  const total = sizeOf(b.width, subnetPrefix);
  const usable = usableOf(total);
  steps.push(
    `/${subnetPrefix} → ${b.width} − ${subnetPrefix} = ${b.width - subnetPrefix} host bits → 2^${b.width - subnetPrefix} = ${fmt(total)} addresses; minus 5 AWS-reserved = ${fmt(usable)} usable per subnet`,
  );
  steps.push(`Order: AZ by AZ, tiers ${tiers.join(', ')} within each AZ, so every AZ's subnets sit together`);

  const networks = slotNetworks(b, subnetPrefix, slots);
  const subnets: PlannedSubnet[] = [];
  for (let az = 0; az < input.azs; az++) {
    tiers.forEach((tier, t) => {
      const info = subnetInfo(networks[az * tiers.length + t], subnetPrefix, b.version);
      subnets.push({ ...info, az: String.fromCharCode(65 + az), tier });
    });
  }
  const spare = networks.slice(assigned).map((n) => blockText(n, subnetPrefix, b.version));
  if (spare.length) {
    steps.push(`${fmt(slots)} slots − ${fmt(assigned)} assigned = ${plural(spare.length, 'spare /' + subnetPrefix)} kept free`);
  }
  if (assigned > SUBNETS_PER_VPC_QUOTA) {
    warnings.push(`${fmt(assigned)} subnets exceeds the default quota of ${SUBNETS_PER_VPC_QUOTA} subnets per VPC (adjustable)`);
  }
  return {
    vpc,
    azs: input.azs,
    tiers,
    spareRequested,
    slotsNeeded,
    slots,
    extraBits: bits,
    subnetPrefix,
    usablePerSubnet: toNumber(usable),
    subnets,
    spare,
    steps,
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// CloudFormation Fn::Cidr

export type FnCidrResult =
  | {
      ok: true;
      ipBlock: string;
      count: number;
      cidrBits: number;
      /** width − cidrBits: cidrBits counts *host* bits, so 8 → /24 for IPv4. */
      subnetPrefix: number;
      blocks: string[];
      steps: string[];
      warnings: string[];
    }
  | { ok: false; error: string; steps: string[] };

/** Fn::Cidr's documented count range. */
export const FN_CIDR_MAX_COUNT = 256;

function templateInt(value: number | string, what: string): number | string {
  // Templates often pass these as strings ("6"), which CloudFormation accepts.
  const n = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n)) return `${what} must be a whole number, got ${JSON.stringify(value)}`;
  return n;
}

/**
 * Evaluate `Fn::Cidr [ipBlock, count, cidrBits]` the way CloudFormation does: take the first
 * `count` blocks of size /(width − cidrBits) inside ipBlock. Never throws; bad input comes back
 * as `{ ok: false, error }` so template rules can report it.
 */
export function evaluateFnCidr(ipBlock: string, count: number | string, cidrBits: number | string): FnCidrResult {
  const steps: string[] = [];
  const fail = (error: string): FnCidrResult => ({ ok: false, error, steps });
  let b: Block;
  try {
    b = parseBlock(ipBlock);
  } catch (e) {
    return fail(`ipBlock: ${(e as Error).message}`);
  }
  const c = templateInt(count, 'count');
  if (typeof c === 'string') return fail(c);
  const bits = templateInt(cidrBits, 'cidrBits');
  if (typeof bits === 'string') return fail(bits);
  const parent = blockText(b.network, b.prefix, b.version);
  const warnings: string[] = [];
  if (b.address !== b.network) {
    warnings.push(`ipBlock ${b.input} has host bits set; blocks are counted from the real network ${parent}`);
  }
  if (c < 1 || c > FN_CIDR_MAX_COUNT) return fail(`count must be between 1 and ${FN_CIDR_MAX_COUNT}, got ${c}`);
  if (bits < 0 || bits > b.width) return fail(`cidrBits must be between 0 and ${b.width} for IPv${b.version}, got ${bits}`);
  const subnetPrefix = b.width - bits;
  steps.push(`cidrBits counts host bits: ${b.width} − ${bits} = /${subnetPrefix} blocks of 2^${bits} = ${fmt(sizeOf(b.width, subnetPrefix))} addresses`);
  if (subnetPrefix < b.prefix) {
    return fail(
      `cidrBits ${bits} makes /${subnetPrefix} blocks, larger than ipBlock ${parent}; cidrBits can be at most ${b.width - b.prefix} here`,
    );
  }
  const fits = 2n ** BigInt(subnetPrefix - b.prefix);
  steps.push(`${parent} holds 2^(${subnetPrefix} − ${b.prefix}) = ${fmt(fits)} of them`);
  if (BigInt(c) > fits) {
    return fail(`count ${c} is too large: only ${fmt(fits)} /${subnetPrefix} blocks fit in ${parent}`);
  }
  const blocks = slotNetworks(b, subnetPrefix, c).map((n) => blockText(n, subnetPrefix, b.version));
  steps.push(
    `Take the first ${c}: ${blocks.length > 4 ? `${blocks.slice(0, 2).join(', ')} … ${blocks[blocks.length - 1]}` : blocks.join(', ')}`,
  );
  const w = sizeWarning(subnetPrefix, b.version);
  if (w) warnings.push(w);
  return { ok: true, ipBlock: parent, count: c, cidrBits: bits, subnetPrefix, blocks, steps, warnings };
}
