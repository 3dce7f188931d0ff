/**
 * A calculator's answer as a neutral object: what the client shows (a notification and a Markdown
 * document), the CLI prints and the hover quotes are renderings of the same report. Strings may use
 * light inline Markdown (`**bold**`, `` `code` ``); `reportText` strips it.
 */
export interface ReportSection {
  title: string;
  /** Lines of the section; numbered when they are steps of working. */
  items: string[];
  numbered?: boolean;
  /** Warnings (the CLI marks each with `!`). */
  warning?: boolean;
  /** Sub-sections (e.g. one per overlap check), each a numbered list. */
  groups?: { title: string; items: string[] }[];
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
  table?: { header: string[]; rows: string[][] };
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
    { title: 'Working', items: steps, numbered: true },
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

function sectionMarkdown(s: ReportSection): string {
  const body = s.groups?.length
    ? s.groups.map((g) => `### ${g.title}\n\n${numbered(g.items)}`).join('\n\n')
    : s.numbered
      ? numbered(s.items)
      : bullets(s.items);
  return body.trim() ? `## ${s.title}\n\n${body}\n` : '';
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

/** Light Markdown off: `**x**` → x, `` `x` `` → x. */
export function plain(s: string): string {
  return s.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
}

/** The report as terminal text (the CLI): key results, then each section under its title. */
export function reportText(r: CalcReport): string {
  const out = (r.highlights?.length ? r.highlights : [r.summary]).map(plain);
  for (const s of r.sections) {
    if (!s.items.length) continue;
    out.push('', `${s.title}:`, ...s.items.map((item, i) => `  ${s.numbered ? `${i + 1}.` : s.warning ? '!' : '-'} ${plain(item)}`));
  }
  return out.join('\n');
}
