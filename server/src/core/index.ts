/**
 * The language service: the one object every front end calls (LSP handlers, the CLI, tests). It
 * owns the parse and lint caches (one parse and one lint per uri+version) and composes the core
 * features, so the editor and the command line cannot drift apart: a hover and
 * `aws-notes explain --file --line --column` are the same `explainAt` call.
 *
 * In the spirit of vscode-json-languageservice: plain offsets and plain data in and out, no LSP
 * types; the handlers translate.
 */
import { templateGraph, type TemplateGraph } from './cfn/graph';
import { resolveTemplate, type ResolveOptions, type Resolution } from './cfn/resolve';
import { DocumentCache, type TemplateDocument } from './document';
import { completeAt, completionDocumentation } from './editing/completion';
import {
  definitionAt,
  highlightsAt,
  prepareRename,
  referencesAt,
  renameAt,
  type Occurrence,
  type PrepareRenameResult,
  type RenameResult,
} from './editing/references';
import { documentSymbols, type OutlineSymbol } from './editing/symbols';
import type { CompletionResult } from './editing/types';
import { explain, type ExplainResult } from './explain';
import { findingTopic } from './findingTopics';
import { KnowledgeBase as KB } from './knowledge';
import { applyEdits, type FixAction, type TextEdit } from './fixes';
import { fixAll, safeFixesFor, type FixAllResult, type GuardOptions } from './fixGuard';
import { inlayHints, type InlayHintData, type OffsetRange } from './hints';
import { hoverAt } from './hover';
import { detectKind, type Kind } from './kind';
import type { KnowledgeBase } from './knowledge';
import { lintDocument, type LintResult } from './lint';
import type { NotesIndex } from './notes';
import { LintCache } from './rules/entryCache';
import { ruleByCode } from './rules/registry';
import type { Finding } from './rules/types';
import { termAt } from './termAt';

/** Finding explanations quote the notes only: the rule's own text is the explanation. */
const emptyKnowledge = new KB([]);

/** A document as a front end holds it (an LSP TextDocument fits as is). */
export interface SourceFile {
  uri: string;
  version: number;
  /** `markdown` and `plaintext` are notes: explained, never validated. */
  languageId?: string;
  getText(): string;
}

export interface ServiceSettings {
  /** Globs that force a kind (setting `awsNotes.kinds`). */
  kinds: Partial<Record<Kind, string[]>>;
  /** Larger files are not parsed (setting `awsNotes.maxFileSizeMB`). */
  maxBytes: number;
  /** Codes switched off (setting `awsNotes.bestPractices`: `{"BP1008": false}`). */
  disabled?: string[];
}

export interface LanguageServiceOptions {
  /** The user's notes, quoted under explanations; the caller keeps it filled. */
  notes?: NotesIndex;
  /** Knowledge base for explanations (default: the bundled one). */
  knowledge?: KnowledgeBase;
  /** How a notes file is shown in explanations. */
  displayPath?: (file: string) => string;
  /** Link target for a quoted notes passage (the editor opens it); plain text when absent. */
  linkFor?: (file: string, line: number) => string | undefined;
  /** A rule threw (its findings become one INTERNAL finding). */
  onRuleError?: (code: string, error: unknown) => void;
  /** Reads a local file by absolute path, for checks that follow a template to files beside it (nested stacks). */
  readFile?: (path: string) => string | undefined;
  /**
   * Reparse changed text incrementally (the editor, keystroke by keystroke). The CLI parses each
   * text from scratch.
   */
  incremental?: boolean;
  settings?: Partial<ServiceSettings>;
}

/** An explanation anchored in a document: what the hover shows and what `explain --file` prints. */
export interface Explanation extends ExplainResult {
  /** The range the explained term covers (the hover's range); absent in notes files. */
  start?: number;
  end?: number;
}

/** A finding in a range with the fixes its data gives. */
export interface FindingFixes {
  finding: Finding;
  fixes: FixAction[];
}

export interface LanguageService {
  readonly settings: ServiceSettings;
  configure(settings: Partial<ServiceSettings>): void;
  parse(file: SourceFile): TemplateDocument;
  /** The kind without running the rules (hover, completion, navigation run on every keystroke). */
  kindOf(file: SourceFile): { doc: TemplateDocument; kind: Kind | null };
  lint(file: SourceFile, opts?: { kind?: Kind }): LintResult;
  /** Quick fixes of the findings that touch `range`: only those that add no finding (the fix guard). */
  fixes(file: SourceFile, range: OffsetRange): FindingFixes[];
  /** The preferred fix of every finding, applied pass by pass, each re-checked by the fix guard. */
  fixAll(file: SourceFile, opts?: { kind?: Kind }): FixAllResult;
  /** The hover: the specification line of the term at `offset`, then the knowledge base and the user's notes. */
  explainAt(file: SourceFile, offset: number): Explanation | null;
  /** Knowledge base and notes for a term typed by the user. */
  explain(term: string, context?: string): ExplainResult;
  /** What the user's notes say about the topic of a finding's rule (null for unknown codes or no notes). */
  explainFinding(code: string): ExplainResult | null;
  /** Null when the document is not one of ours. */
  complete(file: SourceFile, offset: number): CompletionResult | null;
  /** Documentation of a completion item that carries a `docRef`. */
  completionDocumentation(ref: string): string | undefined;
  /** Null when the document is not one of ours. */
  symbols(file: SourceFile): OutlineSymbol[] | null;
  hints(file: SourceFile, range?: OffsetRange): InlayHintData[];
  definition(file: SourceFile, offset: number): Occurrence | undefined;
  references(file: SourceFile, offset: number, includeDeclaration: boolean): Occurrence[];
  highlights(file: SourceFile, offset: number): Occurrence[];
  prepareRename(file: SourceFile, offset: number): PrepareRenameResult | null;
  rename(file: SourceFile, offset: number, newName: string): RenameResult | null;
  /** The resource graph of a CloudFormation/SAM template; null for other documents. */
  graph(file: SourceFile): TemplateGraph | null;
  /** What-if: the template resolved for these parameter values and region; null for other documents. */
  resolve(file: SourceFile, opts?: ResolveOptions): Resolution | null;
  /** Forget a document (closed in the editor, or done with in the CLI). */
  close(uri: string): void;
}

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = { kinds: {}, maxBytes: 5 * 1048576 };

/** Notes are prose: hovers there explain terms, and nothing is validated. */
export function isNotesLanguage(languageId: string | undefined): boolean {
  return languageId === 'markdown' || languageId === 'plaintext';
}

/** The language id an editor would give a file, from its name (for front ends that only have paths). */
export function languageIdOf(fileName: string): string {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'txt') return 'plaintext';
  return ext === 'json' || ext === 'jsonc' ? 'json' : 'yaml';
}

export function createLanguageService(opts: LanguageServiceOptions = {}): LanguageService {
  let settings: ServiceSettings = { ...DEFAULT_SERVICE_SETTINGS, ...opts.settings };
  const docs = new DocumentCache({ maxBytes: settings.maxBytes });
  const lints = new Map<string, { version: number; kind?: Kind; result: LintResult }>();
  // Per-entry findings of each document's previous lints: a keystroke re-checks only the entry it touched.
  const entryCaches = new Map<string, LintCache>();
  const entryCache = (uri: string): LintCache => {
    let c = entryCaches.get(uri);
    if (!c) entryCaches.set(uri, (c = new LintCache()));
    return c;
  };
  // Guarded quick fixes per finding of the current version: the editor asks again on every cursor move.
  const guarded = new Map<string, { version: number; byFinding: Map<Finding, FixAction[]> }>();

  const parse = (file: SourceFile): TemplateDocument => {
    if (opts.incremental === false && docs.peek(file.uri)?.version !== file.version) docs.delete(file.uri);
    return docs.get(file.uri, file.version, () => file.getText());
  };

  const kindOf = (file: SourceFile): { doc: TemplateDocument; kind: Kind | null } => {
    const doc = parse(file);
    if (isNotesLanguage(file.languageId) || doc.skipped) return { doc, kind: null };
    return { doc, kind: detectKind(doc, { fileName: file.uri, globs: settings.kinds }) };
  };

  const lint = (file: SourceFile, o: { kind?: Kind } = {}): LintResult => {
    if (isNotesLanguage(file.languageId)) return { kind: null, findings: [] };
    const hit = lints.get(file.uri);
    if (hit && hit.version === file.version && hit.kind === o.kind) return hit.result;
    const result = lintDocument(parse(file), {
      fileName: file.uri,
      globs: settings.kinds,
      kind: o.kind,
      disabled: settings.disabled,
      onRuleError: (rule, e) => opts.onRuleError?.(rule.code, e),
      readFile: opts.readFile,
      cache: entryCache(file.uri),
    });
    lints.set(file.uri, { version: file.version, kind: o.kind, result });
    return result;
  };

  /** Fixes are re-linted as the same kind of file, with the same settings. */
  const guardOptions = (file: SourceFile, kind: Kind | undefined): GuardOptions => ({
    fileName: file.uri,
    globs: settings.kinds,
    kind,
    parse: { maxBytes: settings.maxBytes },
    onRuleError: (rule, e) => opts.onRuleError?.(rule.code, e),
    readFile: opts.readFile,
    cache: entryCache(file.uri),
  });

  const explainTerm = (term: string, context?: string): ExplainResult =>
    explain(term, { notes: opts.notes, knowledge: opts.knowledge, context, displayPath: opts.displayPath, linkFor: opts.linkFor });

  /**
   * A best-practice warning under the cursor, explained from the knowledge base and the user's
   * notes (searched by the concern, e.g. "SSH or RDP open to the internet"), when they cover it.
   */
  const practiceExplanation = (file: SourceFile, offset: number): Explanation | null => {
    for (const f of lint(file).findings) {
      const rule = f.start <= offset && offset <= f.end ? ruleByCode(f.code) : undefined;
      if (!rule) continue;
      if (!rule.bestPractice) {
        // Any other finding: what the user's own notes say about its topic (the rule's own
        // explanation is the diagnostic itself), only when they say something.
        const ex = explainFinding(f.code);
        if (ex?.passages.length) return { ...ex, start: f.start, end: f.end };
        continue;
      }
      const ex = explainTerm(rule.title);
      if (!ex.entryId && !ex.passages.length) return null;
      return { ...ex, markdown: `**${f.code}** · ${rule.title}\n\n${ex.markdown}`, start: f.start, end: f.end };
    }
    return null;
  };

  /** The notes passages about a finding's topic (`CIDR1003` → VPC sizes), for its hover and "Explain from my notes". */
  const explainFinding = (code: string): ExplainResult | null => {
    const rule = ruleByCode(code);
    if (!rule || !opts.notes) return null;
    const topic = findingTopic(code, rule.title);
    const ex = explain(topic.query, { notes: opts.notes, knowledge: emptyKnowledge, context: topic.context, minShare: topic.minShare, displayPath: opts.displayPath, linkFor: opts.linkFor });
    const body = ex.passages.length ? ex.markdown.slice(ex.markdown.indexOf('**From your notes**')) : '_Not in your notes._';
    return { ...ex, term: code, markdown: `**${code}** · ${rule.title}\n\n${body}` };
  };

  /** Navigation works in templates only: AppSpec and buildspec files define no names used elsewhere. */
  const template = (file: SourceFile): TemplateDocument | undefined => {
    const { doc, kind } = kindOf(file);
    return kind === 'cfn' || kind === 'sam' ? doc : undefined;
  };

  return {
    get settings() {
      return settings;
    },
    configure(s) {
      settings = { ...DEFAULT_SERVICE_SETTINGS, ...s };
      docs.setOptions({ maxBytes: settings.maxBytes });
      lints.clear();
      guarded.clear();
      entryCaches.clear();
    },
    parse,
    kindOf,
    lint,
    fixes(file, range) {
      const doc = parse(file);
      const { kind, findings } = lint(file);
      if (!kind) return [];
      const guard = guardOptions(file, kind);
      let cache = guarded.get(file.uri);
      if (cache?.version !== file.version) guarded.set(file.uri, (cache = { version: file.version, byFinding: new Map() }));
      const { byFinding } = cache;
      return fixCandidates(findings, range).map((finding) => {
        if (!byFinding.has(finding)) byFinding.set(finding, safeFixesFor(doc, finding, findings, guard));
        return { finding, fixes: byFinding.get(finding)! };
      });
    },
    fixAll(file, o) {
      const doc = parse(file);
      return fixAll(doc, guardOptions(file, o?.kind ?? lint(file, o).kind ?? undefined));
    },
    explainAt(file, offset) {
      if (isNotesLanguage(file.languageId)) {
        const term = termAt(file.getText(), offset);
        if (!term) return null;
        const ex = explainTerm(term);
        return ex.entryId ? ex : null; // in prose, only terms the knowledge base knows deserve a hover
      }
      const { doc, kind } = kindOf(file);
      if (!kind) return null;
      const h = hoverAt(doc, kind, offset);
      const practice = practiceExplanation(file, offset);
      if (!h) return practice;
      const ex = explainTerm(h.term, h.context);
      const extra = ex.entryId || ex.passages.length ? `\n\n---\n\n${ex.markdown}` : '';
      const concern = practice ? `\n\n---\n\n${practice.markdown}` : '';
      return { ...ex, term: h.term, markdown: h.markdown + extra + concern, start: h.start, end: h.end };
    },
    explain: explainTerm,
    explainFinding,
    complete(file, offset) {
      const { doc, kind } = kindOf(file);
      return kind ? completeAt(doc, kind, offset) : null;
    },
    completionDocumentation,
    symbols(file) {
      const { doc, kind } = kindOf(file);
      return kind ? documentSymbols(doc, kind) : null;
    },
    hints(file, range) {
      const { doc, kind } = kindOf(file);
      return kind ? inlayHints(doc, kind, range) : [];
    },
    definition(file, offset) {
      const doc = template(file);
      return doc ? definitionAt(doc, offset) : undefined;
    },
    references(file, offset, includeDeclaration) {
      const doc = template(file);
      return doc ? referencesAt(doc, offset, includeDeclaration) : [];
    },
    highlights(file, offset) {
      const doc = template(file);
      return doc ? highlightsAt(doc, offset) : [];
    },
    prepareRename(file, offset) {
      const doc = template(file);
      return doc ? prepareRename(doc, offset) : null;
    },
    rename(file, offset, newName) {
      const doc = template(file);
      return doc ? renameAt(doc, offset, newName) : null;
    },
    graph(file) {
      const doc = template(file);
      return doc ? templateGraph(doc) : null;
    },
    resolve(file, o) {
      const doc = template(file);
      return doc ? resolveTemplate(doc, o) : null;
    },
    close(uri) {
      docs.delete(uri);
      lints.delete(uri);
      guarded.delete(uri);
      entryCaches.delete(uri);
    },
  };
}

export { applyEdits };
export type { ResolveOptions, Resolution, TemplateGraph };
/** The file reader front ends pass as `readFile` (nested stack templates beside a template). */
export { templateFileReader } from './files';
export type { CompletionResult, ExplainResult, Finding, FixAction, FixAllResult, InlayHintData, Kind, LintResult, OffsetRange, OutlineSymbol, TemplateDocument, TextEdit };

/**
 * Each offered fix is re-linted by the guard, so a request over a wide range (a select-all, or a
 * finding spanning a 4,000-character tag) must not price every finding it touches: the findings
 * nearest the range's start, narrowest first, up to a number nobody reads past in a light-bulb menu.
 */
export const MAX_FIXED_FINDINGS_PER_REQUEST = 10;

function fixCandidates(findings: readonly Finding[], range: { start: number; end: number }): Finding[] {
  const touching = findings.filter((f) => f.end >= range.start && f.start <= range.end);
  if (touching.length <= MAX_FIXED_FINDINGS_PER_REQUEST) return touching;
  const distance = (f: Finding) => Math.max(0, f.start - range.start);
  return [...touching]
    .sort((a, b) => distance(a) - distance(b) || a.end - a.start - (b.end - b.start) || a.start - b.start)
    .slice(0, MAX_FIXED_FINDINGS_PER_REQUEST)
    .sort((a, b) => a.start - b.start);
}
