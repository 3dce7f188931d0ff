/**
 * The VPC plan webview page, as a pure function of the plan's report (no vscode import, so it is
 * unit-tested): the HTML rendering of the report the CLI and Markdown also render; all text
 * escaped, styles and script inline under a nonce-based Content-Security-Policy, nothing loaded
 * from anywhere.
 */
import { plain, type CalcReport, type ReportSection, type ReportTable } from '@core/calc/report';
import { escapeHtml, webviewPage } from './webviewPage';

const e = (s: string) => escapeHtml(plain(s));

function tableHtml(t: ReportTable, id?: string): string {
  const numeric = t.header.map((_, i) => t.rows.length > 0 && t.rows.every((r) => /^[\d,.]+$/.test(r[i])));
  const cells = (r: string[], tag: string, spare: boolean) => `<tr${spare ? ' class="spare"' : ''}>${r.map((c, i) => `<${tag}${tag === 'td' && numeric[i] ? ' class="num"' : ''}>${e(c)}</${tag}>`).join('')}</tr>`;
  const head = t.header.some(Boolean) ? `<thead>${cells(t.header, 'th', false)}</thead>` : '';
  return `<table${id ? ` id="${id}"` : ''}>${head}<tbody>\n${t.rows.map((r) => cells(r, 'td', r.includes('spare'))).join('\n')}\n</tbody></table>`;
}

function sectionHtml(s: ReportSection): string {
  if (!s.items.length && !s.table) return '';
  const list = s.items.length ? `<${s.numbered ? 'ol' : 'ul'}${s.warning ? ' class="warn"' : ''}>${s.items.map((i) => `<li>${e(i)}</li>`).join('')}</${s.numbered ? 'ol' : 'ul'}>` : '';
  return `<h3>${e(s.title)}</h3>\n${list}${s.table ? tableHtml(s.table) : ''}`;
}

/** The webview page: everything inline, under a Content-Security-Policy that allows only this nonce. */
export function planHtml(report: CalcReport, nonceValue: string): string {
  const canInsert = report.cloudFormation !== undefined;
  return webviewPage({
    nonce: nonceValue,
    title: report.title,
    style: `
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
  table { border-collapse: collapse; margin: 1em 0; }
  th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 2px 8px; text-align: left; }
  .num { text-align: right; }
  tr.spare td { opacity: 0.7; }
  .warn li { color: var(--vscode-editorWarning-foreground); }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; margin-right: 8px; cursor: pointer; }
  button:hover { background: var(--vscode-button-hoverBackground); }
  button:disabled { opacity: 0.5; cursor: default; }
`,
    body: `
<h2>${e(report.heading)}</h2>
<p id="summary">${e(report.lead ?? report.summary)}</p>
<p>
  <button id="insert"${canInsert ? '' : ' disabled title="Needs an IPv4 plan"'}>Insert as CloudFormation</button>
  <button id="copy">Copy as Markdown table</button>
</p>
${report.table ? tableHtml(report.table, 'plan') : ''}
${report.sections.map(sectionHtml).filter(Boolean).join('\n')}
<script nonce="${nonceValue}">
  const vscode = acquireVsCodeApi();
  document.getElementById('insert').addEventListener('click', () => vscode.postMessage({ type: 'insert' }));
  document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy' }));
</script>
`,
  });
}

