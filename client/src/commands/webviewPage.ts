/**
 * The frame every webview page of ours shares: a Content-Security-Policy that allows only this
 * page's nonce (styles and scripts), nothing loaded from anywhere else, all text escaped.
 */

/** Text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A whole page; `style` and `body` are trusted markup (escape what goes into them), `imgSrc` widens img-src. */
export function webviewPage(o: { nonce: string; title: string; style: string; body: string; imgSrc?: string }): string {
  const n = escapeHtml(o.nonce);
  const img = o.imgSrc ? ` img-src ${escapeHtml(o.imgSrc)} data:;` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';${img}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(o.title)}</title>
<style nonce="${n}">
${o.style.trim()}
</style>
</head>
<body>
${o.body.trim()}
</body>
</html>`;
}
