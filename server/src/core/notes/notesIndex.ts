import { notePassages, parseNotes, type NoteSection } from './parse';
import { tokenize, tokenizeDetailed } from './terms';
import { TermIndex } from './termIndex';

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
const SLICE_MS = 8;
/** Most context tokens added to a query (they only re-rank). */
const MAX_CONTEXT_TOKENS = 30;

/** Weight of camelCase pieces of a query word relative to whole words. */
const PART_WEIGHT = 0.6;

/**
 * Full-text index over the passages of the user's notes files. Files can be added, replaced
 * and removed one at a time so the language server can keep it current as files change.
 */
export class NotesIndex {
  private readonly terms = new TermIndex();
  private readonly passages = new Map<number, NoteSection>();
  private readonly byFile = new Map<string, number[]>();
  private nextId = 1;

  /** Indexes one passage under a new id. */
  private addPassage(s: NoteSection): number {
    const id = this.nextId++;
    this.passages.set(id, s);
    this.terms.add(id, { heading: tokenize(s.headingPath.join(' / ')), text: tokenize(s.text) }, s.kind === 'code' ? CODE_BOOST : 1);
    return id;
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

  /** Indexes (or re-indexes) a file; returns how many passages it produced. Never throws. */
  addFile(file: string, text: string): number {
    this.removeFile(file);
    let sections: NoteSection[];
    try {
      sections = parseNotes(file, text);
    } catch {
      sections = [];
    }
    const ids: number[] = [];
    this.byFile.set(file, ids);
    try {
      for (const s of sections) ids.push(this.addPassage(s));
    } catch {
      // A failure here would leave the file half-indexed; drop it instead.
      this.removeFile(file);
      return 0;
    }
    return ids.length;
  }

  /**
   * Indexes a file a slice of time at a time, yielding in between, so a huge notes file (10 MB)
   * never holds the server: parsing and indexing both pause, and hovers answer from what is
   * indexed so far. Stops quietly when the file is removed or re-added meanwhile.
   */
  async addFileInBatches(
    file: string,
    text: string,
    pause: () => Promise<void> = () => new Promise((r) => setImmediate(r)),
    sliceMs = SLICE_MS,
  ): Promise<number> {
    this.removeFile(file);
    const ids: number[] = [];
    this.byFile.set(file, ids);
    try {
      let sliceStart = performance.now();
      for (const s of notePassages(file, text)) {
        ids.push(this.addPassage(s));
        if (ids.length % 16 === 0 && performance.now() - sliceStart >= sliceMs) {
          await pause();
          if (this.byFile.get(file) !== ids) return 0;
          sliceStart = performance.now();
        }
      }
    } catch {
      this.removeFile(file);
      return 0;
    }
    return ids.length;
  }

  removeFile(file: string): void {
    const ids = this.byFile.get(file);
    if (!ids) return;
    for (const id of ids) {
      if (this.passages.delete(id)) this.terms.remove(id);
    }
    this.byFile.delete(file);
  }

  /** The indexed passages of one file, in file order. */
  passagesOf(file: string): NoteSection[] {
    return (this.byFile.get(file) ?? []).map((id) => this.passages.get(id)).filter((p): p is NoteSection => !!p);
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
      const headingNames = (r: { inHeading: string[] }) => r.inHeading.some((t) => specific.has(t));
      const strongList = [...strong];
      const strongHit = (contains: (t: string) => boolean) => strongList.some(contains);
      // A topic (several words) needs most of its words; a term needs itself.
      const words = [...new Set(tokenizeDetailed(query).filter((t) => t.kind === 'word').map((t) => t.token))];
      const minWords = opts.minShare ? Math.ceil(opts.minShare * words.length) : 1;
      const relevant = (contains: (t: string) => boolean) =>
        minWords > 1
          ? words.filter(contains).length >= minWords
          : strongHit(contains) || (needed > 0 && meaningful.filter(contains).length >= needed);
      // Only passages with a query word or piece can be relevant: context words re-rank them.
      const raw = this.terms.search([...primary, ...context, ...extra], {
        open: primary.size,
        accept: relevant,
        boostTerm: (term) => (strong.has(term) ? 1 : parts.has(term) ? PART_WEIGHT : weight),
      });
      const results = raw
        // The required service may also be implied by a heading that names the term itself
        // ("Network Access Control Lists (NACL)" is about `AWS::EC2::NetworkAcl`).
        .filter((r) => !required || r.terms.some((t) => required.has(t)) || headingNames(r))
        .map((r) => {
          let score = r.score;
          if (preferred && r.terms.some((t) => preferred.has(t))) score *= PREFER_BOOST;
          if (headingNames(r)) score *= HEADING_BOOST;
          return { id: r.id, score, strong: r.terms.some((t) => strong.has(t)) };
        })
        .sort((a, b) => b.score - a.score);
      const hits: NotesHit[] = [];
      const seen = new Set<string>();
      let phraseChecks = 0;
      for (const r of results) {
        const p = this.passages.get(r.id);
        if (!p) continue;
        // Pieces of a split name count only as a phrase ("backup plan", not "backup … plan").
        if (meaningful.length > 1 && !r.strong) {
          if (++phraseChecks > MAX_PHRASE_CHECKS) break;
          if (!hasPhrase(`${p.headingPath.join(' ')}\n${p.text}`, meaningful, needed)) continue;
        }
        const key = p.text.replace(/\s+/g, ' ').trim().toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({
          file: p.file,
          line: p.line,
          endLine: p.endLine,
          text: p.text,
          title: p.title,
          headingPath: p.headingPath,
          headerLines: p.headerLines,
          score: r.score,
        });
        if (hits.length >= limit) break;
      }
      return hits;
    } catch {
      return [];
    }
  }
}
