/**
 * The script of the "Template Graph" webview (bundled for the browser with elkjs): lays the graph
 * out with ELK's layered algorithm (parameters first, outputs last, VPC → subnet nesting as
 * compound nodes), draws it as SVG, and hosts the what-if controls. It talks to the extension
 * only by messages: `view` in, `reveal` / `whatIf` out.
 */
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { GraphViewNode, TemplateView } from '@core/protocol';

declare function acquireVsCodeApi(): { postMessage(m: unknown): void };
const vscode = acquireVsCodeApi();
const elk = new ELK();
const SVG = 'http://www.w3.org/2000/svg';
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1', 'sa-east-1', 'cn-north-1', 'us-gov-west-1'];

let current: TemplateView | undefined;
let selected: string | undefined;
let layoutSeq = 0;

const $ = (id: string) => document.getElementById(id)!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function svg(tag: string, attrs: Record<string, string | number> = {}): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

const shortType = (n: GraphViewNode) => (n.kind === 'resource' ? n.type.split('::').slice(2).join('::') || n.type : n.kind === 'output' ? 'Output' : n.type);
const width = (n: GraphViewNode) => Math.max(110, 7 * Math.max(n.id.length, shortType(n).length) + 24);

/** A stable hue per service, so EC2 things share a colour in both themes. */
function hue(service = ''): number {
  let h = 0;
  for (const c of service) h = (h * 31 + c.charCodeAt(0)) % 360;
  return h;
}

async function layout(view: TemplateView): Promise<ElkNode> {
  const byParent = new Map<string | undefined, GraphViewNode[]>();
  for (const n of view.nodes) {
    const p = n.parent && view.nodes.some((x) => x.id === n.parent) ? n.parent : undefined;
    byParent.set(p, [...(byParent.get(p) ?? []), n]);
  }
  const build = (n: GraphViewNode): ElkNode => {
    const kids = byParent.get(n.id);
    const constraint = n.kind === 'parameter' ? 'FIRST' : n.kind === 'output' ? 'LAST' : undefined;
    return {
      id: n.id,
      width: width(n),
      height: 40,
      layoutOptions: {
        ...(constraint ? { 'elk.layered.layering.layerConstraint': constraint } : {}),
        ...(kids ? { 'elk.padding': '[top=44,left=12,bottom=12,right=12]' } : {}),
      },
      children: kids?.map(build),
    };
  };
  // Edges point from what is used to what uses it, so parameters flow left to right into outputs.
  const edges: ElkExtendedEdge[] = view.edges.map((e, i) => ({ id: `e${i}`, sources: [e.to], targets: [e.from] }));
  return elk.layout({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN', 'elk.layered.spacing.nodeNodeBetweenLayers': '60', 'elk.spacing.nodeNode': '24' },
    children: (byParent.get(undefined) ?? []).map(build),
    edges,
  });
}

async function render(view: TemplateView): Promise<void> {
  const mine = ++layoutSeq;
  const laid = await layout(view);
  if (mine !== layoutSeq) return; // a newer view arrived while this one was laid out
  const boxes = new Map<string, { x: number; y: number; w: number; h: number; compound: boolean }>();
  const place = (n: ElkNode, dx: number, dy: number) => {
    const x = dx + (n.x ?? 0);
    const y = dy + (n.y ?? 0);
    if (n.id !== 'root') boxes.set(n.id, { x, y, w: n.width ?? 0, h: n.height ?? 0, compound: !!n.children?.length });
    for (const c of n.children ?? []) place(c, x, y);
  };
  place(laid, 0, 0);
  const w = (laid.width ?? 0) + 20;
  const h = (laid.height ?? 0) + 20;
  // Fit the width of the view when that keeps labels readable; bigger graphs scroll.
  const scale = Math.max(0.7, Math.min(1, ($('main').clientWidth - 16) / w));
  const root = svg('svg', { width: w * scale, height: h * scale, viewBox: `0 0 ${w} ${h}`, id: 'graph', role: 'img' });
  const defs = svg('defs');
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.appendChild(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }));
  defs.appendChild(marker);
  root.appendChild(defs);
  const removed = new Set(view.removed);
  const nodesLayer = svg('g');
  const edgesLayer = svg('g');
  // Compound nodes first, so their children draw on top.
  const ordered = [...view.nodes].sort((a, b) => Number(boxes.get(b.id)?.compound) - Number(boxes.get(a.id)?.compound));
  for (const n of ordered) {
    const b = boxes.get(n.id);
    if (!b) continue;
    const g = svg('g', { class: `node ${n.kind}${removed.has(n.id) ? ' removed' : ''}${n.implicit ? ' implicit' : ''}${b.compound ? ' compound' : ''}`, 'data-id': n.id, transform: `translate(${b.x + 10},${b.y + 10})`, tabindex: 0 });
    const h = hue(n.service ?? n.kind);
    g.appendChild(svg('rect', { width: b.w, height: b.h, rx: n.kind === 'resource' ? 6 : 16, stroke: `hsl(${h} 55% 50%)` }));
    const title = svg('text', { x: 10, y: 17, class: 'id' });
    title.textContent = n.id;
    const sub = svg('text', { x: 10, y: 32, class: 'type' });
    sub.textContent = shortType(n) + (n.condition ? ` · if ${n.condition}` : '');
    const tip = svg('title');
    tip.textContent = `${n.id} (${n.type})${removed.has(n.id) ? ' — left out by the chosen values' : ''}`;
    g.append(title, sub, tip);
    g.addEventListener('click', () => vscode.postMessage({ type: 'reveal', id: n.id }));
    g.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && vscode.postMessage({ type: 'reveal', id: n.id }));
    nodesLayer.appendChild(g);
  }
  for (const e of view.edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    if (!a || !b) continue;
    const [x1, y1] = border(a, b);
    const [x2, y2] = border(b, a);
    edgesLayer.appendChild(svg('line', { x1: x1 + 10, y1: y1 + 10, x2: x2 + 10, y2: y2 + 10, class: `edge ${e.kind}${removed.has(e.from) || removed.has(e.to) ? ' removed' : ''}`, 'marker-end': 'url(#arrow)' }));
  }
  root.append(edgesLayer, nodesLayer);
  $('canvas').replaceChildren(root);
  if (mine === 1) $('main').scrollTo(0, 0);
  $('count').textContent = `${view.nodes.length} nodes, ${view.edges.length} edges`;
  highlight(selected);
}

/** Where the line from box a's centre towards b's centre leaves a. */
function border(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): [number, number] {
  const cx = a.x + a.w / 2;
  const cy = a.y + a.h / 2;
  const dx = b.x + b.w / 2 - cx;
  const dy = b.y + b.h / 2 - cy;
  if (!dx && !dy) return [cx, cy];
  const s = Math.min(dx ? a.w / 2 / Math.abs(dx) : Infinity, dy ? a.h / 2 / Math.abs(dy) : Infinity);
  return [cx + dx * s, cy + dy * s];
}

function highlight(id: string | undefined): void {
  selected = id;
  for (const g of document.querySelectorAll('.node')) g.classList.toggle('selected', g.getAttribute('data-id') === id);
  const target = id ? document.querySelector(`.node[data-id="${CSS.escape(id)}"]`) : null;
  target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function whatIfValues(): { parameters: Record<string, string>; region: string } {
  const parameters: Record<string, string> = {};
  for (const input of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-param]')) parameters[input.dataset.param!] = input.value;
  return { parameters, region: ($('region') as HTMLSelectElement).value };
}

function renderWhatIf(view: TemplateView): void {
  const region = $('region') as HTMLSelectElement;
  if (!region.options.length) for (const r of REGIONS) region.appendChild(el('option', { value: r }, r));
  if (![...region.options].some((o) => o.value === view.region)) region.appendChild(el('option', { value: view.region }, view.region));
  region.value = view.region;
  const params = $('params');
  // Keep the control the user is typing in; rebuild only when the parameter list changed.
  const names = view.parameters.map((p) => p.name).join('\u0000');
  if (params.dataset.names !== names) {
    params.dataset.names = names;
    params.replaceChildren();
    for (const p of view.parameters) {
      const label = el('label', {}, p.name);
      let input: HTMLInputElement | HTMLSelectElement;
      if (p.allowedValues?.length) {
        input = el('select');
        for (const v of p.allowedValues) input.appendChild(el('option', { value: v }, v));
      } else input = el('input', { type: 'text', placeholder: p.default ?? '(no default)' });
      input.dataset.param = p.name;
      input.id = `param-${p.name}`;
      input.value = p.value ?? '';
      input.addEventListener('change', () => vscode.postMessage({ type: 'whatIf', ...whatIfValues() }));
      label.appendChild(input);
      params.appendChild(label);
    }
  }
  const conds = $('conditions');
  conds.replaceChildren(...Object.entries(view.conditions).map(([k, v]) => el('li', { class: v === null ? 'unknown' : String(v), 'data-condition': k }, `${k}: ${v === null ? 'unknown' : v}`)));
  $('removed').textContent = view.removed.length ? `Left out: ${view.removed.join(', ')}` : 'Nothing left out.';
  $('resolved').textContent = view.resolved;
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as { type: 'view'; view: TemplateView } | { type: 'select'; id?: string };
  if (m.type === 'view') {
    current = m.view;
    renderWhatIf(m.view);
    void render(m.view).catch((e) => ($('count').textContent = `Layout failed: ${String(e)}`));
  } else if (m.type === 'select') highlight(m.id);
});
$('region').addEventListener('change', () => vscode.postMessage({ type: 'whatIf', ...whatIfValues() }));
vscode.postMessage({ type: 'ready' });
void current;
