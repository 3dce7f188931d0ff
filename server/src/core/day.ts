/**
 * YYYY-MM-DD of a date in UTC: the day rules compare with dated tables (runtimes, retired services)
 * and that keys the lint memo. Built from the UTC fields because `toISOString`'s first call in a
 * fresh process costs about a millisecond, paid by the first diagnostics.
 */
export function isoDay(d: Date): string {
  const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  const y = d.getUTCFullYear();
  // Years outside 0000–9999 keep toISOString's form, so comparisons with the tables stay right.
  if (y < 0 || y > 9999) return d.toISOString().split('T')[0];
  return `${String(y).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
