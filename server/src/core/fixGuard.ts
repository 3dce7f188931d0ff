/**
 * The fix guard: a fix is applied or offered only if re-linting its result adds no finding of any
 * code (a duplicate key, a syntax error, a new type error...). Shared by quick fixes, fix-all in
 * the editor and `lint --fix`.
 */
import { DEFAULT_MAX_BYTES, parseTemplate, type ParseOptions, type TemplateDocument } from './document';
import { reparseIncrementally } from './document/incremental';
import { lintDocument, type LintOptions, type LintResult } from './lint';
import { applyEdits, fixesFor, type FixAction, type TextEdit } from './fixes';

type Finding = LintResult['findings'][number];

export interface GuardOptions extends LintOptions {
  parse?: ParseOptions;
}

export interface FixOutcome {
  code: string;
  title: string;
}

export interface RefusedFix extends FixOutcome {
  reason: string;
}

export interface FixAllResult {
  doc: TemplateDocument;
  findings: Finding[];
  applied: FixOutcome[];
  refused: RefusedFix[];
}

/** A finding's identity across edits: its code and message (line numbers in messages move with edits). */
function identity(f: Finding): string {
  return `${f.code}\u0000${f.message.replace(/\bline \d+/g, 'line #')}`;
}

/** The same finding in a later text: identity plus its path (many findings share a message). */
function samePlace(a: Finding, b: Finding): boolean {
  return identity(a) === identity(b) && JSON.stringify(a.path ?? null) === JSON.stringify(b.path ?? null);
}

/**
 * Findings of `after` beyond those of `before` (as a multiset of code + message). Best-practice
 * advice a fix reveals (a corrected type is now checked as a bucket) is not damage it does.
 */
export function addedFindings(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const counts = new Map<string, number>();
  for (const f of before) counts.set(identity(f), (counts.get(identity(f)) ?? 0) + 1);
  const added: Finding[] = [];
  for (const f of after) {
    if (f.bestPractice) continue;
    const k = identity(f);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else added.push(f);
  }
  return added;
}

/**
 * Re-lint `text` as the same kind of file as `doc`. A fix usually touches one entry: only that entry
 * is re-parsed (doc stays as it is), and with opts.cache the other entries' findings are reused.
 */
function relint(doc: TemplateDocument, text: string, kind: LintOptions['kind'], opts: GuardOptions): { doc: TemplateDocument; findings: Finding[] } {
  const fits = text.length <= (opts.parse?.maxBytes ?? DEFAULT_MAX_BYTES);
  const next = (fits && reparseIncrementally(doc, text, doc.version + 1, true)) || parseTemplate(doc.uri, doc.version + 1, text, opts.parse);
  return { doc: next, findings: lintDocument(next, { ...opts, kind }).findings };
}

/** Why applying `edits` to `doc` is refused (the first finding it adds), or undefined when it is safe. */
export function refusal(doc: TemplateDocument, before: readonly Finding[], edits: TextEdit[], opts: GuardOptions = {}): string | undefined {
  const kind = opts.kind ?? lintDocument(doc, opts).kind ?? undefined;
  const text = applyEdits(doc.text, edits);
  if (text === doc.text) return 'it changes nothing';
  return describeAdded(addedFindings(before, relint(doc, text, kind, opts).findings));
}

function describeAdded(added: Finding[]): string | undefined {
  if (!added.length) return undefined;
  const more = added.length > 1 ? ` and ${added.length - 1} more` : '';
  return `it would add ${added[0].code} (${added[0].message})${more}`;
}

/**
 * The quick fixes of one finding that add no finding when applied. A fix that reveals findings
 * (see withFollowUps) is offered together with their fixes, as one edit, when that adds nothing.
 */
export function safeFixesFor(doc: TemplateDocument, finding: Finding, before: readonly Finding[], opts: GuardOptions = {}): FixAction[] {
  const kind = opts.kind ?? lintDocument(doc, opts).kind ?? undefined;
  return fixesFor(doc, finding).flatMap((fix) => {
    const r = withFollowUps(doc, [...before], fix, kind, opts);
    if (typeof r === 'string') return [];
    if (!r.followUps.length) return [fix];
    return [{ ...fix, title: `${fix.title}, then ${r.followUps.map((x) => x.title.replace(/^Change/, 'change')).join(', ')}`, edits: [changedSpan(doc.text, r.doc.text)] }];
  });
}

/** One edit turning `a` into `b`: the span between their common prefix and suffix. */
function changedSpan(a: string, b: string): TextEdit {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { start: p, end: a.length - s, text: b.slice(p, b.length - s) };
}

/**
 * Apply the preferred fix of each finding, re-lint, repeat (later fixes see earlier ones). Each
 * pass tries all non-overlapping fixes together; if that adds a finding, halves of the group are
 * tried, down to single fixes, and only those that add none are kept. Refused fixes are reported.
 */
export function fixAll(doc: TemplateDocument, opts: GuardOptions = {}, maxPasses = 8): FixAllResult {
  const first = lintDocument(doc, opts);
  const kind = first.kind ?? undefined;
  let findings = first.findings;
  const applied: FixOutcome[] = [];
  const refused = new Map<string, RefusedFix>();
  if (!kind) return { doc, findings, applied, refused: [] };
  for (let pass = 0; pass < maxPasses; pass++) {
    const batch = nonOverlapping(
      findings.flatMap((f) => {
        const fix = fixesFor(doc, f).find((a) => a.preferred);
        return fix && !refused.has(identity(f)) ? [{ finding: f, fix }] : [];
      }),
    );
    if (!batch.length) break;
    let progressed = false;
    /**
     * Apply a group of fixes together if that adds no finding; else split it in halves, so a few
     * bad fixes among many cost a few re-lints each, not one per fix (fix-all runs on save).
     */
    const tryGroup = (group: typeof batch): void => {
      // Offsets are stale once a fix is applied: re-derive each finding's fix on the current text.
      const items = nonOverlapping(
        group.flatMap((b) => {
          const f = findings.find((x) => samePlace(x, b.finding));
          const fix = f && fixesFor(doc, f).find((a) => a.preferred);
          return f && fix ? [{ finding: f, fix }] : [];
        }),
      );
      if (items.length > 1) {
        const together = relint(doc, applyEdits(doc.text, items.flatMap((b) => b.fix.edits)), kind, opts);
        if (together.doc.text !== doc.text && !addedFindings(findings, together.findings).length) {
          for (const b of items) applied.push({ code: b.finding.code, title: b.fix.title });
          ({ doc, findings } = together);
          progressed = true;
          return;
        }
        const mid = items.length >> 1;
        tryGroup(items.slice(0, mid));
        tryGroup(items.slice(mid));
        return;
      }
      const [one] = items;
      if (!one) return;
      const r = withFollowUps(doc, findings, one.fix, kind, opts);
      if (typeof r === 'string') {
        refused.set(identity(one.finding), { code: one.finding.code, title: one.fix.title, reason: r });
        return;
      }
      applied.push({ code: one.finding.code, title: one.fix.title }, ...r.followUps);
      ({ doc, findings } = r);
      progressed = true;
    };
    tryGroup(batch);
    if (!progressed) break;
  }
  // A refused fix whose finding a later fix removed anyway is not worth reporting.
  const left = new Set(findings.map(identity));
  return { doc, findings, applied, refused: [...refused.entries()].filter(([k]) => left.has(k)).map(([, r]) => r) };
}

/**
 * Apply `fix`; if the result has findings the text did not have, they may be ones the fix revealed
 * (a corrected resource type gets its properties checked): apply their preferred fixes too, up to
 * `depth` rounds. The whole chain is kept only if it ends with no added finding; else the reason.
 */
function withFollowUps(
  doc: TemplateDocument,
  before: Finding[],
  fix: FixAction,
  kind: LintOptions['kind'],
  opts: GuardOptions,
  depth = 2,
): { doc: TemplateDocument; findings: Finding[]; followUps: FixOutcome[] } | string {
  let cur = relint(doc, applyEdits(doc.text, fix.edits), kind, opts);
  if (cur.doc.text === doc.text) return 'it changes nothing';
  const followUps: FixOutcome[] = [];
  for (let round = 0; ; round++) {
    const added = addedFindings(before, cur.findings);
    if (!added.length) return { ...cur, followUps };
    const next = round < depth && nonOverlapping(added.flatMap((f) => fixesFor(cur.doc, f).filter((a) => a.preferred).slice(0, 1).map((a) => ({ finding: f, fix: a }))));
    if (!next || !next.length) return describeAdded(added)!;
    followUps.push(...next.map((n) => ({ code: n.finding.code, title: n.fix.title })));
    cur = relint(cur.doc, applyEdits(cur.doc.text, next.flatMap((n) => n.fix.edits)), kind, opts);
  }
}

function nonOverlapping<T extends { fix: FixAction }>(items: T[]): T[] {
  const taken: TextEdit[] = [];
  const out: T[] = [];
  for (const it of items) {
    const clash = it.fix.edits.some((e) => taken.some((t) => (e.start < t.end && t.start < e.end) || e.start === t.start));
    if (clash) continue;
    taken.push(...it.fix.edits);
    out.push(it);
  }
  return out;
}
