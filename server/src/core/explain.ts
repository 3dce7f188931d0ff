/**
 * What a hover, `AWS Notes: Explain Selection` and `aws-notes explain` show for a term:
 * the bundled knowledge-base explanation, then the best passages from the user's own notes.
 */
import { loadKnowledge, type KnowledgeBase, type KnowledgeEntry } from './knowledge';
import { isGenericTerm, type NotesIndex, type NotesHit } from './notes/notesIndex';
import { tokenize } from './notes/terms';
import { linksAsText } from './notes/links';

export interface ExplainPassage {
  file: string;
  /** 1-based line where the quoted excerpt starts (after any repeated header lines). */
  line: number;
  text: string;
  /** Lines at the top of `text` repeated from a table's header (not at `line`). */
  headerLines?: number;
}

export interface ExplainOptions {
  notes?: NotesIndex;
  /**
   * What the term belongs to, e.g. the resource type of a hovered property
   * (`AWS::SQS::Queue` for `VisibilityTimeout`): picks the right entry when a name is shared
   * and steers the notes search toward that service.
   */
  context?: string;
  /** How many notes passages to quote (default 3). */
  maxPassages?: number;
  /** How a file is shown in the markdown (default: as given to the index). */
  displayPath?: (file: string) => string;
  /** Link target for a passage, e.g. a command URI the client opens; plain text when absent. */
  linkFor?: (file: string, line: number) => string | undefined;
  /** Knowledge base to use (default: the bundled one). */
  knowledge?: KnowledgeBase;
  /** A topic of several words: the share of them (0–1) a passage must contain. */
  minShare?: number;
}

export interface ExplainResult {
  term: string;
  markdown: string;
  passages: ExplainPassage[];
  /** Knowledge-base entry used, if any. */
  entryId?: string;
}

/** Longest excerpt quoted from one passage. */
const EXCERPT_CHARS = 700;
/** Aliases added to the notes query as low-weight context. */
const CONTEXT_ALIASES = 10;

/**
 * Notes are untrusted: no HTML, no links, no images (a link could be a command URI, an image
 * could phone home). Links and images become their text (linksAsText). Escaping `\`, `<`, `>`, `[` and `]` neutralizes all of them while the text
 * still renders as written; line-start markers that would turn a line into a heading, list,
 * quote or rule are escaped too so each line shows as the note wrote it.
 */
export function quoteUntrusted(text: string): string {
  const lines = linksAsText(text)
    .split('\n').map((raw) => {
    let line = raw.replace(/\t/g, '    ').trimEnd();
    line = line.replace(/[\\<>[\]]/g, (c) => `\\${c}`);
    // Keep indentation visible without making markdown code blocks: non-breaking spaces.
    const indent = /^ */.exec(line)![0].length;
    line = '\u00a0'.repeat(Math.min(indent, 24)) + line.slice(indent);
    line = line
      .replace(/^(\u00a0*)(#{1,6}(?=\s|$)|[*+-](?=\s|$)|[=-]{2,}\s*$|`{3,}|~{3,})/, (_m, sp: string, mark: string) => `${sp}\\${mark}`)
      // Ordered-list markers: only punctuation can be escaped, so escape the dot or parenthesis.
      .replace(/^(\u00a0*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
    return line;
  });
  // A table (every line a `|` row) renders as a table; other text keeps the note's own line
  // structure with hard line breaks inside one quote paragraph.
  if (lines.length > 1 && lines.every((l) => l.startsWith('|'))) return lines.map((l) => `> ${l}`).join('\n');
  return lines.map((l) => `> ${l}`).join('  \n');
}

/**
 * Our own knowledge-base text is markdown too, but written as prose: characters that markdown
 * would treat as HTML (`List<Number>`), emphasis (`s3:ObjectCreated:*`) or links are escaped so
 * the text shows exactly as written. Backtick code spans are kept.
 */
function escapeProse(text: string): string {
  return text.replace(/[\\<>*[\]]/g, (c) => `\\${c}`);
}

/** Inline code for a term typed by a user or taken from a document. */
function codeSpan(s: string): string {
  const clean = s.replace(/[`\r\n]/g, "'").slice(0, 120);
  return '`' + clean + '`';
}

/** First word start at or after `i` (or `i` when the window is one long word). */
function wordStartAfter(text: string, i: number, limit: number): number {
  if (/\s/.test(text[i - 1] ?? ' ')) return i;
  for (let k = i; k < Math.min(limit, i + 40); k++) if (/\s/.test(text[k])) return k + 1;
  return i;
}

/** Last word end at or before `i` (or `i` when the window is one long word). */
function wordEndBefore(text: string, i: number, limit: number): number {
  if (/\s/.test(text[i] ?? ' ')) return i;
  for (let k = i - 1; k > Math.max(limit, i - 40); k--) if (/\s/.test(text[k])) return k;
  return i;
}

/** Picks the part of a long passage that mentions the query, keeping whole lines. */
export function focusExcerpt(hit: NotesHit, queryTokens: Set<string>, maxChars = EXCERPT_CHARS): ExplainPassage {
  if (hit.headerLines) {
    // A table piece: focus the rows, keep the header on top; line numbers are the rows'.
    const all = hit.text.split('\n');
    const header = all.slice(0, hit.headerLines).join('\n');
    const rows = focusExcerpt({ ...hit, text: all.slice(hit.headerLines).join('\n'), headerLines: 0 }, queryTokens, Math.max(100, maxChars - header.length));
    return { ...rows, text: `${header}\n${rows.text}`, headerLines: hit.headerLines };
  }
  const lines = hit.text.split('\n');
  if (hit.text.length <= maxChars) return { file: hit.file, line: hit.line, text: hit.text };
  const scores = lines.map((l) => {
    let n = 0;
    for (const t of tokenize(l)) if (queryTokens.has(t)) n++;
    return n;
  });
  let best = 0;
  for (let i = 1; i < lines.length; i++) if (scores[i] > scores[best]) best = i;
  let from = best;
  let to = best;
  let size = lines[best].length;
  // Grow around the best line, preferring the lines after it (facts usually follow the term).
  while (true) {
    const nextLen = to + 1 < lines.length ? lines[to + 1].length + 1 : Infinity;
    const prevLen = from > 0 ? lines[from - 1].length + 1 : Infinity;
    if (size + Math.min(nextLen, prevLen) > maxChars) break;
    if (nextLen <= prevLen * 2) {
      to++;
      size += nextLen;
    } else {
      from--;
      size += prevLen;
    }
  }
  let text = lines.slice(from, to + 1).join('\n');
  if (text.length > maxChars) {
    // A single huge line: cut a window around the first query word.
    const lower = text.toLowerCase();
    let pos = -1;
    for (const t of queryTokens) {
      const p = lower.indexOf(t);
      if (p >= 0 && (pos < 0 || p < pos)) pos = p;
    }
    let start = Math.max(0, Math.min(pos < 0 ? 0 : pos - 150, text.length - maxChars));
    let end = Math.min(text.length, start + maxChars);
    // Cut at word boundaries: never half a word at either end.
    if (start > 0) start = wordStartAfter(text, start, end);
    if (end < text.length) end = wordEndBefore(text, end, start);
    text = (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }
  return { file: hit.file, line: hit.line + from, text };
}

/** The words used to search the notes for a term: `AWS::SQS::Queue` → "SQS Queue". */
function notesQuery(term: string): string {
  return term
    .replace(/^!/, '')
    .replace(/^Fn::/i, '')
    .replace(/^AWS::/i, '')
    .replace(/::/g, ' ')
    .replace(/\./g, ' ');
}

/** `AWS::SQS::Queue` → service "SQS", name "Queue"; undefined for anything else. */
function resourceType(term: string): { service: string; name: string } | undefined {
  const m = /^AWS::([A-Za-z0-9]+)::([A-Za-z0-9]+)$/.exec(term);
  if (!m) return undefined;
  // SAM resources are about the service they create.
  const service = m[1] === 'Serverless' ? `SAM serverless ${SAM_SERVICES[m[2]] ?? ''}` : m[1];
  return { service, name: m[2] };
}

/**
 * `AWS::S3::Bucket.LifecycleConfiguration`: where a nested key stands, its resource type and the
 * properties above it (the hover's context for a key below the top level).
 */
function nestedContext(context: string | undefined): { type: string; parents: string[] } | undefined {
  const m = context ? /^(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)((?:\.[A-Za-z0-9]+)+)$/.exec(context) : null;
  return m ? { type: m[1], parents: m[2].slice(1).split('.') } : undefined;
}

const SAM_SERVICES: Record<string, string> = {
  Function: 'Lambda',
  Api: 'API Gateway',
  HttpApi: 'API Gateway',
  SimpleTable: 'DynamoDB',
  StateMachine: 'Step Functions',
  LayerVersion: 'Lambda layer',
};

/**
 * Where the notes search looks, from the term and where it stands: a resource type must be
 * about its service; a property prefers passages about its resource's service; an appspec hook
 * or buildspec phase prefers passages about CodeDeploy or CodeBuild.
 */
function notesSearch(term: string, context: string | undefined): { query: string; require?: string; prefer?: string; about?: string } {
  const type = resourceType(term);
  // `AWS::SQS::Queue` is SQS itself: its one-word name only adds weight. A compound name
  // (`JobQueue`, `NatGateway`) is the topic and must match; the service must match either way.
  if (type && !/[a-z][A-Z]/.test(type.name)) return { query: `${type.service} ${type.name}`, require: type.service };
  if (type) return { query: type.name, require: type.service };
  const nested = nestedContext(context);
  const nestedType = nested && resourceType(nested.type);
  if (nested && nestedType) {
    // A nested key is about its parent property: `Rules` under `LifecycleConfiguration` is S3 lifecycle.
    const parents = nested.parents.map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1 $2')).join(' ');
    return { query: notesQuery(term), prefer: `${nestedType.service} ${nestedType.name} ${parents}`, about: parents };
  }
  const ctxType = context ? resourceType(context) : undefined;
  if (ctxType) return { query: notesQuery(term), prefer: `${ctxType.service} ${ctxType.name}` };
  return { query: notesQuery(term), prefer: context ? notesQuery(context) : undefined };
}

/**
 * Low-weight words that describe the topic. Besides title and aliases, the entry's summary and
 * facts work as query expansion: passages that talk about the same limits and concepts as the
 * explanation ("4 days", "retention", "visibility") rank above passages that merely name the
 * service.
 */
function entryContext(entry: KnowledgeEntry): string {
  const aliases = entry.aliases.filter((a) => !a.includes('::')).slice(0, CONTEXT_ALIASES);
  return [entry.title, entry.service, ...aliases, entry.summary, ...entry.facts].join(' ');
}

/** Accept a fuzzy knowledge-base match only when it covers every word of the term. */
function fuzzyEntry(kb: KnowledgeBase, term: string): { entry?: KnowledgeEntry; suggestions: KnowledgeEntry[] } {
  const hits = kb.search(notesQuery(term), 4);
  const words = new Set(tokenize(notesQuery(term)));
  const top = hits[0]?.entry;
  if (top && words.size > 0) {
    const known = new Set(tokenize(`${top.title} ${top.aliases.join(' ')}`));
    if ([...words].every((w) => known.has(w))) return { entry: top, suggestions: [] };
  }
  return { suggestions: hits.map((h) => h.entry) };
}

function renderEntry(entry: KnowledgeEntry): string {
  const out: string[] = [];
  out.push(`**${escapeProse(entry.title)}** · ${escapeProse(entry.service)}`);
  out.push('');
  out.push(escapeProse(entry.summary));
  if (entry.facts.length) {
    out.push('');
    for (const f of entry.facts) out.push(`- ${escapeProse(f)}`);
  }
  return out.join('\n');
}

/**
 * Explains a term: knowledge-base title, summary and facts, then up to `maxPassages` quoted
 * passages from the notes index with `file:line`. Says so when nothing is known. Never throws
 * for odd input.
 */
export function explain(term: string, opts: ExplainOptions = {}): ExplainResult {
  const cleanTerm = typeof term === 'string' ? term.trim().slice(0, 300) : '';
  if (!cleanTerm) return { term: '', markdown: 'Nothing to explain.', passages: [] };
  const kb = opts.knowledge ?? loadKnowledge();
  const maxPassages = opts.maxPassages ?? 3;

  const context = typeof opts.context === 'string' && opts.context.trim() ? opts.context.trim().slice(0, 300) : undefined;
  let entry = kb.lookup(cleanTerm, context);
  let suggestions: KnowledgeEntry[] = [];
  const nested = nestedContext(context);
  if (nested) {
    // A nested key belongs to its parent's topic: `Rules` under an S3 bucket's LifecycleConfiguration
    // is S3 lifecycle, never the template's Rules section.
    const owner = kb.lookup(nested.parents[nested.parents.length - 1], nested.type);
    if (owner && entry?.service !== owner.service) entry = owner;
  }
  if (!entry) ({ entry, suggestions } = fuzzyEntry(kb, cleanTerm));

  const parts: string[] = [];
  if (entry) parts.push(renderEntry(entry));
  else {
    parts.push(`No entry for ${codeSpan(cleanTerm)} in the bundled knowledge base.`);
    if (suggestions.length) parts.push(`Related: ${suggestions.map((s) => s.title).join(' · ')}`);
  }

  const passages: ExplainPassage[] = [];
  if (opts.notes) {
    const where = notesSearch(cleanTerm, context);
    const searchContext = [entry ? entryContext(entry) : '', context ? notesQuery(context) : ''].join(' ').trim();
    let hits = opts.notes.search(where.query, maxPassages, { context: searchContext || undefined, require: where.require, prefer: where.prefer, about: where.about, minShare: opts.minShare });
    // A generic nested key the notes never name (`Enabled` of TimeToLiveSpecification) is its
    // parent's switch or list: the notes about the parent explain it.
    if (!hits.length && where.about && isGenericTerm(where.query)) hits = opts.notes.search(where.about, maxPassages, { context: searchContext || undefined, prefer: where.prefer });
    const queryTokens = new Set(tokenize(where.query));
    // One line, so the knowledge-base explanation above stays the answer.
    if (hits.length === 0) parts.push('_Not in your notes._');
    else {
      parts.push('**From your notes**');
      for (const hit of hits) {
        const p = focusExcerpt(hit, queryTokens);
        passages.push(p);
        const shown = `${(opts.displayPath ?? ((f: string) => f))(p.file)}:${p.line}`;
        const link = opts.linkFor?.(p.file, p.line);
        const where = link ? `[${shown.replace(/[[\]]/g, '')}](${link})` : codeSpan(shown);
        const heading = hit.headingPath.length ? ` · ${hit.headingPath.slice(-2).join(' › ').replace(/[\\<>[\]`*_]/g, '')}` : '';
        parts.push(`${quoteUntrusted(p.text)}\n\n— ${where}${heading}`);
      }
    }
  }
  return { term: cleanTerm, markdown: parts.join('\n\n'), passages, entryId: entry?.id };
}
