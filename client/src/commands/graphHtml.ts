/**
 * The Template Graph webview page, a pure function (unit-tested): the script comes from the
 * extension's own dist/ folder, styles and script run only under this page's nonce, nothing is
 * loaded from anywhere else. Colours come from the editor theme, so light and dark both work.
 */
import { escapeHtml, webviewPage } from './webviewPage';

export function graphHtml(opts: { nonce: string; scriptUri: string; cspSource: string; title: string }): string {
  const e = escapeHtml;
  const n = e(opts.nonce);
  return webviewPage({
    nonce: opts.nonce,
    title: opts.title,
    imgSrc: opts.cspSource,
    style: `
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); margin: 0; display: flex; height: 100vh; }
  #side { order: 2; width: 250px; min-width: 200px; overflow: auto; padding: 8px 12px; border-left: 1px solid var(--vscode-panel-border, #8884); box-sizing: border-box; }
  #main { flex: 1; overflow: auto; }
  h2 { font-size: 1.05em; margin: 0.6em 0 0.3em; }
  label { display: block; margin: 6px 0; font-size: 0.9em; }
  input, select { display: block; width: 100%; box-sizing: border-box; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, #8886); padding: 2px 4px; }
  #conditions { list-style: none; padding: 0; margin: 0; font-family: var(--vscode-editor-font-family); font-size: 0.9em; }
  #conditions .true { color: var(--vscode-testing-iconPassed, #3a3); }
  #conditions .false { color: var(--vscode-errorForeground, #c33); }
  #conditions .unknown { opacity: 0.7; }
  #resolved { font-family: var(--vscode-editor-font-family); font-size: 0.85em; white-space: pre; overflow: auto; max-height: 40vh; background: var(--vscode-textCodeBlock-background, #8881); padding: 4px; }
  #count, #removed { font-size: 0.85em; opacity: 0.8; }
  .legend span { margin-right: 10px; font-size: 0.85em; }
  .node rect { fill: var(--vscode-editor-background); stroke-width: 2; }
  .node.parameter rect, .node.output rect { stroke-dasharray: 0; fill: var(--vscode-editorWidget-background, var(--vscode-editor-background)); }
  .node.compound rect { fill: none; stroke-dasharray: 6 3; }
  .node.implicit rect { stroke-dasharray: 3 3; }
  .node text { fill: var(--vscode-foreground); font-size: 12px; }
  .node text.type { opacity: 0.75; font-size: 11px; }
  .node { cursor: pointer; }
  .node:focus { outline: none; }
  .node.selected rect, .node:focus rect { stroke: var(--vscode-focusBorder); stroke-width: 4; }
  .node.removed, .edge.removed { opacity: 0.25; }
  .edge { stroke: var(--vscode-editorLineNumber-foreground, #888); stroke-width: 1.3; fill: none; pointer-events: none; }
  .node.compound rect { pointer-events: stroke; }
  .edge.getatt { stroke-width: 2.6; }
  .edge.sub { stroke-dasharray: 2 3; }
  .edge.dependsOn { stroke-dasharray: 7 4; }
  .arrowhead { fill: var(--vscode-editorLineNumber-foreground, #888); }
`,
    body: `
<div id="side">
  <h2>What if…</h2>
  <label>Region<select id="region"></select></label>
  <div id="params"></div>
  <h2>Conditions</h2>
  <ul id="conditions"></ul>
  <p id="removed"></p>
  <h2>Resolved template</h2>
  <div id="resolved"></div>
</div>
<div id="main">
  <p class="legend"><span id="count"></span> <span>── Ref</span><span>━━ GetAtt</span><span>┈┈ Sub</span><span>╌╌ DependsOn</span></p>
  <div id="canvas"></div>
</div>
<script nonce="${n}" src="${e(opts.scriptUri)}"></script>
`,
  });
}
