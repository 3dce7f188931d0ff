/** Index of the first element of sorted `a` that is ≥ x (a.length if none): a binary search. */
export function firstAtLeast<T extends number | string>(a: readonly T[], x: T): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
