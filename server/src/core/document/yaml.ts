import { Alias, type Document, isAlias, isMap as yIsMap, isPair, isScalar as yIsScalar, isSeq as yIsSeq, parseAllDocuments, visit } from 'yaml';
import type { Node as YNode } from 'yaml';
import type { MapNode, Node, ScalarNode } from './nodes';
import { SHORT_TAGS } from './tags';
import { addPair, shortTagNode, trimEnd } from './yamlTree';
import type { ParseResult, SyntaxProblem } from './model';
import { deepMessage, limitYamlNesting, MAX_DEPTH } from './depth';
import { unwidenOffset, widenForPyYaml, type Widened } from './pyyamlLeniency';

/** Past this many nodes reached through aliases, we stop expanding: an alias bomb, not a template. */
const MAX_ALIAS_NODES = 100_000;

/**
 * CloudFormation's tags, declared to the parser in all three forms. Left undeclared, each tag
 * becomes an "Unresolved tag" warning object (an Error with a stack trace): a third of the parse
 * time of a typical template.
 */
const CFN_TAGS = Object.keys(SHORT_TAGS).flatMap((tag) => [
  { tag, resolve: (v: string) => v },
  { tag, collection: 'seq' as const, resolve: <T>(v: T) => v },
  { tag, collection: 'map' as const, resolve: <T>(v: T) => v },
]);

/**
 * YAML as CloudFormation reads it: when the strict parse fails because the file relies on PyYAML's
 * leniency (or has a mistake whose intent is clear), the widened text's tree, mapped back to this
 * text's offsets, plus one warning (and one error per recovered mistake, with its fix).
 */
export function parseYaml(text: string): ParseResult {
  const strict = parseYamlStrict(text);
  const errors = (r: ParseResult) => r.problems.filter((p) => p.code === 'YAML' || p.code === 'KEY').length;
  const before = errors(strict);
  if (!before) return strict;
  const widened = widenForPyYaml(text);
  if (!widened) return strict;
  const lenient = parseYamlStrict(widened.text);
  if (errors(lenient) >= before) return strict;
  unwiden(lenient, widened);
  if (widened.first) lenient.problems.push(portabilityWarning(text, widened.first, widened.count));
  for (const r of widened.recoveries) lenient.problems.push({ code: 'YAML', ...r });
  return lenient;
}

function portabilityWarning(text: string, first: NonNullable<Widened['first']>, count: number): SyntaxProblem {
  const line = text.slice(0, first.at).split('\n').length;
  const more = count > 1 ? ` (and ${count - 1} more place${count > 2 ? 's' : ''})` : '';
  const what =
    first.what === 'dash'
      ? `a bare '-' inside [ ] on line ${line}${more}: CloudFormation reads it as the string "-", YAML 1.2 as a list marker. Quote it ('-')`
      : `a quoted value or [ ]/{ } list continues on line ${line}${more} indented no deeper than its key. Indent the continuation lines`;
  let start = first.at;
  while (text[start] === ' ') start++;
  return {
    code: 'PYYAML',
    severity: 'warning',
    message: `CloudFormation accepts this file, but other YAML tools (YAML 1.2) reject it: ${what} so every tool reads it.`,
    start,
    end: Math.min(text.length, start + 1),
  };
}

/** Shifts every offset of a result parsed from widened text back to the original text. */
function unwiden(r: ParseResult, w: Widened): void {
  const back = unwidenOffset(w.insertions);
  const dashes = new Set(w.insertions.filter((i) => i.text === "'").map((i) => i.at));
  const seen = new Set<Node>();
  const visit = (n: Node): void => {
    if (seen.has(n)) return; // aliases share nodes
    seen.add(n);
    n.start = back(n.start);
    n.end = back(n.end);
    if (n.kind === 'scalar') {
      if (n.quoted && dashes.has(n.start)) n.quoted = false; // PyYAML read a plain '-'
    } else if (n.kind === 'map') {
      for (const p of n.pairs) {
        visit(p.key);
        visit(p.value);
        p.start = back(p.start);
        p.end = back(p.end);
      }
    } else for (const it of n.items) visit(it);
  };
  if (r.root) visit(r.root);
  for (const d of r.duplicates) {
    visit(d.first);
    visit(d.second);
  }
  for (const p of r.problems) {
    p.start = back(p.start);
    p.end = back(p.end);
  }
}

function parseYamlStrict(source: string): ParseResult {
  // The composer recurses per level and overflows a little past 800: blank what is deeper first.
  const { text, deepAt } = limitYamlNesting(source);
  const problems: SyntaxProblem[] = [];
  // Broken text can yield thousands of YAMLErrors; their stack traces were most of the parse time.
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: false, customTags: CFN_TAGS as never });
  } finally {
    Error.stackTraceLimit = stackLimit;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const conv = new Converter(text, problems);
  let root: Node | null = null;
  list.forEach((d, i) => {
    for (const e of d.errors) {
      problems.push({ code: 'YAML', message: cleanMessage(e.message), start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) });
    }
    if (i === 0) {
      conv.doc = d;
      root = d.contents ? conv.node(d.contents as YNode, 0) : null;
    }
  });
  if (deepAt !== undefined && !problems.some((p) => p.code === 'DEPTH')) {
    problems.push({ code: 'DEPTH', message: deepMessage(), start: deepAt, end: deepAt + 1 });
  }
  if (list.length > 1) {
    const second = list[1];
    const at = second.range ? second.range[0] : text.length;
    problems.push({
      code: 'MULTIDOC',
      message: `This file holds ${list.length} YAML documents; only the first is checked. Split them into separate files.`,
      start: at,
      end: at,
      severity: 'warning',
    });
  }
  return { root, problems, duplicates: conv.duplicates };
}

function cleanMessage(m: string): string {
  // The yaml library appends " at line X, column Y" plus a code excerpt; our range already says where.
  return m.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

class Converter {
  duplicates: ParseResult['duplicates'] = [];
  private aliasBudget = MAX_ALIAS_NODES;
  private aliasReported = false;
  private aliasNoted = false;
  private deepReported = false;
  private aliasTargets?: Map<Alias, YNode | undefined>;
  private readonly anchorCache = new Map<YNode, Node>();
  doc: unknown;

  constructor(
    private readonly text: string,
    private readonly problems: SyntaxProblem[],
  ) {}

  node(y: YNode | Alias | null | undefined, depth: number, fallbackAt = 0): Node {
    if (!y) return this.nullAt(fallbackAt);
    if (depth > MAX_DEPTH) {
      this.reportDeep(y.range ? y.range[0] : fallbackAt);
      return this.nullAt(y.range ? y.range[0] : fallbackAt);
    }
    if (isAlias(y)) return this.alias(y, depth);
    // range[1] is where the value ends; range[2] would run on over a trailing `# comment`,
    // and a fix that replaces the value must keep the comment.
    const [start, end1] = y.range ?? [fallbackAt, fallbackAt, fallbackAt];
    const end = trimEnd(this.text, start, end1);
    const tag = y.tag;
    let out: Node;
    if (yIsScalar(y)) {
      const v = y.value;
      const value = v === undefined ? null : typeof v === 'bigint' ? Number(v) : (v as ScalarNode['value']);
      out = {
        kind: 'scalar',
        value,
        quoted: y.type === 'QUOTE_DOUBLE' || y.type === 'QUOTE_SINGLE',
        start,
        end,
        ...(typeof y.source === 'string' && y.type === 'PLAIN' ? { source: y.source } : {}),
      } as ScalarNode;
    } else if (yIsMap(y)) {
      const m: MapNode = { kind: 'map', pairs: [], start, end };
      const seen = new Map<string, ScalarNode>();
      const merges: Node[] = [];
      for (const item of y.items) {
        if (!isPair(item)) continue;
        const k = this.node(item.key as YNode, depth + 1, start);
        const key: ScalarNode = k.kind === 'scalar' ? k : { kind: 'scalar', value: this.text.slice(k.start, k.end), quoted: false, start: k.start, end: k.end };
        if (k.kind !== 'scalar') {
          this.problems.push({ code: 'KEY', message: 'A mapping key must be a plain value, not a list or mapping.', start: k.start, end: k.end });
        }
        const vAt = key.end;
        const value = item.value ? this.node(item.value as YNode, depth + 1, vAt) : this.nullAt(afterColon(this.text, vAt));
        if (key.value === '<<' && !key.quoted && (isAlias(item.value) || (yIsSeq(item.value) && item.value.items.every(isAlias)))) {
          // A merge key, as `aws cloudformation package` and `sam deploy` (PyYAML) resolve it.
          merges.push(...(value.kind === 'seq' ? value.items : [value]));
          this.noteAlias(key.start, key.end);
          continue;
        }
        addPair(m.pairs, seen, this.duplicates, key, value);
      }
      // Keys written in the mapping win over merged ones; earlier merged mappings over later ones.
      for (const src of merges) {
        if (src.kind !== 'map') continue;
        for (const p of src.pairs) {
          const name = p.key.value === null ? '' : String(p.key.value);
          if (seen.has(name)) continue;
          seen.set(name, p.key);
          m.pairs.push(p);
        }
      }
      // A block collection ends where its last entry ends (not after trailing comments), so a
      // re-parse of one entry gives the same ranges as a full parse.
      if (!y.flow && m.pairs.length) m.end = m.pairs[m.pairs.length - 1].end;
      out = m;
    } else if (yIsSeq(y)) {
      const items = y.items.map((it) => this.node(it as YNode, depth + 1, start));
      out = { kind: 'seq', items, start, end: !y.flow && items.length ? Math.max(items[items.length - 1].end, start) : end };
    } else {
      out = this.nullAt(start);
    }
    if (tag) out = this.applyTag(out, tag);
    return out;
  }

  private applyTag(n: Node, tag: string): Node {
    const fn = SHORT_TAGS[tag];
    if (!fn) {
      if (!tag.startsWith('tag:yaml.org')) n.tag = tag;
      return n;
    }
    return shortTagNode(this.text, n, tag);
  }

  /** One warning per file: CloudFormation itself rejects aliases and merge keys; the CLI's packaging expands them. */
  private noteAlias(start: number, end: number): void {
    if (this.aliasNoted) return;
    this.aliasNoted = true;
    this.problems.push({
      code: 'ANCHOR',
      severity: 'warning',
      message:
        'CloudFormation rejects YAML aliases (*name) and merge keys (<<) in a template it receives; `aws cloudformation package` and `sam deploy` expand them before uploading. Deploy through one of those, or write the values out.',
      start,
      end,
    });
  }

  private alias(a: Alias, depth: number): Node {
    const target = this.aliasTarget(a);
    const at = a.range ? a.range[0] : 0;
    this.noteAlias(at, a.range ? a.range[1] : at + 1);
    if (!target) return this.nullAt(at);
    let conv = this.anchorCache.get(target);
    if (!conv) {
      conv = this.node(target, depth);
      this.anchorCache.set(target, conv);
    }
    // A node converted once is shared by every alias; reused deeper down, chains of aliases would
    // build trees far deeper than the text (and overflow every walker), so the limit holds here too.
    if (depth + heightOf(conv) > MAX_DEPTH) {
      this.reportDeep(at);
      return this.nullAt(at);
    }
    this.aliasBudget -= countNodes(conv, this.aliasBudget + 1);
    if (this.aliasBudget < 0) {
      if (!this.aliasReported) {
        this.aliasReported = true;
        this.problems.push({
          code: 'ALIAS',
          message: `YAML aliases here expand to more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} nodes (an alias bomb); the expansion was not checked.`,
          start: at,
          end: a.range ? a.range[1] : at + 1,
        });
      }
      return this.nullAt(at);
    }
    return conv;
  }

  /**
   * The last node anchored with the alias's name before it, as Alias.resolve finds it; but that
   * walks the whole document per alias (seconds for a few hundred aliases), so one walk maps them all.
   */
  private aliasTarget(a: Alias): YNode | undefined {
    if (!this.aliasTargets) {
      const targets = new Map<Alias, YNode | undefined>();
      const anchors = new Map<string, YNode>();
      visit(this.doc as Document, {
        Node: (_k, n) => {
          if (isAlias(n)) targets.set(n, anchors.get(n.source));
          else if (n.anchor) anchors.set(n.anchor, n);
        },
      });
      this.aliasTargets = targets;
    }
    return this.aliasTargets.get(a);
  }

  private reportDeep(at: number): void {
    if (this.deepReported) return;
    this.deepReported = true;
    this.problems.push({ code: 'DEPTH', message: deepMessage(), start: at, end: at + 1 });
  }

  private nullAt(at: number): ScalarNode {
    return { kind: 'scalar', value: null, quoted: false, start: at, end: at };
  }
}

const heights = new WeakMap<Node, number>();

/** Levels below `n` (iterative; remembered per node, as aliases share converted nodes). */
function heightOf(n: Node): number {
  const known = heights.get(n);
  if (known !== undefined) return known;
  let h = 0;
  const stack: [Node, number][] = [[n, 0]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (d > h) h = d;
    const cached = heights.get(x);
    if (cached !== undefined) {
      if (d + cached > h) h = d + cached;
      continue;
    }
    if (x.kind === 'map') for (const p of x.pairs) stack.push([p.value, d + 1]);
    else if (x.kind === 'seq') for (const it of x.items) stack.push([it, d + 1]);
  }
  heights.set(n, h);
  return h;
}

function countNodes(n: Node, limit: number): number {
  let c = 0;
  const stack: Node[] = [n];
  while (stack.length && c < limit) {
    const x = stack.pop()!;
    c++;
    if (x.kind === 'map') for (const p of x.pairs) stack.push(p.value);
    else if (x.kind === 'seq') for (const it of x.items) stack.push(it);
  }
  return c;
}

function afterColon(text: string, keyEnd: number): number {
  const i = text.indexOf(':', keyEnd);
  return i >= 0 && i - keyEnd < 4 ? i + 1 : keyEnd;
}
