import { CST, Parser } from 'yaml';
import type { MapNode, Node, ScalarNode, ScalarValue, SeqNode } from './nodes';
import { SHORT_TAGS } from './tags';
import { addPair, coreValue, shortTagNode, trimEnd } from './yamlTree';
import type { ParseResult } from './model';
import { parseYaml } from './yaml';
import { parseYamlQuick } from './yamlQuick';
import { limitYamlNesting, mayBeDeeper, MAX_DEPTH as CUT_DEPTH } from './depth';

/**
 * A faster YAML front end for the common case: builds our tree straight from the `yaml` package's
 * CST (no Document/Composer), resolving plain scalars with the YAML 1.2 core schema the way the
 * library does. It mirrors the composer's checks; anything it does not handle exactly (errors,
 * anchors/aliases, directives, several documents, explicit keys, non-CloudFormation tags, very deep
 * nesting, ...) makes it give up and use `parseYaml`, so the result is always what `parseYaml` gives.
 */
export function parseYamlCst(text: string): ParseResult {
  // The scanner stops at 400 levels, well within parseYaml's limit, and is linear however deep.
  const quick = parseYamlQuick(text);
  if (quick) return quick;
  // Very deep texts go straight to parseYaml, which cuts them down: the CST parser alone is slow on them.
  if (mayBeDeeper(text, CUT_DEPTH) && limitYamlNesting(text).deepAt !== undefined) return parseYaml(text);
  return parseYamlFast(text) ?? parseYaml(text);
}

/** The fast path alone: undefined when it gives up (then `parseYaml` decides). Exported for tests. */
export function parseYamlFast(text: string): ParseResult | undefined {
  try {
    return new CstBuilder(text).run();
  } catch {
    return undefined;
  }
}

/** Thrown (never escapes) when the fast path meets something it does not reproduce exactly. */
class GiveUp {}
const GIVE_UP = new GiveUp();
function giveUp(): never {
  throw GIVE_UP;
}

/** Below parseYaml's depth limit (500), so the DEPTH problem is always left to parseYaml. */
const MAX_DEPTH = 400;

type ST = CST.SourceToken;

interface Props {
  found: ST | null;
  comma: ST | null;
  tag: ST | null;
  comment: boolean;
  hasNewline: boolean;
  newlineAfterProp: ST | null;
  end: number;
  start: number;
}

/** A built node plus the composer's range[2] (where the next token's scan starts). */
interface Built {
  node: Node;
  next: number;
}

const onScalarError = (): void => giveUp();

class CstBuilder {
  private readonly duplicates: ParseResult['duplicates'] = [];

  constructor(private readonly text: string) {}

  run(): ParseResult | undefined {
    let doc: CST.Document | undefined;
    for (const tok of new Parser().parse(this.text)) {
      switch (tok.type) {
        case 'document':
          if (doc) return undefined; // several documents: MULTIDOC
          doc = tok;
          break;
        case 'byte-order-mark':
        case 'space':
        case 'comment':
        case 'newline':
          break;
        default:
          return undefined; // errors, directives, doc-end markers, ...
      }
    }
    if (!doc) return undefined;
    const props = this.props(doc.start, 'doc-start', doc.value ?? doc.end?.[0], doc.offset, 0, true, false);
    if (props.found && doc.value && (doc.value.type === 'block-map' || doc.value.type === 'block-seq') && !props.hasNewline) return undefined;
    const built = doc.value ? this.node(doc.value, props, 0) : this.empty(props.end, doc.start, props, 0);
    resolveEnd(doc.end);
    return { root: built.node, problems: [], duplicates: this.duplicates };
  }

  /** The composer's resolveProps, giving up wherever it would report an error; anchors are left to parseYaml. */
  private props(tokens: ST[], indicator: string, next: CST.Token | undefined, offset: number, parentIndent: number, startOnNewline: boolean, flow: boolean): Props {
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = false;
    let hasNewline = false;
    let reqSpace = false;
    let tab: ST | null = null;
    let tag: ST | null = null;
    let newlineAfterProp: ST | null = null;
    let comma: ST | null = null;
    let found: ST | null = null;
    let start: number | null = null;
    for (const token of tokens) {
      if (reqSpace) {
        if (token.type !== 'space' && token.type !== 'newline' && token.type !== 'comma') giveUp();
        reqSpace = false;
      }
      if (tab) {
        if (atNewline && token.type !== 'comment' && token.type !== 'newline') giveUp();
        tab = null;
      }
      switch (token.type) {
        case 'space':
          if (!flow && (indicator !== 'doc-start' || next?.type !== 'flow-collection') && token.source.includes('\t')) tab = token;
          hasSpace = true;
          break;
        case 'comment':
          if (!hasSpace) giveUp();
          comment = true;
          atNewline = false;
          break;
        case 'newline':
          atNewline = true;
          hasNewline = true;
          if (tag) newlineAfterProp = token;
          hasSpace = true;
          break;
        case 'tag':
          if (tag || !Object.prototype.hasOwnProperty.call(SHORT_TAGS, token.source)) giveUp();
          tag = token;
          start ??= token.offset;
          atNewline = false;
          hasSpace = false;
          reqSpace = true;
          break;
        case 'comma':
          if (flow) {
            if (comma) giveUp();
            comma = token;
            atNewline = false;
            hasSpace = false;
            break;
          }
          giveUp();
        // eslint-disable-next-line no-fallthrough
        default:
          if (token.type !== indicator || tag || found) giveUp();
          found = token;
          atNewline = indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
          hasSpace = false;
      }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace && next && next.type !== 'space' && next.type !== 'newline' && next.type !== 'comma' && (next.type !== 'scalar' || next.source !== '')) giveUp();
    if (tab && ((atNewline && tab.indent <= parentIndent) || next?.type === 'block-map' || next?.type === 'block-seq')) giveUp();
    return { found, comma, tag, comment, hasNewline, newlineAfterProp, end, start: start ?? end };
  }

  private node(tok: CST.Token, props: Props, depth: number): Built {
    if (depth > MAX_DEPTH) giveUp();
    let built: Built;
    switch (tok.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        built = this.scalar(tok, !!props.tag);
        break;
      case 'block-map':
        built = this.blockMap(tok, depth);
        break;
      case 'block-seq': {
        const t = props.tag;
        if (t && (!props.newlineAfterProp || props.newlineAfterProp.offset < t.offset)) giveUp();
        built = this.blockSeq(tok, depth);
        break;
      }
      case 'flow-collection':
        built = this.flow(tok, depth);
        break;
      default:
        giveUp(); // aliases, errors, ...
    }
    if (props.tag) built.node = this.applyTag(built.node, props.tag.source);
    return built;
  }

  private scalar(tok: CST.FlowScalar | CST.BlockScalar, tagged: boolean): Built {
    const r = CST.resolveAsScalar(tok, false, onScalarError);
    if (!r) giveUp();
    const start = r.range[0];
    const plain = r.type === 'PLAIN';
    const value: ScalarValue = tagged ? r.value : plain ? coreValue(r.value) : r.value;
    const node: ScalarNode = {
      kind: 'scalar',
      value,
      quoted: r.type === 'QUOTE_DOUBLE' || r.type === 'QUOTE_SINGLE',
      start,
      end: trimEnd(this.text, start, r.range[1]),
      ...(plain ? { source: r.value } : {}),
    } as ScalarNode;
    return { node, next: r.range[2] };
  }

  /** composeEmptyNode: an empty plain scalar placed after the preceding whitespace. */
  private empty(offset: number, before: ST[] | undefined, props: Props, depth: number): Built {
    if (depth > MAX_DEPTH) giveUp();
    const at = emptyScalarPosition(offset, before);
    let node: Node = props.tag
      ? ({ kind: 'scalar', value: '', quoted: false, start: at, end: at, source: '' } as ScalarNode)
      : ({ kind: 'scalar', value: null, quoted: false, start: at, end: at, source: '' } as ScalarNode);
    if (props.tag) node = this.applyTag(node, props.tag.source);
    return { node, next: props.comment ? props.end : at };
  }

  private blockMap(bm: CST.BlockMap, depth: number): Built {
    const start = bm.offset;
    const m: MapNode = { kind: 'map', pairs: [], start, end: start };
    const seen = new Map<string, ScalarNode>();
    let offset = bm.offset;
    let commentEnd: number | null = null;
    for (const item of bm.items) {
      const { key, sep, value } = item;
      const kp = this.props(item.start, 'explicit-key-ind', key ?? sep?.[0], offset, bm.indent, true, false);
      if (kp.found || kp.tag) giveUp();
      if (!sep) {
        if (key) giveUp();
        commentEnd = kp.end;
        continue;
      }
      if (!key || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) giveUp();
      if (key.indent !== bm.indent || scalarHasNewline(key)) giveUp();
      const kb = this.scalar(key, false);
      const k = kb.node as ScalarNode;
      const vp = this.props(sep, 'map-value-ind', value, kb.next, bm.indent, false, false);
      offset = vp.end;
      if (!vp.found) giveUp();
      if (value?.type === 'block-map' && !vp.hasNewline) giveUp();
      const vb = value ? this.node(value, vp, depth + 1) : this.empty(offset, sep, vp, depth + 1);
      offset = vb.next;
      addPair(m.pairs, seen, this.duplicates, k, vb.node);
    }
    if (commentEnd !== null && commentEnd < offset) giveUp();
    m.end = m.pairs.length ? m.pairs[m.pairs.length - 1].end : trimEnd(this.text, start, offset);
    return { node: m, next: commentEnd ?? offset };
  }

  private blockSeq(bs: CST.BlockSequence, depth: number): Built {
    const start = bs.offset;
    const items: Node[] = [];
    let offset = bs.offset;
    let commentEnd: number | null = null;
    for (const item of bs.items) {
      const p = this.props(item.start, 'seq-item-ind', item.value, offset, bs.indent, true, false);
      if (!p.found) {
        if (p.tag || item.value) giveUp();
        commentEnd = p.end;
        continue;
      }
      const b = item.value ? this.node(item.value, p, depth + 1) : this.empty(p.end, item.start, p, depth + 1);
      offset = b.next;
      items.push(b.node);
    }
    const s: SeqNode = { kind: 'seq', items, start, end: items.length ? Math.max(items[items.length - 1].end, start) : trimEnd(this.text, start, offset) };
    return { node: s, next: commentEnd ?? offset };
  }

  private flow(fc: CST.FlowCollection, depth: number): Built {
    const isMap = fc.start.source === '{';
    const start = fc.offset;
    const pairs: MapNode['pairs'] = [];
    const items: Node[] = [];
    const seen = new Map<string, ScalarNode>();
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
      const { key, sep, value } = fc.items[i];
      const p = this.props(fc.items[i].start, 'explicit-key-ind', key ?? sep?.[0], offset, fc.indent, false, true);
      if (p.found) giveUp();
      if (!p.tag && !sep && !value) {
        if (i === 0 && p.comma) giveUp();
        else if (i < fc.items.length - 1) giveUp();
        offset = p.end;
        continue;
      }
      if (i === 0 ? p.comma : !p.comma) giveUp();
      if (!isMap) {
        if (sep || key) giveUp();
        if (value && (value.type === 'block-map' || value.type === 'block-seq')) giveUp();
        const b = value ? this.node(value, p, depth + 1) : this.empty(p.end, undefined, p, depth + 1);
        offset = b.next;
        items.push(b.node);
      } else {
        if (p.tag || !key || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) giveUp();
        const kb = this.scalar(key, false);
        const k = kb.node as ScalarNode;
        const vp = this.props(sep ?? [], 'map-value-ind', value, kb.next, fc.indent, false, true);
        if (!vp.found) giveUp();
        if (value && (value.type === 'block-map' || value.type === 'block-seq')) giveUp();
        const vb = value ? this.node(value, vp, depth + 1) : this.empty(vp.end, sep, vp, depth + 1);
        offset = vb.next;
        addPair(pairs, seen, this.duplicates, k, vb.node);
      }
    }
    const [ce, ...ee] = fc.end;
    if (!ce || ce.source !== (isMap ? '}' : ']')) giveUp();
    const cePos = ce.offset + ce.source.length;
    const next = ee.length ? resolveEnd(ee, cePos) : cePos;
    const end = trimEnd(this.text, start, cePos);
    const node: Node = isMap ? { kind: 'map', pairs, start, end } : { kind: 'seq', items, start, end };
    return { node, next };
  }

  private applyTag(n: Node, tag: string): Node {
    return shortTagNode(this.text, n, tag);
  }

}

function scalarHasNewline(key: CST.FlowScalar): boolean {
  if (key.source.includes('\n')) return true;
  if (key.end) for (const st of key.end) if (st.type === 'newline') return true;
  return false;
}

/** The composer's resolveEnd (non-strict): only whitespace and comments may follow a node. */
function resolveEnd(end: ST[] | undefined, offset = 0): number {
  if (end) {
    for (const t of end) {
      if (t.type !== 'space' && t.type !== 'comment' && t.type !== 'newline') giveUp();
      offset += t.source.length;
    }
  }
  return offset;
}

function emptyScalarPosition(offset: number, before: ST[] | undefined): number {
  if (before) {
    for (let i = before.length - 1; i >= 0; --i) {
      let st: ST | undefined = before[i];
      switch (st.type) {
        case 'space':
        case 'comment':
        case 'newline':
          offset -= st.source.length;
          continue;
      }
      st = before[++i];
      while (st?.type === 'space') {
        offset += st.source.length;
        st = before[++i];
      }
      break;
    }
  }
  return offset;
}
