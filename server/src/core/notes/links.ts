/**
 * Links in notes, shown as text. A note's `[Lambda limits](https://docs…/limits.html)` reads
 * "Lambda limits (docs…/limits.html)": the words the student wrote, then where the fact comes
 * from, but nothing to click. The scheme (and `www.`) is dropped because markdown renderers
 * (the editor's hover among them) turn any `https://…` or `www.…` into a link; without them the
 * address is inert, and it reads the same in a terminal as in a hover, without escapes.
 */

/** `https://host/path` → `host/path`; other schemes (`command:`, `mailto:`) are never auto-linked and stay. */
function inertUrl(url: string): string {
  return url.replace(/^(?:https?|ftp):\/\//i, '').replace(/^www\./i, '');
}

/** Markdown links, images and autolinks as plain text; bare web addresses lose their scheme. */
export function linksAsText(text: string): string {
  return (
    text
      // Images: the alt text, if any (the picture itself is not shown).
      .replace(/!\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g, (_m, alt: string) => alt.trim())
      // Links: the text, then the address unless it is a place in the same page or the text itself.
      .replace(/\[([^\]\n]{1,300})\]\(\s*<?([^)\s>]{0,500})>?(?:\s+"[^"\n]{0,200}")?\s*\)/g, (_m, label: string, url: string) => {
        const shown = inertUrl(url);
        return !url || url.startsWith('#') || shown === inertUrl(label.trim()) ? label : `${label} (${shown})`;
      })
      // Autolinks <https://…> and bare addresses.
      .replace(/<((?:https?|ftp):\/\/[^\s>]{1,500})>/gi, '$1')
      .replace(/\b(?:https?|ftp):\/\/(?=\S)/gi, '')
      .replace(/(^|[\s(])www\.(?=\S)/gi, '$1')
  );
}
