import { get, getPair, isMap, isScalar, isSeq, keyText } from '../../document/nodes';
import { kindRule } from '../define';
import type { RawFinding, Rule } from '../types';
import { BUILDSPEC } from './context';

export const buildspecReservedNames = kindRule(BUILDSPEC, 'BUILDSPEC1016', 'Environment variable name CodeBuild reserves or cannot export', [], ({ root }) => {
  const env = get(root, 'env');
  const out: RawFinding[] = [];
  for (const section of ['variables', 'parameter-store', 'secrets-manager']) {
    const m = get(env, section);
    if (!isMap(m)) continue;
    for (const p of m.pairs) {
      if (!keyText(p).toUpperCase().startsWith('CODEBUILD_')) continue;
      out.push({
        message: `'${keyText(p)}' starts with CODEBUILD_, a prefix CodeBuild keeps for its own variables; pick another name.`,
        start: p.key.start,
        end: p.key.end,
      });
    }
  }
  const exported = getPair(env, 'exported-variables');
  if (exported && isSeq(exported.value)) {
    const secret = new Set(['parameter-store', 'secrets-manager'].flatMap((s) => { const m = get(env, s); return isMap(m) ? m.pairs.map(keyText) : []; }));
    for (const it of exported.value.items) {
      if (!isScalar(it) || typeof it.value !== 'string') continue;
      if (it.value.startsWith('AWS_')) {
        out.push({ message: `'${it.value}' cannot be exported: names starting with AWS_ are never exported.`, start: it.start, end: it.end });
      } else if (secret.has(it.value)) {
        out.push({ message: `'${it.value}' comes from ${get(get(env, 'parameter-store'), it.value) ? 'Parameter Store' : 'Secrets Manager'}; exporting it would publish the secret to later pipeline stages in plain text. Export a derived, non-secret value instead.`, start: it.start, end: it.end });
      }
    }
  }
  return out;
}, 'warning');

export const envRules: Rule[] = [buildspecReservedNames];
