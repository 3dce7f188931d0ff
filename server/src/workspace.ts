import type { ServiceSettings } from './core';
import { KINDS, type Kind } from './core/kind';
import type { NotesConfig } from './core/protocol';

/** The editor settings (`awsNotes.*`) the server reads. */
export interface Settings {
  validate: { enable: boolean };
  kinds: Partial<Record<Kind, string[]>>;
  maxFileSizeMB: number;
  /** Best-practice checks by code; `false` switches one off (all on by default). */
  bestPractices: Record<string, boolean>;
}

export const DEFAULT_SETTINGS: Settings = { validate: { enable: true }, kinds: {}, maxFileSizeMB: 5, bestPractices: {} };

/**
 * Settings are user input (hand-edited JSON, other tools, old versions): anything of the wrong
 * shape falls back to its default, and each bad value is named once in `problems`.
 */
export function checkSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const bad = (name: string, value: unknown, want: string) => problems.push(`Setting awsNotes.${name} is ${describe(value)}, but it must be ${want}; using the default instead.`);
  const s = isObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isObject(raw)) bad('', raw, 'an object');

  let enable = DEFAULT_SETTINGS.validate.enable;
  const validate = s.validate;
  if (isObject(validate)) {
    if (typeof validate.enable === 'boolean') enable = validate.enable;
    else if (validate.enable !== undefined) bad('validate.enable', validate.enable, 'true or false');
  } else if (validate !== undefined) bad('validate', validate, 'an object such as { "enable": true }');

  const kinds: Partial<Record<Kind, string[]>> = {};
  if (isObject(s.kinds)) {
    for (const [k, v] of Object.entries(s.kinds)) {
      if (!KINDS.includes(k as Kind)) problems.push(`Setting awsNotes.kinds names '${k}', which is not a kind (${KINDS.join(', ')}); it is ignored.`);
      else if (Array.isArray(v) && v.every((g) => typeof g === 'string')) kinds[k as Kind] = v.filter((g) => g !== '');
      else if (v !== undefined && v !== null) bad(`kinds.${k}`, v, `a list of globs such as ["**/infra/*.yaml"]`);
    }
  } else if (s.kinds !== undefined && s.kinds !== null) bad('kinds', s.kinds, 'an object such as { "cfn": ["**/infra/*.yaml"] }');

  let maxFileSizeMB = DEFAULT_SETTINGS.maxFileSizeMB;
  if (typeof s.maxFileSizeMB === 'number' && Number.isFinite(s.maxFileSizeMB) && s.maxFileSizeMB >= 0.1) maxFileSizeMB = s.maxFileSizeMB;
  else if (s.maxFileSizeMB !== undefined && s.maxFileSizeMB !== null) bad('maxFileSizeMB', s.maxFileSizeMB, 'a number of megabytes, at least 0.1');

  const bestPractices: Record<string, boolean> = {};
  if (isObject(s.bestPractices)) {
    for (const [code, on] of Object.entries(s.bestPractices)) {
      if (typeof on === 'boolean') bestPractices[code] = on;
      else bad(`bestPractices.${code}`, on, 'true or false');
    }
  } else if (s.bestPractices !== undefined && s.bestPractices !== null) bad('bestPractices', s.bestPractices, 'an object such as { "BP1008": false }');

  return { settings: { validate: { enable }, kinds, maxFileSizeMB, bestPractices }, problems };
}

/** The notes configuration the client sends, or undefined when it is not of the right shape. */
export function checkNotesConfig(raw: unknown): NotesConfig | undefined {
  if (!isObject(raw)) return undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const positive = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);
  return {
    roots: list(raw.roots),
    patterns: list(raw.patterns),
    userPatterns: list(raw.userPatterns),
    maxFiles: positive(raw.maxFiles),
    maxFileSizeMB: positive(raw.maxFileSizeMB),
  };
}

/** What the language service needs from them. */
export function serviceSettings(s: Settings): ServiceSettings {
  return {
    kinds: s.kinds,
    maxBytes: s.maxFileSizeMB * 1048576,
    disabled: Object.entries(s.bestPractices).filter(([, on]) => on === false).map(([code]) => code),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 60 ? v.slice(0, 60) + '…' : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}
