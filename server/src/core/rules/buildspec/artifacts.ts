import { getPair, isMap, isSeq } from '../../document/nodes';
import { kindRule } from '../define';
import type { RawFinding, Rule } from '../types';
import { BUILDSPEC } from './context';

const MAX_REPORT_GROUPS = 5;
const MAX_FALLBACK_KEYS = 5;

export const buildspecReportGroups = kindRule(BUILDSPEC, 'BUILDSPEC1018', 'More than five report groups', [], ({ root }) => {
  const reports = getPair(root, 'reports');
  if (!reports || !isMap(reports.value) || reports.value.pairs.length <= MAX_REPORT_GROUPS) return [];
  const extra = reports.value.pairs[MAX_REPORT_GROUPS];
  return [{
    message: `'reports' names ${reports.value.pairs.length} report groups; a project can have at most ${MAX_REPORT_GROUPS}. Merge result files into fewer groups.`,
    start: extra.key.start,
    end: extra.key.end,
  }];
}, 'warning');

export const buildspecCacheKeys = kindRule(BUILDSPEC, 'BUILDSPEC1019', "Cache 'fallback-keys' unused or too many", [], ({ root }) => {
  const cache = getPair(root, 'cache');
  if (!cache || !isMap(cache.value)) return [];
  const fb = getPair(cache.value, 'fallback-keys');
  if (!fb) return [];
  const out: RawFinding[] = [];
  if (!getPair(cache.value, 'key')) {
    out.push({ message: "'fallback-keys' only apply together with 'key'; without a 'key' CodeBuild ignores them.", start: fb.key.start, end: fb.key.end });
  }
  if (isSeq(fb.value) && fb.value.items.length > MAX_FALLBACK_KEYS) {
    const extra = fb.value.items[MAX_FALLBACK_KEYS];
    out.push({ message: `At most ${MAX_FALLBACK_KEYS} fallback keys are used; this one and later ones are not.`, start: extra.start, end: extra.end });
  }
  return out;
}, 'warning');

export const artifactRules: Rule[] = [buildspecReportGroups, buildspecCacheKeys];
