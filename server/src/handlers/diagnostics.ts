import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../core';
import { DOCUMENT_KIND } from '../core/protocol';
import { ruleDocsUrl } from '../core/rules/docs';
import { toRange, toSeverity } from './convert';
import { sendNotification } from './protocol';
import { mark, reportStartup } from '../startupTrace';

/** How long typing must pause before a changed document is checked again. */
const CHANGE_DELAY_MS = 120;

/**
 * Publishes diagnostics on open (at once) and change (debounced). A run for an older version
 * is dropped: only the latest version's diagnostics are ever published.
 */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /**
   * The version each document was last scheduled at once for: the change event TextDocuments
   * fires after every open names that same version, and would check and publish it a second time.
   */
  private readonly checkedAtOnce = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
    /** The `awsNotes.validate.enable` setting. */
    private readonly enabled: () => boolean,
  ) {}

  schedule(uri: string, immediate = false): void {
    const version = this.documents.get(uri)?.version;
    if (!immediate && version !== undefined && this.checkedAtOnce.get(uri) === version) return;
    if (immediate && version !== undefined) this.checkedAtOnce.set(uri, version);
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    const run = () => {
      this.timers.delete(uri);
      this.validate(uri);
    };
    if (immediate) setImmediate(run);
    else this.timers.set(uri, setTimeout(run, CHANGE_DELAY_MS));
  }

  validate(uri: string): void {
    const td = this.documents.get(uri);
    if (!td) return;
    const version = td.version;
    mark('lint');
    const diagnostics = this.compute(td);
    // The document may have changed while we worked: publish only for the version we checked.
    if (this.documents.get(uri)?.version !== version) return;
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
    reportStartup();
    sendNotification(this.connection, DOCUMENT_KIND, { uri, kind: this.service.lint(td).kind });
  }

  compute(td: TextDocument): Diagnostic[] {
    if (!this.enabled()) return [];
    const doc = this.service.parse(td);
    return this.service.lint(td).findings.map((f) => ({
      range: toRange(doc, f.start, f.end),
      severity: toSeverity(f.severity),
      code: f.code,
      codeDescription: { href: ruleDocsUrl(f.code) },
      source: 'aws-notes',
      message: f.message,
      data: f.data ? { version: td.version } : undefined,
    }));
  }

  clear(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.checkedAtOnce.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  revalidateAll(): void {
    for (const d of this.documents.all()) this.schedule(d.uri, true);
  }
}
