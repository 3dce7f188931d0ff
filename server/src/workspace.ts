import type { ServiceSettings } from './core';
import type { Kind } from './core/kind';

/** The editor settings (`awsNotes.*`) the server reads. */
export interface Settings {
  validate: { enable: boolean };
  kinds: Partial<Record<Kind, string[]>>;
  maxFileSizeMB: number;
}

export const DEFAULT_SETTINGS: Settings = { validate: { enable: true }, kinds: {}, maxFileSizeMB: 5 };

/** Settings as sent by the client (any part may be missing or odd) → complete settings. */
export function completeSettings(s: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...s, validate: { ...DEFAULT_SETTINGS.validate, ...(s.validate ?? {}) } };
}

/** What the language service needs from them. */
export function serviceSettings(s: Settings): ServiceSettings {
  return { kinds: s.kinds, maxBytes: Math.max(0.1, Number(s.maxFileSizeMB) || 5) * 1048576 };
}
