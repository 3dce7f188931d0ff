import fs = require('node:fs');
import MiniSearch from 'minisearch';
import { locateGenerated } from '../schema/locate';
import { tokenize } from '../notes/terms';

/** One explanation in the bundled knowledge base (server/src/core/knowledge/data/*.yaml). */
export interface KnowledgeEntry {
  id: string;
  title: string;
  aliases: string[];
  summary: string;
  facts: string[];
  related: string[];
  /** Display name of the service or topic (the YAML file's `service`). */
  service: string;
  /** Source YAML file name. */
  source: string;
}

export interface KnowledgeHit {
  entry: KnowledgeEntry;
  score: number;
}

/**
 * Lookup key for ids and aliases: case-insensitive, short YAML tags mapped to long form
 * (`!GetAtt` → `fn::getatt`, `!Ref` → `ref`), `${AWS::Region}` unwrapped, quotes and a trailing
 * YAML colon dropped, spaces/underscores/hyphens ignored ("read capacity unit" = `ReadCapacityUnit`).
 * scripts/build.d/knowledge.mjs validates aliases with the same rules.
 */
export function normalizeKey(term: string): string {
  let s = String(term).trim();
  s = s
    .replace(/^\$\{(.*)\}$/, '$1')
    .replace(/^["']|["']$/g, '')
    .replace(/(?<!:):+$/, '')
    .trim();
  s = s.toLowerCase();
  if (s.startsWith('!')) {
    const name = s.slice(1);
    s = name === 'ref' || name === 'condition' ? name : `fn::${name}`;
  }
  return s.replace(/[\s_-]+/g, '');
}

/** Case-preserving form used to pick between entries whose aliases differ only in case. */
function surface(term: string): string {
  return String(term)
    .trim()
    .replace(/^\$\{(.*)\}$/, '$1')
    .replace(/^["']|["']$/g, '')
    .replace(/:+$/, '')
    .replace(/[\s_-]+/g, '');
}

interface Candidate {
  entry: KnowledgeEntry;
  surface: string;
}

/** The loaded knowledge base with exact and fuzzy lookup. */
export class KnowledgeBase {
  private readonly byId = new Map<string, KnowledgeEntry>();
  private readonly byKey = new Map<string, Candidate[]>();
  private fuzzy?: MiniSearch<{ id: string; title: string; aliases: string; body: string }>;

  constructor(readonly entries: readonly KnowledgeEntry[]) {
    for (const e of entries) {
      this.byId.set(e.id, e);
      for (const a of [...e.aliases, e.id]) {
        const key = normalizeKey(a);
        if (!key) continue;
        const list = this.byKey.get(key) ?? [];
        if (!list.some((c) => c.entry === e && c.surface === surface(a))) list.push({ entry: e, surface: surface(a) });
        this.byKey.set(key, list);
      }
    }
  }

  get(id: string): KnowledgeEntry | undefined {
    return this.byId.get(id);
  }

  /** Entries for a term, best first (exact spelling before other letter cases). */
  private candidates(term: string): KnowledgeEntry[] {
    const key = normalizeKey(term);
    if (!key) return [];
    const tryKey = (k: string): KnowledgeEntry[] => {
      const list = this.byKey.get(k);
      if (!list || list.length === 0) return [];
      const s = surface(term);
      const rank = (c: Candidate) => (c.surface === s ? 0 : c.surface.toLowerCase() === s.toLowerCase() ? 1 : 2);
      return [...new Set([...list].sort((a, b) => rank(a) - rank(b)).map((c) => c.entry))];
    };
    let found = tryKey(key);
    // Plural and singular spellings of the same thing ("security groups", "Outputs").
    if (!found.length) found = key.endsWith('s') ? tryKey(key.slice(0, -1)) : tryKey(key + 's');
    // `Fn::GetAtt` when only `GetAtt` is listed.
    if (!found.length && key.startsWith('fn::')) found = tryKey(key.slice(4));
    return found;
  }

  private exact(term: string): KnowledgeEntry | undefined {
    return this.candidates(term)[0];
  }

  /**
   * Exact lookup by id, alias, acronym, resource type, property name or intrinsic, in any of
   * their spellings. Qualified terms are tried from most to least specific:
   * `AWS::SQS::Queue.VisibilityTimeout` → the property, then the resource type;
   * an unknown `AWS::SQS::QueuePolicy` → the `AWS::SQS` service entry.
   * `context` (e.g. the resource type a property belongs to) picks between entries that share
   * a name, preferring the one from the same service file.
   */
  lookup(term: string, context?: string): KnowledgeEntry | undefined {
    if (typeof term !== 'string') return undefined;
    const t = term.trim();
    if (!t || t.length > 300) return undefined;
    const found = this.candidates(t);
    if (found.length > 1 && context) {
      const owner = this.lookup(context);
      const same = owner && found.find((e) => e.source === owner.source);
      if (same) return same;
    }
    if (found.length) return found[0];
    // `Type.Property` or `Logical.Attribute`: property first, then the type.
    const dot = t.lastIndexOf('.');
    if (dot > 0 && dot < t.length - 1 && !/^\d/.test(t.slice(dot + 1))) {
      const prop = this.lookup(t.slice(dot + 1), t.slice(0, dot));
      if (prop) return prop;
      const owner = this.exact(t.slice(0, dot));
      if (owner) return owner;
    }
    // Resource types and namespaces: AWS::Service::Thing → AWS::Service.
    const rt = /^(AWS|Alexa|Custom)::([A-Za-z0-9]+)(?:::|$)/i.exec(t);
    if (rt) {
      if (rt[1].toLowerCase() === 'custom') return this.exact('AWS::CloudFormation::CustomResource');
      const service = this.exact(`${rt[1]}::${rt[2]}`);
      if (service) return service;
    }
    return undefined;
  }

  /** Fuzzy full-text search over titles, aliases, summaries and facts. Never throws. */
  search(query: string, limit = 5): KnowledgeHit[] {
    try {
      if (!query || !query.trim()) return [];
      const index = this.fuzzyIndex();
      return index
        .search(query, { prefix: (term) => term.length > 3, fuzzy: (term) => (term.length > 5 ? 0.2 : false) })
        .slice(0, limit)
        .map((r) => ({ entry: this.byId.get(r.id as string)!, score: r.score }))
        .filter((h) => !!h.entry);
    } catch {
      return [];
    }
  }

  private fuzzyIndex() {
    if (this.fuzzy) return this.fuzzy;
    const ms = new MiniSearch<{ id: string; title: string; aliases: string; body: string }>({
      fields: ['title', 'aliases', 'body'],
      storeFields: [],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => term,
      searchOptions: {
        tokenize: (text) => tokenize(text),
        processTerm: (term) => term,
        boost: { title: 3, aliases: 2 },
        combineWith: 'OR',
      },
    });
    ms.addAll(
      this.entries.map((e) => ({
        id: e.id,
        title: `${e.title} ${e.service}`,
        aliases: e.aliases.join(' ; '),
        body: `${e.summary} ${e.facts.join(' ')}`,
      })),
    );
    this.fuzzy = ms;
    return ms;
  }
}

let loaded: KnowledgeBase | undefined;

/** Reads dist/knowledge.json once (it is generated by scripts/build.d/knowledge.mjs). */
export function loadKnowledge(): KnowledgeBase {
  if (loaded) return loaded;
  const file = locateGenerated('knowledge.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries?: KnowledgeEntry[] };
  loaded = new KnowledgeBase(Array.isArray(json.entries) ? json.entries : []);
  return loaded;
}

/** Exact lookup in the bundled knowledge base; see KnowledgeBase.lookup. */
export function lookupTerm(term: string, context?: string): KnowledgeEntry | undefined {
  return loadKnowledge().lookup(term, context);
}

/** Fuzzy search in the bundled knowledge base, best first. */
export function searchKnowledge(query: string, limit = 5): KnowledgeHit[] {
  return loadKnowledge().search(query, limit);
}
