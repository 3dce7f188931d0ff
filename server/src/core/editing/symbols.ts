/**
 * The outline of a document: template sections with their logical IDs (and each resource's type),
 * AppSpec sections with hooks in the file, buildspec phases. Plain data; the LSP handler turns it
 * into DocumentSymbols.
 */
import type { TemplateDocument } from '../document/model';
import { get, isMap, isScalar, isSeq, keyText, str, type Node, type Pair } from '../document/nodes';
import type { Kind } from '../kind';
import { appspecPlatform, hookOrder } from '../schema/appspec';
import { PHASES, type PhaseName } from '../schema/buildspec';

export type SymbolKind =
  | 'section' | 'parameter' | 'resource' | 'condition' | 'mapping' | 'output' | 'global' | 'key' | 'hook' | 'phase' | 'item';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** Whole entry. */
  start: number;
  end: number;
  /** The name (the key). */
  selectionStart: number;
  selectionEnd: number;
  children: OutlineSymbol[];
}

export function documentSymbols(doc: TemplateDocument, kind: Kind): OutlineSymbol[] {
  const root = doc.root;
  if (!isMap(root)) return [];
  if (kind === 'cfn' || kind === 'sam') return root.pairs.map((p) => cfnSection(doc, p));
  if (kind === 'appspec') return root.pairs.map((p) => appspecSection(doc, p, root));
  return root.pairs.map((p) => buildspecSection(doc, p));
}

function symbol(p: Pair, kind: SymbolKind, detail?: string, children: OutlineSymbol[] = []): OutlineSymbol {
  const name = keyText(p) || '(empty key)';
  return { name, kind, ...(detail ? { detail } : {}), start: p.start, end: Math.max(p.end, p.key.end), selectionStart: p.key.start, selectionEnd: p.key.end, children };
}

function short(s: string | undefined, max = 60): string | undefined {
  if (s === undefined) return undefined;
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// CloudFormation / SAM

function cfnSection(doc: TemplateDocument, p: Pair): OutlineSymbol {
  const section = keyText(p);
  const entries = isMap(p.value) ? p.value.pairs : [];
  const of = (kind: SymbolKind, detail: (e: Pair) => string | undefined) => entries.map((e) => symbol(e, kind, detail(e)));
  switch (section) {
    case 'Parameters':
      return symbol(p, 'section', count(entries.length, 'parameter'), of('parameter', (e) => str(get(e.value, 'Type')) ?? 'String'));
    case 'Resources':
      return symbol(p, 'section', count(entries.length, 'resource'), of('resource', (e) => {
        const type = str(get(e.value, 'Type'));
        const cond = str(get(e.value, 'Condition'));
        return cond ? `${type ?? ''} (if ${cond})`.trim() : type;
      }));
    case 'Conditions':
      return symbol(p, 'section', count(entries.length, 'condition'), of('condition', (e) => short(doc.text.slice(e.value.start, e.value.end))));
    case 'Mappings':
      return symbol(p, 'section', count(entries.length, 'mapping'), of('mapping', (e) => (isMap(e.value) ? count(e.value.pairs.length, 'key') : undefined)));
    case 'Outputs':
      return symbol(p, 'section', count(entries.length, 'output'), of('output', (e) => {
        const exp = get(get(e.value, 'Export'), 'Name');
        return isScalar(exp) ? `export ${str(exp)}` : exp ? 'exported' : undefined;
      }));
    case 'Globals':
      return symbol(p, 'section', undefined, of('global', (e) => (isMap(e.value) ? count(e.value.pairs.length, 'property') : undefined)));
    case 'Rules':
    case 'Metadata':
    case 'Hooks':
      return symbol(p, 'section', undefined, of('key', () => undefined));
    default:
      // Scalar sections (AWSTemplateFormatVersion, Description, Transform) show their value.
      return symbol(p, 'section', isScalar(p.value) ? short(str(p.value)) : isSeq(p.value) ? short(p.value.items.map((i) => str(i) ?? '').join(', ')) : undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// AppSpec

function appspecSection(doc: TemplateDocument, p: Pair, root: Node): OutlineSymbol {
  const key = keyText(p);
  const k = key.toLowerCase();
  const platform = appspecPlatform(root) ?? 'server';
  if (k === 'hooks' && isMap(p.value)) {
    // EC2/on-premises: event → list of scripts.
    const hooks = p.value.pairs.map((h) => {
      const scripts = isSeq(h.value) ? h.value.items : [];
      const order = hookOrder(platform, keyText(h));
      const children = scripts.flatMap((s) => {
        const loc = get(s, 'location');
        return isMap(s) && loc ? [{ ...span(s), name: str(loc) ?? 'script', kind: 'item' as const, detail: str(get(s, 'timeout')) ? `timeout ${str(get(s, 'timeout'))} s` : undefined, children: [] }] : [];
      });
      return symbol(h, 'hook', [count(scripts.length, 'script'), order].filter(Boolean).join(' · '), children);
    });
    return symbol(p, 'section', count(hooks.length, 'hook'), hooks);
  }
  if (k === 'hooks' && isSeq(p.value)) {
    // ECS/Lambda: a list of `Event: FunctionName`.
    const hooks = p.value.items.flatMap((it) => (isMap(it) ? it.pairs.map((h) => symbol(h, 'hook', [str(h.value), hookOrder(platform, keyText(h))].filter(Boolean).join(' · '))) : []));
    return symbol(p, 'section', count(hooks.length, 'hook'), hooks);
  }
  if (k === 'resources' && isSeq(p.value)) {
    const entries = p.value.items.flatMap((it) => (isMap(it) ? it.pairs.map((e) => symbol(e, 'resource', str(get(e.value, 'Type') ?? get(e.value, 'type')))) : []));
    return symbol(p, 'section', undefined, entries);
  }
  if (k === 'files' && isSeq(p.value)) {
    const files = p.value.items.filter(isMap).map((f) => ({ ...span(f), name: `${str(get(f, 'source')) ?? '?'} → ${str(get(f, 'destination')) ?? '?'}`, kind: 'item' as const, children: [] }));
    return symbol(p, 'section', count(files.length, 'entry'), files);
  }
  if (k === 'permissions' && isSeq(p.value)) {
    const perms = p.value.items.filter(isMap).map((f) => ({ ...span(f), name: str(get(f, 'object')) ?? 'object', kind: 'item' as const, detail: short([str(get(f, 'owner')), str(get(f, 'mode'))].filter(Boolean).join(' ')), children: [] }));
    return symbol(p, 'section', undefined, perms);
  }
  return symbol(p, 'section', isScalar(p.value) ? short(str(p.value)) : undefined, nested(p.value, 1));
}

function span(n: Node): { start: number; end: number; selectionStart: number; selectionEnd: number } {
  return { start: n.start, end: n.end, selectionStart: n.start, selectionEnd: n.end };
}

// ---------------------------------------------------------------------------------------------
// Buildspec

function buildspecSection(doc: TemplateDocument, p: Pair): OutlineSymbol {
  const key = keyText(p);
  if (key === 'phases' && isMap(p.value)) {
    const phases = p.value.pairs.map((ph) => {
      const i = PHASES.indexOf(keyText(ph) as PhaseName);
      const cmds = get(ph.value, 'commands');
      const parts = [i >= 0 ? `phase ${i + 1} of 4` : undefined, isSeq(cmds) ? count(cmds.items.length, 'command') : undefined];
      return symbol(ph, 'phase', parts.filter(Boolean).join(' · '), nested(ph.value, 0));
    });
    return symbol(p, 'section', undefined, phases);
  }
  return symbol(p, 'section', isScalar(p.value) ? short(str(p.value)) : undefined, nested(p.value, 1));
}

/** Keys of a mapping as children, `depth` more levels down. */
function nested(n: Node, depth: number): OutlineSymbol[] {
  if (!isMap(n)) return [];
  return n.pairs.map((c) => symbol(c, 'key', isScalar(c.value) ? short(str(c.value), 40) : isSeq(c.value) ? count(c.value.items.length, 'item') : undefined, depth > 0 ? nested(c.value, depth - 1) : []));
}
