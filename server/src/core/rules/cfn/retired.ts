/**
 * Resources of services AWS has shut down (CFN3203), from the `lifecycle` the CloudFormation
 * registry schemas carry (server/data/facts/resource-lifecycle.json). A warning, not an error: accounts
 * that already use a service sometimes keep access after the public date.
 */
import { templateIndex } from '../../cfn/template';
import { resourceLifecycle } from '../../facts';
import { cfnRule } from '../define';
import type { RawFinding } from '../types';
import { isoDay } from '../../day';

export const retiredService = cfnRule('CFN3203', 'Resource of a service AWS has shut down', [], ({ doc, root, today }) => {
  const day = isoDay(today ?? new Date());
  const out: RawFinding[] = [];
  for (const r of templateIndex(doc, root).resources.values()) {
    const l = r.type && r.typeNode ? resourceLifecycle(r.type) : undefined;
    if (!l) continue;
    const past = l.date !== undefined && l.date <= day;
    if (l.status === 'shutdown' && (past || l.date === undefined)) {
      out.push({ message: `${r.type} belongs to a service AWS has shut down${l.date ? ` (on ${l.date})` : ''}; CloudFormation can no longer create or update it. Move to the service's replacement.`, start: r.typeNode!.start, end: r.typeNode!.end });
    } else if (l.status === 'sunset' && past) {
      out.push({ message: `Support for ${r.type} ended on ${l.date}; the service is being shut down, and creating it can fail. Move to the service's replacement.`, start: r.typeNode!.start, end: r.typeNode!.end });
    }
  }
  return out;
}, 'warning');
