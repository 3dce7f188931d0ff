/**
 * YYYY-MM-DD of a date in UTC: the day rules compare with dated tables (runtimes, retired services)
 * and that keys the lint memo. Built from the UTC fields because `toISOString`'s first call in a
 * fresh process costs about a millisecond, paid by the first diagnostics.
 */
export function isoDay(d: Date): string {
  const y = d.getUTCFullYear();
  // Outside 0000–9999 toISOString's own form (±YYYYYY-MM-DD), as before; no table date is there.
  if (y < 0 || y > 9999) return d.toISOString().split('T')[0];
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}
