/**
 * The VPC plan webview page, as a pure function of the plan (no vscode import, so it is
 * unit-tested): all text escaped, styles and script inline under a nonce-based
 * Content-Security-Policy, nothing loaded from anywhere.
 */
import type { VpcPlan } from '@core/calc';
import { planSummary } from '@core/calc/reports';

/** Text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The webview page: everything inline, under a Content-Security-Policy that allows only this nonce. */
export function planHtml(plan: VpcPlan, nonceValue: string): string {
  const e = escapeHtml;
  const rows = plan.subnets
    .map((s) => `<tr><td>${e(s.az)}</td><td>${e(s.tier)}</td><td class="mono">${e(s.cidr)}</td><td class="mono">${e(s.network)} – ${e(s.lastAddress)}</td><td class="num">${e(s.usableAddresses.toLocaleString('en-US'))}</td></tr>`)
    .join('\n');
  const spare = plan.spare.map((c) => `<tr class="spare"><td>–</td><td>spare</td><td class="mono">${e(c)}</td><td></td><td></td></tr>`).join('\n');
  const steps = plan.steps.map((s) => `<li>${e(s)}</li>`).join('');
  const warnings = plan.warnings.length ? `<ul class="warn">${plan.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul>` : '';
  const ipv6 = plan.vpc.version !== 4;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonceValue}'; script-src 'nonce-${nonceValue}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>VPC plan ${e(plan.vpc.cidr)}</title>
<style nonce="${nonceValue}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
  table { border-collapse: collapse; margin: 1em 0; }
  th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 2px 8px; text-align: left; }
  .mono { font-family: var(--vscode-editor-font-family); }
  .num { text-align: right; }
  tr.spare td { opacity: 0.7; }
  .warn li { color: var(--vscode-editorWarning-foreground); }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; margin-right: 8px; cursor: pointer; }
  button:hover { background: var(--vscode-button-hoverBackground); }
  button:disabled { opacity: 0.5; cursor: default; }
</style>
</head>
<body>
<h2>VPC plan ${e(plan.vpc.cidr)}</h2>
<p id="summary">${e(planSummary(plan))}.</p>
<p>
  <button id="insert"${ipv6 ? ' disabled title="Needs an IPv4 plan"' : ''}>Insert as CloudFormation</button>
  <button id="copy">Copy as Markdown table</button>
</p>
${warnings}
<table id="plan">
<thead><tr><th>AZ</th><th>Tier</th><th>CIDR</th><th>Range</th><th>Usable</th></tr></thead>
<tbody>
${rows}
${spare}
</tbody>
</table>
<h3>Working</h3>
<ol>${steps}</ol>
<script nonce="${nonceValue}">
  const vscode = acquireVsCodeApi();
  document.getElementById('insert').addEventListener('click', () => vscode.postMessage({ type: 'insert' }));
  document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy' }));
</script>
</body>
</html>`;
}

