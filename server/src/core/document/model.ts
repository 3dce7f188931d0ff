import type { LineIndex } from './lines';
import type { Node, ScalarNode } from './nodes';

export interface SyntaxProblem {
  /** YAML | JSON | ALIAS | DEPTH | MULTIDOC | KEY | ENCODING | SIZE */
  code: string;
  message: string;
  start: number;
  end: number;
  severity?: 'error' | 'warning' | 'info';
  /** Text whose insertion repairs it (a quick fix). */
  fix?: { at: number; text: string; title: string };
}

export interface DuplicateKey {
  key: string;
  first: ScalarNode;
  second: ScalarNode;
}

export interface ParseResult {
  root: Node | null;
  problems: SyntaxProblem[];
  duplicates: DuplicateKey[];
}

/** One parsed text: what every feature (rules, hover, completion, fixes) reads. Never re-parsed for the same version. */
export interface TemplateDocument extends ParseResult {
  uri: string;
  version: number;
  text: string;
  format: 'yaml' | 'json';
  lines: LineIndex;
  /** Set when the text was not parsed at all (binary, too large); then root is null. */
  skipped?: string;
}
