import { intrinsicName, isScalar, str, type Node } from '../document/nodes';

/**
 * The text of a value whose content is known as written, or undefined: function calls, `${}` text
 * (a Sub in disguise) and dynamic references (`{{resolve:ssm:…}}`) are only known at deploy time,
 * so format checks must not judge them.
 */
export function writtenText(n: Node): string | undefined {
  if (!isScalar(n) || intrinsicName(n)) return undefined;
  const text = str(n);
  return text === undefined || text.includes('${') || text.includes('{{resolve:') ? undefined : text;
}
