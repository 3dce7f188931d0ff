import { linePassages, linesInSlices, looksBinary, parseNotes, type NoteSection } from './parse';
import { tokenize, tokenizeDetailed } from './terms';
import { PassageStore, type Heading } from './passageStore';
import { TermIndex, type TermRule } from './termIndex';
import { yieldTurns } from './pause';

export interface NotesHit {
  file: string;
  /** 1-based first line of the passage. */
  line: number;
  endLine: number;
  text: string;
  title: string;
  headingPath: string[];
  score: number;
  /** Repeated header lines at the top of `text` (see NoteSection.headerLines). */
  headerLines?: number;
}

export interface NotesSearchOptions {
  /**
   * Extra words that describe the topic (e.g. the knowledge-base title). They help rank
   * passages about the right service but count less than the query itself, and a passage
   * must match at least one query word to be returned.
   */
  context?: string;
  /** Weight of context words relative to query words (default 0.35). */
  contextWeight?: number;
  /**
   * Words of which a passage must match at least one (in its text or headings), e.g. the service
   * of a resource type: `AWS::Batch::JobQueue` is about Batch, never about SQS queues.
   */
  require?: string;
  /**
   * Words that say where the term stands (the service of a hovered property, the appspec or
   * buildspec): passages that match one rank well above passages about another service.
   */
  prefer?: string;
  /**
   * For a generic term (`Rules`, `Enabled`), which says nothing alone: words of which a passage
   * must match one, e.g. the parent property of a nested key. Default: `prefer`.
   */
  about?: string;
  /** For a topic of several words: the share of its words (0–1) a passage must contain. */
  minShare?: number;
}

/** Candidates checked for a split name's phrase before giving up (each check tokenizes a passage). */
const MAX_PHRASE_CHECKS = 60;

/**
 * Whether `needed` of the pieces appear in order, close together (a gap of one word at most
 * between them), in the text: "lifecycle hook" for `LifecycleHook`, `BeforeAllowTraffic` for
 * its own pieces, but not "before allowing … tests … traffic" for `BeforeAllowTestTraffic`.
 */
export function hasPhrase(text: string, pieces: string[], needed: number): boolean {
  const tokens = tokenizeDetailed(text).map((t) => t.token);
  for (let i = 0; i < tokens.length; i++) {
    const first = pieces.indexOf(tokens[i]);
    if (first < 0 || first > pieces.length - needed) continue;
    let matched = 1;
    let next = first + 1;
    let last = i;
    for (let j = i + 1; j < tokens.length && j - last <= 2 && next < pieces.length; j++) {
      const at = pieces.indexOf(tokens[j], next);
      if (at < 0) continue;
      matched++;
      next = at + 1;
      last = j;
    }
    if (matched >= needed) return true;
  }
  return false;
}

/** Candidates ordered before the rest are looked at: a hover rarely reads past the first few. */
const FIRST_ORDERED = 128;

/**
 * 0..n-1 in the order `compare` gives, sorting only as far as the caller reads: the best
 * FIRST_ORDERED by `score` first (a split name can have thousands of candidates), the rest
 * only when asked for. `compare` must order by `score`, highest first, before anything else.
 */
function* bestFirst(n: number, compare: (a: number, b: number) => number, score: Float64Array): Generator<number> {
  const threshold = n > FIRST_ORDERED ? kthLargest(score.slice(0, n), FIRST_ORDERED) : -Infinity;
  const first: number[] = [];
  for (let i = 0; i < n; i++) if (score[i] >= threshold) first.push(i);
  yield* first.sort(compare);
  if (first.length === n) return;
  const rest: number[] = [];
  for (let i = 0; i < n; i++) if (score[i] < threshold) rest.push(i);
  yield* rest.sort(compare);
}

/** The k-th largest value (1-based) of `a`, which it reorders: quickselect, linear on average. */
function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1; // index in descending order
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target];
}

/** Score factor for passages that match a `prefer` word (Lambda's Timeout over SQS's). */
const PREFER_BOOST = 3;
/** Score factor for passages whose heading names the term itself (not a passing mention). */
const HEADING_BOOST = 2;

/** Code examples rank below prose about the same thing. */
const CODE_BOOST = 0.75;
/**
 * CamelCase pieces that say nothing on their own: `GetAtt` must not match every passage that
 * says "get", nor `ShardCount` every passage with "count" (but "shard" alone is fine).
 */
const GENERIC_PARTS = new Set(
  (
    'get set put list att attribute id ids arn name type count size config configuration specification ' +
    'spec policy setting enabled enable mode second minute hour day in time window max min total number ' +
    'identifier source target value key option detail rule group item status code message period'
  ).split(' '),
);
/** True when every word of the term is one that says nothing alone (`Enabled`, `Rules`, `Name`). */
export function isGenericTerm(term: string): boolean {
  const words = tokenizeDetailed(term).filter((t) => t.kind !== 'part');
  return words.length > 0 && words.every((t) => GENERIC_PARTS.has(t.token));
}

/** Longest stretch addFileInBatches works before it yields to waiting requests. */
const SLICE_MS = 5;
/** Fewer removed passages than this are not worth a re-index (a few MB of columns at most). */
const COMPACT_MIN_REMOVED = 50_000;
/** Most context tokens added to a query (they only re-rank). */
const MAX_CONTEXT_TOKENS = 30;

/** Weight of camelCase pieces of a query word relative to whole words. */
const PART_WEIGHT = 0.6;

/** A piece of a file's text as the index keeps it: no BOM, line ends `\n` (line numbers stay). */
function indexedText(text: unknown, first: boolean): string {
  let t = typeof text === 'string' ? text : '';
  if (first && t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

/** A file's passage ids and the number of its text in the passage store (-1 until it is read). */
interface FileEntry {
  ids: number[];
  source: number;
}

/**
 * Full-text index over the passages of the user's notes files. Files can be added, replaced
 * and removed one at a time so the language server can keep it current as files change.
 */
export class NotesIndex {
  private terms = new TermIndex();
  private passages = new PassageStore();
  private byFile = new Map<string, FileEntry>();
  private nextId = 1;
  /** Passages removed since the ids were last given out afresh (see compact). */
  private removed = 0;
  /** Counts files opened and removed: a compaction that overlapped one is dropped. */
  private changes = 0;
  /** Passages of one section share their heading: it is tokenized once. */
  private lastHeading: { heading: Heading; tokens: string[] } | undefined;

  /** Indexes one passage of a file under a new id. */
  private addPassage(entry: FileEntry, s: NoteSection): void {
    const id = this.nextId++;
    this.passages.add(id, entry.source, s);
    entry.ids.push(id);
    const heading = this.passages.heading(id);
    if (this.lastHeading?.heading !== heading) this.lastHeading = { heading, tokens: tokenize(s.headingPath.join(' / ')) };
    this.terms.add(id, { heading: this.lastHeading.tokens, text: tokenize(s.text) }, s.kind === 'code' ? CODE_BOOST : 1);
  }

  /** Number of indexed passages. */
  get size(): number {
    return this.passages.size;
  }

  files(): string[] {
    return [...this.byFile.keys()];
  }

  has(file: string): boolean {
    return this.byFile.has(file);
  }

  /** Starts (re-)indexing a file: registered at once, its text added once it is ready. */
  private open(file: string): FileEntry {
    this.removeFile(file);
    this.changes++;
    const entry: FileEntry = { ids: [], source: -1 };
    this.byFile.set(file, entry);
    return entry;
  }

  /** Indexes (or re-indexes) a file; returns how many passages it produced. Never throws. */
  addFile(file: string, text: string): number {
    const entry = this.open(file);
    let sections: NoteSection[];
    try {
      const chunk = indexedText(text, true);
      entry.source = this.passages.addSource(file, [chunk]);
      sections = parseNotes(file, chunk);
    } catch {
      sections = [];
    }
    try {
      for (const s of sections) this.addPassage(entry, s);
    } catch {
      // A failure here would leave the file half-indexed; drop it instead.
      this.removeFile(file);
      return 0;
    }
    return entry.ids.length;
  }

  /**
   * Indexes a file a slice of time at a time, yielding in between, so a huge notes file (10 MB)
   * never holds the server: parsing and indexing both pause, and hovers answer from what is
   * indexed so far. `progress` hears the share of the file's text done (0–1) at every pause.
   * The text may come in pieces, each but the last ending with `\n` (see decodeNotesInChunks).
   * Stops quietly when the file is removed or re-added meanwhile.
   */
  async addFileInBatches(
    file: string,
    text: string | readonly string[],
    pause: () => Promise<void> = yieldTurns,
    sliceMs = SLICE_MS,
    progress?: (share: number) => void,
  ): Promise<number> {
    const entry = this.open(file);
    const { ids } = entry;
    try {
      const chunks: string[] = [];
      for (const c of typeof text === 'string' ? [text] : text) {
        chunks.push(indexedText(c, !chunks.length));
        if (typeof c === 'string' && c.includes('\r')) await pause(); // making line ends `\n` takes a few ms a MiB
      }
      if (this.byFile.get(file) !== entry) return 0;
      entry.source = this.passages.addSource(file, chunks);
      const total = chunks.reduce((n, c) => n + c.length, 0);
      if (!total || looksBinary(chunks[0])) return 0;
      // Finding 10 MB of line ends is a stretch of its own: it pauses too.
      const lines = await linesInSlices(chunks, pause);
      if (this.byFile.get(file) !== entry) return 0;
      let sliceStart = performance.now();
      let reached = 0;
      for (const s of linePassages(file, lines)) {
        this.addPassage(entry, s);
        if (s.offset !== undefined) reached = s.offset;
        if (ids.length % 16 === 0 && performance.now() - sliceStart >= sliceMs) {
          progress?.(reached / total);
          await pause();
          if (this.byFile.get(file) !== entry) return 0;
          sliceStart = performance.now();
        }
      }
    } catch {
      this.removeFile(file);
      return 0;
    }
    return ids.length;
  }

  /** A build is done: packs what was just indexed into its compact form, in slices like the build. */
  async settle(pause: () => Promise<void> = yieldTurns, sliceMs = SLICE_MS): Promise<void> {
    this.lastHeading = undefined;
    while (!this.terms.settle(performance.now() + sliceMs)) await pause();
  }

  removeFile(file: string): void {
    const entry = this.byFile.get(file);
    if (!entry) return;
    for (const id of entry.ids) {
      if (this.passages.remove(id)) this.terms.remove(id);
    }
    if (entry.source >= 0) this.passages.dropSource(entry.source);
    this.byFile.delete(file);
    this.lastHeading = undefined;
    this.removed += entry.ids.length;
    this.changes++;
  }

  /** How many passage ids were ever given out: what the per-id columns hold room for. */
  get idsGiven(): number {
    return this.nextId - 1;
  }

  /**
   * Passage ids are never reused, and every id given out keeps room in the per-id columns, so a
   * notes file saved again and again (autosave) would grow them without end. Once removed
   * passages outnumber the live ones (and at least `minRemoved`), the files are indexed again from
   * the texts kept, into a fresh index whose parts replace these when it is done; hovers use the
   * old parts meanwhile. Dropped (false) when a file is added or removed before it is done.
   */
  async compact(pause: () => Promise<void> = yieldTurns, sliceMs = SLICE_MS, minRemoved = COMPACT_MIN_REMOVED): Promise<boolean> {
    if (this.removed < Math.max(minRemoved, this.passages.size)) return false;
    const start = this.changes;
    const fresh = new NotesIndex();
    for (const [file, entry] of this.byFile) {
      const source = entry.source >= 0 ? this.passages.source(entry.source) : undefined;
      if (!source) return false; // still being read
      await fresh.addFileInBatches(file, source.chunks, pause, sliceMs);
      if (this.changes !== start) return false;
    }
    await fresh.settle(pause, sliceMs);
    if (this.changes !== start) return false;
    ({ terms: this.terms, passages: this.passages, byFile: this.byFile, nextId: this.nextId } = fresh);
    this.removed = 0;
    this.lastHeading = undefined;
    return true;
  }

  /** The indexed passages of one file, in file order. */
  passagesOf(file: string): NoteSection[] {
    return (this.byFile.get(file)?.ids ?? []).map((id) => this.passages.get(id)).filter((p): p is NoteSection => !!p);
  }

  /** Context strings repeat (one per knowledge entry), so their tokens are memoized. */
  private readonly contextCache = new Map<string, string[]>();

  private contextTokens(context: string): string[] {
    let tokens = this.contextCache.get(context);
    if (!tokens) {
      tokens = [...new Set(tokenize(context))];
      if (this.contextCache.size >= 500) this.contextCache.clear();
      this.contextCache.set(context, tokens);
    }
    return tokens;
  }

  /**
   * Best passages for a query, most relevant first. Near-identical passages (notes files
   * often repeat each other) are returned once. Never throws.
   */
  search(query: string, limit = 5, opts: NotesSearchOptions = {}): NotesHit[] {
    try {
      // Whole words and synonyms are strong evidence; camelCase pieces only count together
      // (`GetAtt` must not match every passage that says "get").
      const strong = new Set<string>();
      const parts = new Set<string>();
      // Specific: synonyms and compound names (`NetworkAcl`), never one plain word (`Cluster`).
      const specific = new Set<string>();
      let lastWord = '';
      for (const t of tokenizeDetailed(query)) {
        (t.kind === 'part' ? parts : strong).add(t.token);
        if (t.kind === 'synonym') specific.add(t.token);
        if (t.kind === 'part' && lastWord) specific.add(lastWord);
        if (t.kind === 'word') lastWord = t.token;
      }
      const pieces = [...parts]; // every piece of a split name, even one that is also a word
      for (const t of strong) parts.delete(t);
      const primary = new Set([...strong, ...parts]);
      if (primary.size === 0 || limit <= 0) return [];
      // Context only re-ranks; a dozen tokens is enough for that, and every extra OR term makes
      // the index score more passages (it dominated hover latency).
      const context = opts.context ? this.contextTokens(opts.context).filter((t) => !primary.has(t)).slice(0, MAX_CONTEXT_TOKENS) : [];
      const weight = opts.contextWeight ?? 0.35;
      const preferred = opts.prefer ? new Set(this.contextTokens(opts.prefer)) : undefined;
      // A generic name (`Name`, `Type`, `Timeout` is not one) says nothing without its service.
      const generic = isGenericTerm(query);
      const requireText = opts.require ?? (generic ? (opts.about ?? opts.prefer) : undefined);
      // Whole words only: `FSx` must not be satisfied by the `F` of "FIle".
      // Generic words ("configuration") cannot say what a passage is about.
      const requiredWords = requireText ? tokenizeDetailed(requireText).filter((t) => t.kind !== 'part' && !GENERIC_PARTS.has(t.token)) : [];
      const required = requiredWords.length ? new Set(requiredWords.map((t) => t.token)) : undefined;
      const extra = [...(required ?? []), ...(preferred ?? [])].filter((t) => !primary.has(t) && !context.includes(t));
      // Precision over recall: a passage must name the term (a whole word or synonym), or carry
      // every piece of a split name that means something (one may be missing from a name of five
      // or more): `Gateway` of `NatGateway`, `Before` of `BeforeInstall` or `BeforeAllowTraffic`
      // for `BeforeAllowTestTraffic` are never enough, while `ShardCount` has only one such piece
      // (`count` is generic), so "shard" is.
      const meaningful = pieces.filter((p) => !GENERIC_PARTS.has(p));
      const needed = meaningful.length >= 5 ? meaningful.length - 1 : meaningful.length;
      // A topic (several words) needs most of its words; a term needs itself.
      const words = [...new Set(tokenizeDetailed(query).filter((t) => t.kind === 'word').map((t) => t.token))];
      const minWords = opts.minShare ? Math.ceil(opts.minShare * words.length) : 1;
      const relevant: TermRule[] =
        minWords > 1
          ? [{ terms: words, min: minWords }]
          : [
              { terms: [...strong], min: 1 },
              { terms: meaningful, min: needed },
            ];
      // Only a passage with a whole word or a meaningful piece can be relevant, so only those
      // terms bring passages in; generic pieces (`message`, `period`) and context words re-rank.
      const opening = [...primary].filter((t) => strong.has(t) || meaningful.includes(t));
      const scored = this.terms.run([...opening, ...[...primary].filter((t) => !opening.includes(t)), ...context, ...extra], {
        open: opening.length,
        accept: relevant,
        boostTerm: (term) => (strong.has(term) ? 1 : parts.has(term) ? PART_WEIGHT : weight),
      });
      const requiredMask = required && scored.mask(required);
      const preferredMask = preferred && scored.mask(preferred);
      const specificMask = scored.mask(specific);
      const strongMask = scored.mask(strong);
      const count = scored.ids.length;
      const kept = new Int32Array(count); // candidate numbers in `scored`
      const final = new Float64Array(count);
      const base = new Float64Array(count);
      let n = 0;
      for (let k = 0; k < count; k++) {
        // The required service may also be implied by a heading that names the term itself
        // ("Network Access Control Lists (NACL)" is about `AWS::EC2::NetworkAcl`).
        const headingNames = scored.inHeadingAny(k, specificMask);
        if (requiredMask && !scored.hasAny(k, requiredMask) && !headingNames) continue;
        let score = scored.score(k);
        base[n] = score;
        if (preferredMask && scored.hasAny(k, preferredMask)) score *= PREFER_BOOST;
        if (headingNames) score *= HEADING_BOOST;
        final[n] = score;
        kept[n++] = k;
      }
      const hits: NotesHit[] = [];
      const seen = new Set<string>();
      let phraseChecks = 0;
      // Best first; ties as the index ranked them (its score, then file order).
      for (const i of bestFirst(n, (x, y) => final[y] - final[x] || base[y] - base[x] || kept[x] - kept[y], final)) {
        const k = kept[i];
        const id = scored.ids[k];
        if (!this.passages.has(id)) continue;
        const text = this.passages.text(id);
        const heading = this.passages.heading(id);
        // Pieces of a split name count only as a phrase ("backup plan", not "backup … plan").
        if (meaningful.length > 1 && !scored.hasAny(k, strongMask)) {
          if (++phraseChecks > MAX_PHRASE_CHECKS) break;
          if (!hasPhrase(`${heading.path.join(' ')}\n${text}`, meaningful, needed)) continue;
        }
        const key = text.replace(/\s+/g, ' ').trim().toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const p = this.passages.get(id)!;
        hits.push({
          file: p.file,
          line: p.line,
          endLine: p.endLine,
          text,
          title: heading.title,
          headingPath: heading.path,
          headerLines: p.headerLines,
          score: final[i],
        });
        if (hits.length >= limit) break;
      }
      return hits;
    } catch {
      return [];
    }
  }
}
