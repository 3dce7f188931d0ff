import {
  analyzeCidr,
  CalcError,
  cidrOverlap,
  cidrScope,
  evaluateFnCidr,
  fmt,
  planVpcSubnets,
  splitCidr,
  type CidrInfo,
  type OverlapResult,
  type SubnetInfo,
} from '../core/calc';
import { calculatorCommand, EXIT, parseArgs, UsageError, type CliIO } from './io';

const USAGE = `Usage: aws-notes cidr <cidr> [--new-prefix N | --split N | --azs N --tiers a,b,c [--spare N] [--new-prefix N] | --fn-cidr COUNT,BITS]
                       [--overlaps <cidr>...] [--json]

  --new-prefix N      every subnet of size /N inside the block
  --split N           N equal subnets (rounded up to a power of two; the rest listed as unused)
  --azs N --tiers …   plan N AZs × the named tiers of equal subnets (+ --spare N free slots);
                      with --new-prefix N the subnets are /N and every slot left over is listed as spare
  --fn-cidr C,B       what CloudFormation's !Cidr [<cidr>, C, B] returns (B = host bits per block)
  --overlaps X        does X overlap the block? Repeat, comma-separate, or list several after it
  --json              machine-readable output`;

/** One row of the subnet table / JSON `subnets`. */
interface SubnetRow {
  cidr: string;
  az?: string;
  tier?: string;
  totalAddresses: number | string;
  usableAddresses: number | string;
  firstUsable: string | null;
  lastUsable: string | null;
}

/** JSON numbers must stay exact: IPv6 counts beyond 2^53 go out as decimal strings. */
const exactCount = (n: number, exact?: string): number | string =>
  Number.isSafeInteger(n) ? n : (exact ?? BigInt(Math.round(n)).toString());

function row(s: SubnetInfo, extra: { az?: string; tier?: string } = {}): SubnetRow {
  return {
    cidr: s.cidr,
    ...extra,
    totalAddresses: exactCount(s.totalAddresses),
    usableAddresses: exactCount(s.usableAddresses),
    firstUsable: s.firstUsable,
    lastUsable: s.lastUsable,
  };
}

function intFlag(value: string | boolean | string[] | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).replace(/^\//, ''); // allow --new-prefix /20
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, got '${value}'`);
  const n = Number(text);
  if (n < min) throw new UsageError(`--${name} must be at least ${min}, got ${n}`);
  return n;
}


export const runCidr = calculatorCommand('cidr', USAGE, (e) => e instanceof CalcError, run);

function run(argv: string[], io: CliIO): number {
  const { flags, positional } = parseArgs(argv, {
    values: ['new-prefix', 'split', 'azs', 'tiers', 'spare', 'fn-cidr'],
    repeat: ['overlaps'],
    booleans: ['json', 'help'],
  });
  if (flags.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const overlapTargets = ((flags.overlaps as string[] | undefined) ?? []).flatMap((v) => v.split(',')).filter(Boolean);
  // `--overlaps a b c`: anything after the main CIDR belongs to --overlaps.
  if (overlapTargets.length) overlapTargets.push(...positional.slice(1));
  else if (positional.length > 1) throw new UsageError(`expected one CIDR, got ${positional.length}: ${positional.join(' ')}`);
  if (!positional.length) throw new UsageError('give a CIDR block, e.g. aws-notes cidr 10.16.0.0/16');

  const newPrefix = intFlag(flags['new-prefix'], 'new-prefix', 0);
  const split = intFlag(flags.split, 'split', 1);
  const azs = intFlag(flags.azs, 'azs', 1);
  const spare = intFlag(flags.spare, 'spare', 0);
  const tiers = flags.tiers === undefined ? undefined : String(flags.tiers).split(',');
  const fnCidr = flags['fn-cidr'] === undefined ? undefined : String(flags['fn-cidr']);
  const planning = azs !== undefined || tiers !== undefined || spare !== undefined;
  // --new-prefix with a plan chooses the plan's subnet size.
  const modes = [newPrefix !== undefined && !planning, split !== undefined, planning, fnCidr !== undefined].filter(Boolean).length;
  if (modes > 1) throw new UsageError('use only one of --new-prefix, --split, --azs/--tiers (optionally with --new-prefix) and --fn-cidr');
  if (planning && (azs === undefined || tiers === undefined)) throw new UsageError('planning needs both --azs N and --tiers a,b,c');

  const info = analyzeCidr(positional[0]);
  const steps = [...info.steps];
  const warnings = [...info.warnings];
  let subnets: SubnetRow[] | undefined;
  let unused: string[] | undefined;
  const extra: Record<string, unknown> = {};
  let title = '';

  if (!planning && (newPrefix !== undefined || split !== undefined)) {
    const r = splitCidr(positional[0], newPrefix !== undefined ? { newPrefix } : { count: split ?? 1 });
    steps.push(...r.steps);
    warnings.push(...r.warnings);
    subnets = r.subnets.map((s) => row(s));
    unused = r.unused;
    title = `${subnets.length} × /${r.newPrefix}`;
  } else if (planning) {
    const plan = planVpcSubnets({ vpcCidr: positional[0], azs: azs ?? 1, tiers: tiers ?? [], spare, subnetPrefix: newPrefix });
    steps.push(...plan.steps);
    warnings.push(...plan.warnings);
    subnets = plan.subnets.map((s) => row(s, { az: s.az, tier: s.tier }));
    unused = plan.spare;
    extra.plan = { azs: plan.azs, tiers: plan.tiers, slotsNeeded: plan.slotsNeeded, slots: plan.slots, subnetPrefix: plan.subnetPrefix, usablePerSubnet: exactCount(plan.usablePerSubnet) };
    title = `${plan.azs} AZ × ${plan.tiers.length} tier plan: ${subnets.length} × /${plan.subnetPrefix}`;
  } else if (fnCidr !== undefined) {
    const parts = fnCidr.split(',');
    if (parts.length !== 2) throw new UsageError(`--fn-cidr takes COUNT,BITS like 6,8, got '${fnCidr}'`);
    const r = evaluateFnCidr(positional[0], parts[0].trim(), parts[1].trim());
    steps.push(...r.steps);
    if (!r.ok) throw new CalcError(`Fn::Cidr: ${r.error}`);
    warnings.push(...r.warnings);
    subnets = r.blocks.map((b) => row(analyzeCidr(b)));
    extra.fnCidr = { count: r.count, cidrBits: r.cidrBits, subnetPrefix: r.subnetPrefix, blocks: r.blocks };
    title = `!Cidr [${info.cidr}, ${r.count}, ${r.cidrBits}] → ${r.count} × /${r.subnetPrefix}`;
  }

  const overlaps = overlapTargets.map((t) => cidrOverlap(info.cidr, t));
  const uniqueWarnings = [...new Set(warnings)];

  const result: CidrRun = { info, steps, warnings: uniqueWarnings, subnets, unused, overlaps, extra, title };
  io.out(flags.json ? JSON.stringify(toJson(result), null, 2) : toText(result));
  return EXIT.ok;
}

/** Everything one `aws-notes cidr` run worked out, for either output. */
interface CidrRun {
  info: CidrInfo;
  steps: string[];
  warnings: string[];
  subnets?: SubnetRow[];
  unused?: string[];
  overlaps: OverlapResult[];
  extra: Record<string, unknown>;
  /** What the subnet table shows, e.g. "4 × /18". */
  title: string;
}

function toJson({ info, steps, warnings, subnets, unused, overlaps, extra }: CidrRun): Record<string, unknown> {
  return {
    input: info.input,
    cidr: info.cidr,
    version: info.version,
    network: info.network,
    lastAddress: info.lastAddress,
    prefix: info.prefix,
    netmask: info.netmask,
    totalAddresses: exactCount(info.totalAddresses, info.totalAddressesExact),
    usableAddresses: exactCount(info.usableAddresses, info.usableAddressesExact),
    reserved: info.reserved,
    firstUsable: info.firstUsable,
    lastUsable: info.lastUsable,
    validVpc: info.validVpc,
    validSubnet: info.validSubnet,
    private: info.private,
    aligned: info.aligned,
    steps,
    warnings,
    ...(subnets ? { subnets } : {}),
    ...(unused && unused.length ? { unused } : {}),
    ...extra,
    ...(overlaps.length ? { overlaps: overlaps.map((o) => ({ cidr: o.b, overlap: o.overlap, relation: o.relation, shared: o.shared })) } : {}),
  };
}

function table(headers: string[], rows: string[][], rightAlign: Set<number>): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    '  ' + cells.map((c, i) => (rightAlign.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function count(n: number | string): string {
  return typeof n === 'number' ? fmt(n) : fmt(BigInt(n));
}

function toText({ info, steps, warnings, subnets, unused, overlaps, title }: CidrRun): string {
  const total = count(exactCount(info.totalAddresses, info.totalAddressesExact));
  const usable = count(exactCount(info.usableAddresses, info.usableAddressesExact));
  const sizeNote = info.version === 4 ? '/16–/28' : 'VPC /44–/60, subnet /44–/64, steps of 4';
  const out = [
    `${info.cidr}  (IPv${info.version}${info.aligned ? '' : `; you typed ${info.input}, which has host bits set`})`,
    `  Network        ${info.network}`,
    `  Last address   ${info.lastAddress}`,
    `  Netmask        ${info.netmask}  (/${info.prefix})`,
    `  Addresses      ${total} total, ${usable} usable in AWS`,
    `  Usable range   ${info.firstUsable ? `${info.firstUsable} – ${info.lastUsable}` : 'none'}`,
    `  AWS reserved   ${info.reserved.join(', ')}`,
    `  VPC block      ${info.validVpc ? 'valid' : 'not valid'} size (${sizeNote})`,
    `  Subnet block   ${info.validSubnet ? 'valid' : 'not valid'} size`,
    `  Scope          ${cidrScope(info)}`,
    '',
    'Working:',
    ...steps.map((s, i) => `  ${i + 1}. ${s}`),
  ];
  if (warnings.length) out.push('', 'Warnings:', ...warnings.map((w) => `  ! ${w}`));
  if (overlaps.length) {
    out.push('', 'Overlaps:');
    for (const o of overlaps) out.push(`  ${o.b}: ${o.overlap ? 'OVERLAPS' : 'no overlap'} — ${o.steps[o.steps.length - 1]}`);
  }
  if (subnets) {
    const planned = subnets.some((s) => s.az !== undefined);
    const headers = planned ? ['CIDR', 'AZ', 'Tier', 'First usable', 'Last usable', 'Usable'] : ['CIDR', 'First usable', 'Last usable', 'Usable'];
    const rows = subnets.map((s) => {
      const base = [s.firstUsable ?? '-', s.lastUsable ?? '-', count(s.usableAddresses)];
      return planned ? [s.cidr, s.az ?? '', s.tier ?? '', ...base] : [s.cidr, ...base];
    });
    out.push('', `Subnets (${title}):`, ...table(headers, rows, new Set([headers.length - 1])));
    if (unused && unused.length) out.push('', `Unused / spare (${unused.length}): ${unused.join(', ')}`);
  }
  return out.join('\n');
}
