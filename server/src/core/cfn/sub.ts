/** The variables of an `Fn::Sub` string. */

/** `${Name}`, `${Res.Attr}`; `${!Literal}` is an escape and not a variable. */
export function subVariables(s: string): { name: string; offset: number }[] {
  return subPlaceholders(s)
    .filter((p) => !p.inner.startsWith('!'))
    .map((p) => ({ name: p.inner.trim(), offset: p.index + 2 }));
}

/**
 * Every `${...}` in order, as `/\$\{([^}]*)\}/g` finds them (`inner` is what the braces hold,
 * `${!Literal}` included), but in linear time: the regex rescans to the end of the text from each
 * `${` that no `}` closes, which is quadratic in a long run of `${`.
 */
export function subPlaceholders(s: string): { inner: string; index: number; end: number }[] {
  const out: { inner: string; index: number; end: number }[] = [];
  for (let i = 0; ; ) {
    const a = s.indexOf('${', i);
    if (a < 0) break;
    const b = s.indexOf('}', a + 2);
    if (b < 0) break;
    out.push({ inner: s.slice(a + 2, b), index: a, end: b + 1 });
    i = b + 1;
  }
  return out;
}
