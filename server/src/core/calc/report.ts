/**
 * A calculator's answer as a neutral object: what the client shows (a notification, a Markdown
 * document, the VPC plan page), the CLI prints and the hover quotes are renderings of the same
 * report, so they cannot disagree. Strings may use light inline Markdown (`**bold**`, `` `code` ``);
 * `plain` strips it. Renderers only lay out: every word of a fact comes from the report.
 */
export interface ReportTable {
  /** Column titles; all empty means a two-column list of label and value. */
  header: string[];
  rows: string[][];
}

export interface ReportSection {
  title: string;
  /** Lines of the section; numbered when they are steps of working. */
  items: string[];
  numbered?: boolean;
  /** Warnings (the CLI marks each with `!`). */
  warning?: boolean;
  /** Sub-sections (e.g. one per overlap check), each a numbered list. */
  groups?: { title: string; items: string[] }[];
  /** A table under the title (e.g. the subnets of a split). */
  table?: ReportTable;
  /** Long-form only: the hover, which has little room, leaves it out. */
  detail?: boolean;
}

export interface CalcReport {
  /** Short title, e.g. "CIDR 10.16.0.0/16". */
  title: string;
  /** Heading of the full report, e.g. "Capacity: DynamoDB". */
  heading: string;
  /** One line with the key numbers (the notification text). */
  summary: string;
  /** A warning about the input itself, shown before anything else. */
  note?: string;
  /** A sentence under the heading. */
  lead?: string;
  /** The key results, one per line. */
  highlights?: string[];
  /** The facts as a table (a header of empty strings means a plain two-column list). */
  table?: ReportTable;
  /** Inputs, working, warnings and the like, in the order they are shown. */
  sections: ReportSection[];
  /** The working and the warnings on their own, for front ends that print them elsewhere. */
  steps: string[];
  warnings: string[];
  /** The result as CloudFormation, where it has one (VPC plans). */
  cloudFormation?: string;
}

/** The usual tail of a report: inputs, the working (numbered) and the warnings; empty ones are left out. */
export function standardSections(steps: string[], warnings: string[], inputs: string[] = []): ReportSection[] {
  return [
    { title: 'Inputs', items: inputs },
    { title: 'Working', items: steps, numbered: true, detail: true },
    { title: 'Warnings', items: warnings, warning: true },
  ];
}

const numbered = (items: string[]) => items.map((s, i) => `${i + 1}. ${s}`).join('\n');
const bullets = (items: string[]) => items.map((s) => `- ${s}`).join('\n');
/** Markdown table cells: no pipes or line breaks from user text. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function markdownTable(header: string[], rows: string[][]): string {
  const head = `|${header.map((h) => (h ? ` ${h} ` : ' ')).join('|')}|`;
  return [head, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function sectionBody(s: ReportSection, sub: string): string {
  const parts = [s.numbered ? numbered(s.items) : bullets(s.items)];
  if (s.table) parts.push(markdownTable(s.table.header, s.table.rows));
  for (const g of s.groups ?? []) parts.push(`${sub}${g.title}\n\n${numbered(g.items)}`);
  return parts.filter((x) => x.trim()).join('\n\n');
}

function sectionMarkdown(s: ReportSection): string {
  const body = sectionBody(s, '### ');
  return body ? `## ${s.title}\n\n${body}\n` : '';
}

/** The report as a Markdown document (the client's "Show working", the hover). */
export function reportMarkdown(r: CalcReport): string {
  return [
    `# ${r.heading}\n`,
    r.note ? `> ${r.note}\n` : '',
    r.lead ? `${r.lead}\n` : '',
    r.highlights?.length ? `${bullets(r.highlights)}\n` : '',
    r.table ? `${markdownTable(r.table.header, r.table.rows)}\n` : '',
    ...r.sections.map(sectionMarkdown),
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The report as a hover card: the heading and lead in one line, the facts, then each short
 * section; `detail` sections (the working of a CIDR block, say) stay in the long forms.
 */
export function reportHover(r: CalcReport): string {
  const head = `**${r.heading}**${r.lead ? ` — ${r.lead}` : ''}`;
  const parts = [head];
  if (r.highlights?.length) parts.push(bullets(r.highlights));
  if (r.table) parts.push(markdownTable(r.table.header, r.table.rows));
  for (const s of r.sections) {
    if (s.detail) continue;
    const body = sectionBody(s, '');
    if (body) parts.push(`${s.title}:\n${body}`);
  }
  if (r.note) parts.push(`⚠ ${r.note}`);
  return parts.join('\n\n');
}

/** Light Markdown off: `**x**` → x, `` `x` `` → x. */
export function plain(s: string): string {
  return s.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
}

/** A table as aligned terminal columns (a label/value list when the header is blank); numbers align right. */
function textTable(t: ReportTable): string[] {
  const list = t.header.every((h) => !h);
  const rows = (list ? t.rows : [t.header, ...t.rows]).map((r) => r.map(plain));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const right = rows[0].map((_, i) => !list && t.rows.length > 0 && t.rows.every((r) => /^[\d,.\u2013-]*$/.test(r[i])));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = rows.map(line);
  if (!list) out.splice(1, 0, line(widths.map((w) => '-'.repeat(w))));
  return out;
}

/** The report as terminal text (the CLI): key results (or the heading and the facts), then each section under its title. */
export function reportText(r: CalcReport): string {
  const out = r.highlights?.length ? r.highlights.map(plain) : r.table ? [plain(`${r.heading}${r.lead ? ` — ${r.lead}` : ''}`)] : [plain(r.summary)];
  if (r.note) out.push(`! ${plain(r.note)}`);
  if (r.table) out.push(...textTable(r.table));
  for (const s of r.sections) {
    const body = s.items.map((item, i) => `  ${s.numbered ? `${i + 1}.` : s.warning ? '!' : '-'} ${plain(item)}`);
    if (s.table) body.push(...textTable(s.table));
    for (const g of s.groups ?? []) body.push(`  ${plain(g.title)}`, ...g.items.map((item, i) => `    ${i + 1}. ${plain(item)}`));
    if (body.length) out.push('', `${s.title}:`, ...body);
  }
  return out.join('\n');
}
