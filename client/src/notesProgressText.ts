/**
 * The status bar text while the notes index builds, or undefined once it is done. `done` and
 * `total` count bytes: a percentage reads the same for one big file or thousands of small ones,
 * and it only says 100 % when the build is over (it is hidden then).
 */
export function notesProgressText(done: number, total: number): string | undefined {
  if (total <= 0 || done >= total) return undefined;
  return `$(sync~spin) Notes ${Math.min(99, Math.floor((100 * Math.max(0, done)) / total))}%`;
}
