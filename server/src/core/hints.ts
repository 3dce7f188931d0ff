/**
 * Inlay hints, editor-neutral: short labels placed at an offset. CloudFormation/SAM: beside CIDR
 * values, the range and usable addresses they stand for (evaluating `!Select [i, !Cidr …]`,
 * parameter defaults and mappings). AppSpec: beside each hook, when it runs, since the order in
 * the file does not decide it.
 */
import { analyzeCidr, isCidr } from './calc';
import { resolveCidr } from './cfn/cidr';
import { templateIndex } from './cfn/template';
import type { TemplateDocument } from './document/model';
import { isMap, isScalar, isSeq, keyText, str, type Node, type Pair } from './document/nodes';
import { cidrSummary } from './calc/reports';
import { cidrUseForKey, CIDR_KEY } from './hover/calc';
import type { Kind } from './kind';
import { appspecPlatform, EVENTS, getAnyCase, hookOrder, hookPositions, type AppspecPlatform } from './schema/appspec';

export interface InlayHintData {
  /** Where the label goes (UTF-16 offset into the document text). */
  offset: number;
  label: string;
  /** Markdown with more detail. */
  tooltip?: string;
}

export interface OffsetRange {
  start: number;
  end: number;
}

/** Hints for a document of `kind`, optionally only those inside `range`. */
export function inlayHints(doc: TemplateDocument, kind: Kind, range?: OffsetRange): InlayHintData[] {
  if (!isMap(doc.root)) return [];
  let out: InlayHintData[] = [];
  if (kind === 'cfn' || kind === 'sam') out = cfnHints(doc, range);
  else if (kind === 'appspec') out = appspecHints(doc, range);
  return range ? out.filter((h) => h.offset >= range.start && h.offset <= range.end) : out;
}

const overlaps = (n: { start: number; end: number }, r?: OffsetRange) => !r || (n.end >= r.start && n.start <= r.end);

function cfnHints(doc: TemplateDocument, range?: OffsetRange): InlayHintData[] {
  const root = doc.root;
  if (!isMap(root)) return [];
  const idx = templateIndex(doc, root);
  const out: InlayHintData[] = [];
  const visit = (n: Node, depth: number) => {
    if (depth > 60 || !overlaps(n, range)) return;
    if (isMap(n)) {
      for (const p of n.pairs) {
        const k = keyText(p);
        if (CIDR_KEY.test(k)) {
          const h = cidrHint(doc, p, idx);
          if (h) out.push(h);
          continue;
        }
        visit(p.value, depth + 1);
      }
    } else if (isSeq(n)) for (const it of n.items) visit(it, depth + 1);
  };
  for (const section of ['Resources', 'Outputs']) {
    const p = root.pairs.find((x) => keyText(x) === section);
    if (p) visit(p.value, 0);
  }
  return out;
}

function cidrHint(doc: TemplateDocument, p: Pair, idx: ReturnType<typeof templateIndex>): InlayHintData | undefined {
  const v = resolveCidr(p.value, idx);
  if (v?.kind !== 'value' || !isCidr(v.cidr)) return undefined;
  const info = analyzeCidr(v.cidr);
  const summary = cidrSummary(info, cidrUseForKey(keyText(p)));
  const literal = isScalar(p.value);
  // A written block gets just its range; a computed one says what it evaluates to first.
  const label = literal ? (info.aligned ? summary : `really ${info.cidr} · ${summary}`) : `${v.parameter ? 'default ' : ''}= ${info.cidr} · ${summary}`;
  const tooltip = [
    `**${info.cidr}**${v.via.length ? ` — from ${v.via.join(' → ')}` : ''}`,
    `Netmask ${info.netmask}; ${info.firstUsable ? `usable ${info.firstUsable} – ${info.lastUsable}` : 'no usable addresses'}.`,
  ].join('\n\n');
  return { offset: p.value.end, label, tooltip };
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

/** "runs 3rd of 9" (EC2/on-premises adds "in-place"; the tooltip gives every deployment style). */
export function hookHintLabel(platform: AppspecPlatform, hook: string): string | undefined {
  const first = hookPositions(platform, hook)[0];
  if (!first) return undefined;
  return `runs ${ordinal(first.position)} of ${first.total}${platform === 'server' ? ' (in-place)' : ''}`;
}

function appspecHints(doc: TemplateDocument, range?: OffsetRange): InlayHintData[] {
  const root = doc.root;
  const platform = appspecPlatform(root);
  const hooks = getAnyCase(root, 'hooks');
  if (!hooks) return [];
  const p: AppspecPlatform = platform ?? (isMap(hooks) ? 'server' : 'lambda');
  const pairs: Pair[] = isMap(hooks) ? hooks.pairs : isSeq(hooks) ? hooks.items.flatMap((i) => (isMap(i) ? i.pairs : [])) : [];
  const out: InlayHintData[] = [];
  for (const pair of pairs) {
    if (!overlaps(pair, range)) continue;
    const name = keyText(pair);
    const ev = EVENTS[p][name];
    if (!ev || ev.reserved) continue;
    const label = hookHintLabel(p, name);
    if (!label) continue;
    const order = hookOrder(p, name);
    const sequence = hookPositions(p, name)[0].sequence.filter((e) => !EVENTS[p][e]?.reserved);
    const tooltip = `${order ? order[0].toUpperCase() + order.slice(1) + '.' : ''}\n\nHooks in run order: ${sequence.map((e) => (e === name ? `**${e}**` : e)).join(' → ')}`;
    out.push({ offset: hintOffset(doc, pair), label, tooltip });
  }
  return out;
}

/** After a scalar value on the key's line, else just after the key's colon. */
function hintOffset(doc: TemplateDocument, pair: Pair): number {
  const keyLine = doc.lines.positionAt(pair.key.start).line;
  if (isScalar(pair.value) && str(pair.value) !== undefined && doc.lines.positionAt(pair.value.start).line === keyLine) return pair.value.end;
  const lineEnd = doc.lines.lineEnd(keyLine);
  const colon = doc.text.indexOf(':', pair.key.end);
  return colon >= 0 && colon < lineEnd ? colon + 1 : pair.key.end;
}
