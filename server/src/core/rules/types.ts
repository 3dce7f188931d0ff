import type { TemplateDocument } from '../document/model';
import type { MapNode, Pair } from '../document/nodes';
import type { Kind } from '../kind';
import type { ResourceInfo } from '../cfn/template';

export type Severity = 'error' | 'warning' | 'info';

/**
 * What a quick fix needs, as data. Fixes (core/fixes) build text edits from this alone and
 * never read the message. Offsets are into the document text the finding was made from.
 */
export type FixData = FixKind & {
  /**
   * Offered as a quick fix only, never applied by fix-all or `--fix`: it changes what gets deployed
   * (cost, retention), which is the user's call (best-practice fixes).
   */
  optIn?: boolean;
};

type FixKind =
  /** Replace [start, end) with one of the candidates (did-you-mean, `Type:X` → `Type: X`, enum values). */
  | { fix: 'replace'; start: number; end: number; candidates: string[] }
  /** Insert text at an offset (e.g. a missing required key with a placeholder). */
  | { fix: 'insert'; at: number; text: string; title: string }
  /**
   * Add keys with placeholder values to a mapping. `sibling` is the offset of an existing key of
   * that mapping (new keys go after its entry, at its indentation); when the mapping is empty,
   * `parent` is the offset of the key that owns it (new keys go one level deeper).
   */
  | { fix: 'addKeys'; keys: string[]; sibling?: number; parent?: number; lastEnd?: number }
  /** Delete a whole `key: value` entry (its lines, comments kept elsewhere). */
  | { fix: 'deletePair'; start: number; end: number; key: string }
  /** Several edits applied together (e.g. move a block): each replaces [start, end) with text. */
  | { fix: 'edits'; title: string; edits: { start: number; end: number; text: string }[] };

/** What a rule returns; code and default severity come from the rule itself. */
export interface RawFinding {
  message: string;
  start: number;
  end: number;
  severity?: Severity;
  path?: (string | number)[];
  data?: FixData;
}

export interface Finding extends RawFinding {
  code: string;
  severity: Severity;
  /** From a best-practice rule: advice, which the fix guard does not count as damage a fix did. */
  bestPractice?: boolean;
}

export interface RuleContext {
  doc: TemplateDocument;
  kind: Kind;
  /** The document's root mapping (rules only run when the root is a mapping). */
  root: MapNode;
  /** The date checks that depend on it compare with (Lambda runtime lifecycle); now when unset. */
  today?: Date;
  /** Reads a local file by absolute path (nested stack templates); checks that need it are skipped without it. */
  readFile?: (path: string) => string | undefined;
  /** Findings of per-entry checks from an earlier lint of the same document (see entryCache.ts); absent when not reusable. */
  memo?: EntryMemo;
}

/** Findings computed for one resource entry, reused while its text and context are unchanged (entryCache.ts). */
export interface EntryMemo {
  /** Every item's findings, each computed or reused from an earlier lint of the same entry text. */
  each<I extends { pair: Pair }, T extends RawFinding>(code: string, items: Iterable<I>, compute: (item: I) => T[]): T[];
}

export interface Rule {
  /** Stable forever once released, e.g. CFN3002. Documented once in docs/rules.md. */
  code: string;
  kinds: readonly Kind[];
  severity: Severity;
  /** One line for docs and listings. */
  title: string;
  /** cfn-lint rule ids this rule covers, so `Metadata: cfn-lint: config: ignore_checks` suppresses it too. */
  cfnLint?: readonly string[];
  /** A best-practice check: a warning the user may switch off per code (setting `awsNotes.bestPractices`). */
  bestPractice?: boolean;
  /**
   * Ids other scanners use for the same concern; their `Metadata` suppressions silence this code too
   * (`cfn_nag: rules_to_suppress: [{id}]`, `checkov: skip: [{id}]`, `guard: SuppressedRules: [id]`).
   */
  scanners?: { cfnNag?: readonly string[]; checkov?: readonly string[]; guard?: readonly string[] };
  check(ctx: RuleContext): RawFinding[];
  /**
   * For rules whose findings for a resource read only that resource's entry and the template
   * outside Resources: the findings for one resource. The editor's lint runs these together per
   * entry and reuses an unchanged entry's findings of all of them at once (lint.ts).
   */
  perEntry?(ctx: RuleContext, r: ResourceInfo): RawFinding[];
}
