/** IAM statements that allow every action on every resource (BP1006). */
import { get, intrinsicName, isMap, isScalar, str, type Node } from '../../document/nodes';
import type { RawFinding } from '../types';
import { hasKey, items, practiceRule } from './util';

const MAX_DEPTH = 40;

/** Identity-policy statements anywhere in a resource's properties (roles, policies, users, groups, SAM function Policies). */
function statements(n: Node | undefined, out: Node[], depth = 0): void {
  if (!n || depth > MAX_DEPTH || intrinsicName(n)) return;
  if (n.kind === 'seq') for (const it of n.items) statements(it, out, depth + 1);
  if (!isMap(n)) return;
  if (hasKey(n, 'Effect') && hasKey(n, 'Action')) out.push(n);
  else for (const p of n.pairs) statements(p.value, out, depth + 1);
}

export const adminStatement = practiceRule(
  'BP1006',
  'IAM statement allows every action on every resource',
  { cfnNag: ['F4', 'F5', 'F3'], checkov: ['CKV_AWS_1', 'CKV_AWS_62', 'CKV_AWS_63'], guard: ['IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS', 'IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS'] },
  (r, out: RawFinding[]) => {
    const found: Node[] = [];
    statements(r.properties, found);
    for (const s of found) {
      // Resource policies name a Principal; trust policies too. This is about what an identity may do.
      if (hasKey(s, 'Principal') || str(get(s, 'Effect')) !== 'Allow') continue;
      const star = items(get(s, 'Action')).find((a) => isScalar(a) && str(a) === '*');
      if (!star || !items(get(s, 'Resource')).some((x) => str(x) === '*') || hasKey(s, 'Condition')) continue;
      out.push({
        message: `Action "*" on Resource "*" makes whoever holds this policy an administrator of the account: one leaked credential or bug can do anything. List the actions and resources the workload needs.`,
        start: star.start,
        end: star.end,
      });
    }
  },
);
