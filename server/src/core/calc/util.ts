/**
 * Small helpers shared by the calculators: input parsing with friendly errors,
 * rounding that ignores floating-point noise, and number formatting for `steps`.
 */

/** Thrown for bad calculator input; the message is meant to be shown to the user as-is. */
export class CalcError extends Error {
  override name = 'CalcError';
}

/** Relative tolerance for floating-point noise: doubles carry ~16 significant digits, sums of a few products lose a few. */
const EPSILON = 1e-12;

/**
 * `Math.ceil` that ignores floating-point noise: 0.1 * 30 is 3.0000000000000004 in IEEE doubles,
 * and capacity maths must not turn that into 4 units.
 */
export function ceilSafe(x: number): number {
  // `|| 0` turns the -0 that Math.ceil(-tiny) yields into 0 (it would print as "-0" and fail equality checks).
  return Math.ceil(x - EPSILON * Math.max(1, Math.abs(x))) || 0;
}

/** Did ceilSafe actually change the value (rather than just absorb floating-point noise)? */
export const roundedUp = (rounded: number, exact: number) => Math.abs(rounded - exact) > EPSILON * Math.max(1, Math.abs(exact));

/** Validate a string option against its allowed values; undefined means the default. */
export function checkEnum<T extends string>(value: string | undefined, allowed: readonly T[], what: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new CalcError(`${what} must be one of ${allowed.join(', ')}, got '${value}'`);
  return value as T;
}

/** Round for display/JSON so results don't carry 3.3333333333333335-style tails. */
export function round(x: number, decimals = 3): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function groupDigits(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return out;
}

/** 4096 → "4,096"; 3.3333 → "3.33"; bigint keeps every digit (IPv6 sizes). */
export function fmt(n: number | bigint, maxFractionDigits = 2): string {
  if (typeof n === 'bigint') return (n < 0n ? '-' : '') + groupDigits((n < 0n ? -n : n).toString());
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e21) return n.toExponential(3);
  const fixed = Math.abs(n).toFixed(maxFractionDigits);
  const [int, frac = ''] = fixed.split('.');
  const trimmed = frac.replace(/0+$/, '');
  return (n < 0 && Number(fixed) !== 0 ? '-' : '') + groupDigits(int) + (trimmed ? '.' + trimmed : '');
}

/** "1 subnet" / "3 subnets". */
export function plural(n: number, one: string, many = one + 's'): string {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}

/**
 * Parse a plain number from a flag or a JSON value. Accepts "1,000" and "1_000" because people
 * paste numbers from the console that way. `what` names the input in the error message.
 */
export function parseNumber(
  value: string | number,
  what: string,
  opts: { min?: number; max?: number; integer?: boolean; allowZero?: boolean } = {},
): number {
  // Trimmed first: `\s*` at both ends of an all-optional middle backtracks quadratically on long blanks.
  const n = typeof value === 'number' ? value : /^[-+]?(\d[\d,_]*)?(\.\d+)?$/.test(value.trim()) && /\d/.test(value) ? Number(value.replace(/[,_\s]/g, '')) : NaN;
  if (!Number.isFinite(n)) throw new CalcError(`${what} must be a number, got '${value}'`);
  if (opts.integer && !Number.isInteger(n)) throw new CalcError(`${what} must be a whole number, got ${value}`);
  const min = opts.min ?? 0;
  if (n < min) throw new CalcError(`${what} must be at least ${fmt(min)}, got ${fmt(n)}`);
  if (n === 0 && opts.allowZero === false) throw new CalcError(`${what} must be greater than 0`);
  if (opts.max !== undefined && n > opts.max) throw new CalcError(`${what} must be at most ${fmt(opts.max)}, got ${fmt(n)}`);
  return n;
}

const SIZE_UNITS_KB: Record<string, number> = {
  b: 1 / 1024,
  byte: 1 / 1024,
  bytes: 1 / 1024,
  k: 1,
  kb: 1,
  kib: 1,
  m: 1024,
  mb: 1024,
  mib: 1024,
};

/**
 * Parse a data size into KB, where 1 KB = 1,024 bytes (the unit DynamoDB and Kinesis quotas use).
 * A bare number is KB: "6", 6, "6KB", "6 kb", "2.5KB", "512B", "0.5MB".
 */
export function parseSizeKB(value: string | number, what: string): number {
  let kb: number;
  if (typeof value === 'number') {
    kb = value;
  } else {
    const m = /^\s*(\d[\d,_]*(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$/i.exec(value);
    const unit = m?.[2].toLowerCase() ?? '';
    const factor = unit === '' ? 1 : SIZE_UNITS_KB[unit];
    if (!m || factor === undefined) {
      throw new CalcError(`${what} must be a size like 6KB, 2.5 KB, 512B or 1MB, got '${value}'`);
    }
    kb = Number(m[1].replace(/[,_]/g, '')) * factor;
  }
  if (!Number.isFinite(kb) || kb <= 0) throw new CalcError(`${what} must be greater than 0, got '${value}'`);
  return kb;
}

/** "6 KB", "0.5 KB (512 bytes)" — sizes in steps read better with the byte count when small. */
export function fmtKB(kb: number): string {
  const bytes = kb * 1024;
  if (kb < 1 && Math.abs(bytes - Math.round(bytes)) < 1e-9) return `${fmt(kb, 4)} KB (${fmt(Math.round(bytes))} bytes)`;
  return `${fmt(kb, 4)} KB`;
}
