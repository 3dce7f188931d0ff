/** Lambda concurrency from request rate and duration (Little's law). */
import { CalcError, ceilSafe, fmt, parseNumber, round, roundedUp } from './util';

/** Default concurrent executions per account per Region (a soft quota). */
const LAMBDA_DEFAULT_CONCURRENCY = 1000;
/** Lambda's maximum timeout. */
const LAMBDA_MAX_DURATION_SECONDS = 900;

export interface LambdaConcurrencyInput {
  requestsPerSecond: number;
  /** Average duration in seconds (see parseDurationSeconds for "200ms"-style input). */
  averageDurationSeconds: number;
}

export interface LambdaConcurrency {
  requestsPerSecond: number;
  averageDurationSeconds: number;
  /** requests/s × duration, unrounded. */
  exactConcurrency: number;
  /** Execution environments needed, rounded up. */
  concurrency: number;
  exceedsDefaultQuota: boolean;
  steps: string[];
  warnings: string[];
}

/** "200ms", "1.5s", "2m", or a bare number of seconds → seconds. Throws CalcError. */
export function parseDurationSeconds(value: string | number): number {
  if (typeof value === 'number') return parseNumber(value, 'duration');
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|sec|secs|seconds?|m|min|mins|minutes?)?\s*$/i.exec(value);
  if (!m) throw new CalcError(`duration must look like 200ms, 1.5s or 2m, got '${value}'`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  return unit === 'ms' ? n / 1000 : unit.startsWith('m') ? n * 60 : n;
}

/** Concurrency = requests per second × average duration in seconds. Throws CalcError on bad input. */
export function lambdaConcurrency(input: LambdaConcurrencyInput): LambdaConcurrency {
  const rps = parseNumber(input.requestsPerSecond, 'requests per second');
  const seconds = parseNumber(input.averageDurationSeconds, 'duration', { allowZero: false });
  if (seconds > LAMBDA_MAX_DURATION_SECONDS) {
    throw new CalcError(`duration ${fmt(seconds, 3)} s is longer than Lambda's 900 s (15 minute) maximum`);
  }
  const exact = rps * seconds;
  const concurrency = ceilSafe(exact);
  const exceeds = concurrency > LAMBDA_DEFAULT_CONCURRENCY;
  const steps = [
    `Concurrency = requests/s × average duration (s): each request holds an execution environment for its duration`,
    `${fmt(rps, 3)} × ${fmt(seconds, 3)} s = ${fmt(exact, 3)}${roundedUp(concurrency, exact) ? ` → round up → ${fmt(concurrency)}` : ''} concurrent executions`,
    `Default account quota: ${fmt(LAMBDA_DEFAULT_CONCURRENCY)} concurrent executions per Region, shared by all functions → ${exceeds ? 'over it' : 'within it'}`,
  ];
  const warnings = exceeds
    ? [`${fmt(concurrency)} concurrent executions exceeds the default quota of ${fmt(LAMBDA_DEFAULT_CONCURRENCY)} per Region; request an increase`]
    : [];
  return {
    requestsPerSecond: rps,
    averageDurationSeconds: seconds,
    exactConcurrency: round(exact),
    concurrency,
    exceedsDefaultQuota: exceeds,
    steps,
    warnings,
  };
}
