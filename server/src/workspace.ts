import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache, type TemplateDocument } from './core/document';
import { detectKind, type Kind } from './core/kind';
import { lintDocument, type LintResult } from './core/lint';

export interface Settings {
  validate: { enable: boolean };
  kinds: Partial<Record<Kind, string[]>>;
  maxFileSizeMB: number;
}

/** Notes are prose: hovers there explain terms, and nothing is validated. */
export function isNotesLanguage(languageId: string): boolean {
  return languageId === 'markdown' || languageId === 'plaintext';
}

export const DEFAULT_SETTINGS: Settings = { validate: { enable: true }, kinds: {}, maxFileSizeMB: 5 };

/**
 * The server's view of open documents: one parse and one lint per (uri, version), shared by
 * diagnostics, hover and code actions.
 */
export class Workspace {
  settings: Settings = DEFAULT_SETTINGS;
  readonly docs = new DocumentCache({ maxBytes: DEFAULT_SETTINGS.maxFileSizeMB * 1048576 });
  private readonly lints = new Map<string, { version: number; result: LintResult }>();
  onRuleError?: (code: string, error: unknown) => void;

  parsed(td: TextDocument): TemplateDocument {
    return this.docs.get(td.uri, td.version, () => td.getText());
  }

  /**
   * The document's kind without running the rules: hover, completion and navigation run on every
   * keystroke and must not pay for a lint. Same inputs as the lint's detection, so the same answer.
   */
  kindOf(td: TextDocument): { doc: TemplateDocument; kind: Kind | null } {
    const doc = this.parsed(td);
    if (isNotesLanguage(td.languageId) || doc.skipped) return { doc, kind: null };
    return { doc, kind: detectKind(doc, { fileName: td.uri, globs: this.settings.kinds }) };
  }

  lint(td: TextDocument): LintResult {
    if (isNotesLanguage(td.languageId)) return { kind: null, findings: [] };
    const hit = this.lints.get(td.uri);
    if (hit && hit.version === td.version) return hit.result;
    const result = lintDocument(this.parsed(td), {
      fileName: td.uri,
      globs: this.settings.kinds,
      onRuleError: (rule, e) => this.onRuleError?.(rule.code, e),
    });
    this.lints.set(td.uri, { version: td.version, result });
    return result;
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.lints.delete(uri);
  }

  updateSettings(s: Partial<Settings>): void {
    this.settings = { ...DEFAULT_SETTINGS, ...s, validate: { ...DEFAULT_SETTINGS.validate, ...(s.validate ?? {}) } };
    this.docs.setOptions({ maxBytes: Math.max(0.1, Number(this.settings.maxFileSizeMB) || 5) * 1048576 });
    this.lints.clear();
  }
}
