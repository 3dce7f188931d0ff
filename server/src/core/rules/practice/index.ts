import type { Rule } from '../types';
import { statefulPolicies, volumeEncryption } from './data';
import { adminStatement } from './iam';
import { lambdaLogRetention, trailValidation } from './logging';
import { adminPortsOpen, allPortsOpen } from './network';
import { rdsBackupsOff, rdsEncryption, rdsMultiAz } from './rds';
import { bucketEncryption, bucketPolicyPublic, bucketPublicAccessBlock } from './s3';

/** Best-practice checks (BP1xxx): warnings that teach, on by default, each switchable in settings. */
export const practiceRules: Rule[] = [
  adminPortsOpen, allPortsOpen, bucketPublicAccessBlock, bucketEncryption, bucketPolicyPublic, adminStatement,
  statefulPolicies, rdsMultiAz, rdsBackupsOff, volumeEncryption, rdsEncryption, lambdaLogRetention, trailValidation,
];
