import type { TemplateDocument } from './document/model';
import { hasAnchors } from './document/incremental';
import { eol } from './document/text';
import { getPair, isMap, type MapNode } from './document/nodes';
import { dropCascades } from './rules/cascade';
import { readAsIntended } from './cfn/intended';
import { detectKind, type Kind, type KindOptions } from './kind';
import { KIND_LABELS } from './kindNames';
import { compareCodes } from './rules/define';
import { documentRules } from './rules/document';
import type { LintCache } from './rules/entryCache';
import { rulesFor } from './rules/registry';
import type { EntryMemo, Finding, RawFinding, Rule, RuleContext } from './rules/types';
import { templateIndex } from './cfn/template';
import { applySuppressions } from './suppress';
import { isoDay } from './day';

export interface LintOptions extends KindOptions {
  /** Force a kind instead of detecting it (CLI `--kind`). */
  kind?: Kind;
  /** Run these rules instead of the registry's rules for the kind (embedders, tests). */
  rules?: readonly Rule[];
  /** Called when a rule throws; the rule's findings are replaced by one internal-error finding. */
  onRuleError?: (rule: Rule, error: unknown) => void;
  /** The date date-dependent checks compare with (tests inject one); now when unset. */
  today?: Date;
  /** Codes the user switched off (best-practice checks, setting `awsNotes.bestPractices`). */
  disabled?: readonly string[];
  /** Reads a local file by absolute path (nested stack templates beside the template). */
  readFile?: (path: string) => string | undefined;
  /** Reuse per-entry findings from earlier lints of this document (the editor passes one per open document). */
  cache?: LintCache;
}

export interface LintResult {
  kind: Kind | null;
  findings: Finding[];
}

/** Run every rule for the document's kind. Not-ours documents get nothing at all. */
export function lintDocument(doc: TemplateDocument, opts: LintOptions = {}): LintResult {
  if (doc.skipped) {
    const kind = opts.kind ?? null;
    return { kind, findings: [{ code: 'DOC1007', severity: 'info', message: doc.skipped, start: 0, end: 0 }] };
  }
  const kind = opts.kind ?? detectKind(doc, opts);
  if (!kind) return { kind: null, findings: [] };
  const findings: Finding[] = [...documentRules(doc, kind)];
  const root = doc.root;
  if (isMap(root)) {
    const intended = readAsIntended(root, kind);
    const memo = opts.cache && entryMemo(opts.cache, doc, intended, kind, opts.today);
    const ctx: RuleContext = { doc, kind, root: intended, today: opts.today, readFile: opts.readFile, memo };
    let rules = (opts.rules?.filter((r) => r.kinds.includes(kind)) ?? rulesFor(kind)).filter((r) => !opts.disabled?.includes(r.code));
    if (memo) {
      // Per-entry rules together: one look-up per entry instead of one per entry and rule.
      const batch = rules.filter((r) => r.perEntry);
      const all = batchPerEntry(ctx, memo, batch);
      if (all) {
        findings.push(...all);
        rules = rules.filter((r) => !r.perEntry);
      }
    }
    for (const rule of rules) {
      try {
        for (const f of rule.check(ctx)) findings.push(decorated(rule, f));
      } catch (e) {
        opts.onRuleError?.(rule, e);
        findings.push({
          code: 'INTERNAL',
          severity: 'warning',
          message: `Rule ${rule.code} failed on this file (${e instanceof Error ? e.message : String(e)}); other rules still ran. Please report it.`,
          start: 0,
          end: 0,
        });
      }
    }
  } else if (root !== null && doc.problems.length === 0) {
    findings.push({ code: 'DOC1008', severity: 'error', message: `The top level of a ${KIND_LABELS[kind].long} file must be a mapping of keys to values.`, start: root.start, end: root.end });
  }
  const kept = capFindings(applySuppressions(doc, root, dropCascades(doc, findings)));
  kept.sort((a, b) => a.start - b.start || compareCodes(a.code, b.code));
  return { kind, findings: kept };
}

function decorated(rule: Rule, f: RawFinding): Finding {
  return { ...f, code: rule.code, severity: f.severity ?? rule.severity, ...(rule.bestPractice ? { bestPractice: true } : {}) };
}

/**
 * The memo key of a batch: the same string object while the rules are the same, so each entry's
 * look-up compares it by identity rather than by its few hundred characters.
 */
let lastBatchKey = '';
function batchKey(batch: Rule[]): string {
  const key = `*${batch.map((r) => r.code).join(',')}`;
  if (key !== lastBatchKey) lastBatchKey = key;
  return lastBatchKey;
}

/**
 * The findings of every per-entry rule, entry by entry, each entry's reused while it is unchanged.
 * Undefined when one of them throws: then each runs on its own, reporting its failure as usual.
 */
function batchPerEntry(ctx: RuleContext, memo: EntryMemo, batch: Rule[]): Finding[] | undefined {
  if (!batch.length) return [];
  const resources = templateIndex(ctx.doc, ctx.root).resources.values();
  try {
    return memo.each(batchKey(batch), resources, (r) => {
      const out: Finding[] = [];
      for (const rule of batch) for (const f of rule.perEntry!(ctx, r)) out.push(decorated(rule, f));
      return out;
    });
  } catch {
    return undefined;
  }
}

/**
 * A memo of per-entry findings, keyed by everything outside the Resources section (parameters,
 * transforms, the kind, today's date, the line break style): a resource's own findings may read those, never another
 * resource. None when the tree may not be the text's plain reading (syntax problems, duplicate
 * keys, anchors whose aliases reach across entries).
 */
function entryMemo(cache: LintCache, doc: TemplateDocument, root: MapNode, kind: Kind, today: Date | undefined): EntryMemo | undefined {
  if (doc.problems.length || doc.duplicates.length || hasAnchors(doc)) return undefined;
  const res = getPair(root, 'Resources')?.value;
  if (!isMap(res) || res.short) return undefined;
  const day = isoDay(today ?? new Date());
  // The line break style, which fixes write, is found in the whole text.
  return cache.memo(doc, res, `${kind}\u0000${day}\u0000${eol(doc.text)}\u0000${doc.text.slice(0, res.start)}\u0000${doc.text.slice(res.end)}`);
}

/** More findings than anyone reads; past this, editor and CLI slow down for nothing (a 10,000-variable Sub). */
export const MAX_FINDINGS = 1000;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** The first MAX_FINDINGS findings, errors before warnings before info, plus one DOC1020 saying how many were cut. */
function capFindings(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS) return findings;
  const ranked = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start || compareCodes(a.code, b.code));
  const kept = ranked.slice(0, MAX_FINDINGS);
  const cut = findings.length - kept.length;
  const byCode = new Map<string, number>();
  for (const f of ranked.slice(MAX_FINDINGS)) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  const top = [...byCode].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([c, n]) => `${c} ×${n.toLocaleString('en-US')}`);
  kept.push({
    code: 'DOC1020',
    severity: 'warning',
    message: `${cut.toLocaleString('en-US')} more findings in this file are not listed (only the first ${MAX_FINDINGS.toLocaleString('en-US')} are; most of the rest: ${top.join(', ')}). Fix the listed ones, often one cause repeated, and check again.`,
    start: 0,
    end: 0,
  });
  return kept;
}
