/**
 * CloudFront alternate domain names (CFN5205). Each alias is a DNS name: labels of letters, digits
 * and hyphens, no label starting or ending with a hyphen, and `*` only as the whole first label
 * (`*.example.com`). CloudFront rejects the distribution for any other text.
 */
import { writtenText } from '../../cfn/literal';
import { get, isSeq } from '../../document/nodes';
import { resourceRule } from '../define';

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/** What is wrong with an alias, or undefined when it is a valid name. */
export function aliasProblem(alias: string): string | undefined {
  if (/\s/.test(alias)) return 'contains whitespace';
  const labels = alias.split('.');
  if (labels.length < 2) return 'is not a domain name (it has no dot)';
  for (const [i, l] of labels.entries()) {
    if (l === '*' && i === 0) continue;
    if (l.includes('*')) return "has '*' outside the first label (only '*.example.com' is allowed)";
    if (l === '') return 'has an empty label (two dots in a row, or a dot at an end)';
    if (l.startsWith('-') || l.endsWith('-')) return `has the label '${l}', which starts or ends with a hyphen`;
    if (!LABEL.test(l)) return `has the label '${l}', with characters other than letters, digits and hyphens`;
  }
  return undefined;
}

export const cloudfrontAlias = resourceRule('CFN5205', 'CloudFront alias that is not a valid domain name', ['E3013'], (_ctx, r, out) => {
  if (r.type !== 'AWS::CloudFront::Distribution') return;
  const aliases = get(get(r.properties, 'DistributionConfig'), 'Aliases');
  if (!isSeq(aliases)) return;
  for (const a of aliases.items) {
    const text = writtenText(a);
    if (text === undefined) continue;
    const problem = aliasProblem(text);
    if (problem) out.push({ message: `Alias '${text}' ${problem}, so CloudFront rejects the distribution. Write a domain name such as www.example.com or *.example.com.`, start: a.start, end: a.end });
  }
});
