/**
 * Hovers for CodeDeploy AppSpec and CodeBuild buildspec files: every key, hook and phase explained
 * from the schema tables, with the order hooks and phases really run in (file order does not
 * decide it).
 */
import type { TemplateDocument } from '../document/model';
import { locate, type Located } from '../document/locate';
import { isMap, type Pair } from '../document/nodes';
import type { Kind } from '../kind';
import { appspecKeyInfo, appspecPlatform, EVENTS, hookPositions, PLATFORM_LABEL, RUN_ORDER, type AppspecPlatform } from '../schema/appspec';
import { buildspecKeyInfo, PHASES, type PhaseName } from '../schema/buildspec';
import type { KeyInfo } from '../schema/specTree';
import type { HoverResult } from './types';

/** The key the cursor is on (or whose scalar value it is on), with its path of keys and indexes. */
function keyAt(doc: TemplateDocument, offset: number): { path: (string | number)[]; pair: Pair; loc: Located } | undefined {
  const root = doc.root;
  if (!isMap(root)) return undefined;
  const loc = locate(root, offset);
  const last = loc.steps[loc.steps.length - 1];
  if (loc.steps.length < 2 || !last.pair) return undefined;
  // On a key, or on the scalar value of a key (not inside a nested mapping or list).
  if (!loc.onKey && last.node.kind !== 'scalar') return undefined;
  const path = loc.steps.slice(1).map((s) => s.key!);
  return { path, pair: last.pair, loc };
}

function allowedLine(info: KeyInfo): string {
  return info.allowed?.length ? `\n\nAllowed values: ${info.allowed.map((v) => `\`${v}\``).join(', ')}` : '';
}

function childrenLine(info: KeyInfo): string {
  return info.children?.length ? `\n\nKeys: ${info.children.map((v) => `\`${v}\``).join(', ')}` : '';
}

const STYLE_TITLE: Record<keyof typeof RUN_ORDER, string> = {
  inPlace: 'In-place deployment',
  blueGreen: 'Blue/green deployment',
  ecs: 'ECS blue/green deployment',
  lambda: 'Lambda deployment',
};

/** The full run order of each deployment style of the platform, this hook in bold, reserved steps in italics. */
function runOrderMarkdown(platform: AppspecPlatform, hook: string): string {
  const events = EVENTS[platform];
  return hookPositions(platform, hook)
    .map((p) => {
      const seq = p.sequence.map((e) => (e === hook ? `**${e}**` : events[e]?.reserved ? `_${e}_` : e)).join(' → ');
      return `${STYLE_TITLE[p.style]}: ${seq}`;
    })
    .join('\n\n');
}

function isHookPath(platform: AppspecPlatform, path: (string | number)[]): string | undefined {
  const top = typeof path[0] === 'string' ? path[0].toLowerCase() : '';
  if (top !== 'hooks') return undefined;
  if (platform === 'server' && path.length === 2 && typeof path[1] === 'string') return path[1];
  if (platform !== 'server' && path.length === 3 && typeof path[2] === 'string') return path[2];
  return undefined;
}

/** Hover in an AppSpec file: key documentation, and for hooks when they run. */
export function appspecHover(doc: TemplateDocument, _kind: Kind, offset: number): HoverResult | null {
  const at = keyAt(doc, offset);
  if (!at) return null;
  const platform = appspecPlatform(doc.root);
  const info = appspecKeyInfo(at.path, platform);
  if (!info) return null;
  const name = String(at.path[at.path.length - 1]);
  const p = platform ?? 'server';
  const hook = isHookPath(p, at.path);
  const ev = hook ? EVENTS[p][hook] : undefined;
  let title: string;
  let extra = '';
  if (hook && ev) {
    title = `**${hook}** — ${ev.reserved ? 'reserved lifecycle event' : 'lifecycle hook'}, ${PLATFORM_LABEL[p]}`;
    const order = runOrderMarkdown(p, hook);
    if (order) extra = `\n\n${order}`;
  } else {
    title = `**${name}** — AppSpec${platform ? `, ${PLATFORM_LABEL[platform]}` : ''}`;
  }
  const md = `${title}\n\n${info.description}${allowedLine(info)}${hook ? '' : childrenLine(info)}${extra}`;
  return { term: hook ?? name, context: 'CodeDeploy AppSpec', markdown: md, start: at.pair.key.start, end: at.pair.key.end };
}

/** Hover in a buildspec: key documentation, and for phases their order. */
export function buildspecHover(doc: TemplateDocument, _kind: Kind, offset: number): HoverResult | null {
  const at = keyAt(doc, offset);
  if (!at) return null;
  const info = buildspecKeyInfo(at.path);
  if (!info) return null;
  const name = String(at.path[at.path.length - 1]);
  const phase = at.path.length === 2 && at.path[0] === 'phases' && PHASES.includes(name as PhaseName);
  const title = phase ? `**${name}** — build phase` : `**${name}** — buildspec`;
  const order = phase ? `\n\nOrder: ${PHASES.map((p) => (p === name ? `**${p}**` : p)).join(' → ')}` : '';
  const md = `${title}\n\n${info.description}${allowedLine(info)}${childrenLine(info)}${order}`;
  return { term: name, context: 'CodeBuild buildspec', markdown: md, start: at.pair.key.start, end: at.pair.key.end };
}
