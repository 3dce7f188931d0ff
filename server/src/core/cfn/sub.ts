/** The variables of an `Fn::Sub` string. */

/** `${Name}`, `${Res.Attr}`; `${!Literal}` is an escape and not a variable. */
export function subVariables(s: string): { name: string; offset: number }[] {
  const out: { name: string; offset: number }[] = [];
  const re = /\$\{([^}]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[1].startsWith('!')) continue;
    out.push({ name: m[1].trim(), offset: m.index + 2 });
  }
  return out;
}
