/** RDS databases: Multi-AZ (BP1008), automated backups (BP1009), storage encryption (BP1011). */
import type { ResourceInfo } from '../../cfn/template';
import { get, str } from '../../document/nodes';
import type { RawFinding } from '../types';
import { hasKey, literalNumber, mustBeTrue, practiceRule } from './util';

/** An instance of an Aurora (or Multi-AZ DB) cluster: the cluster owns storage, backups and failover. */
const inCluster = (r: ResourceInfo) => hasKey(r.properties, 'DBClusterIdentifier') || /^aurora/i.test(str(get(r.properties, 'Engine')) ?? '');
/** Copies take their settings from the source. */
const isCopy = (r: ResourceInfo) => ['SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'SnapshotIdentifier', 'SourceDBClusterIdentifier', 'SourceDBInstanceAutomatedBackupsArn'].some((k) => hasKey(r.properties, k));

export const rdsMultiAz = practiceRule(
  'BP1008',
  'RDS database without Multi-AZ',
  { checkov: ['CKV_AWS_157'], guard: ['RDS_MULTI_AZ_SUPPORT'] },
  (r, out: RawFinding[], ctx) => {
    if (inCluster(r) || hasKey(r.properties, 'SourceDBInstanceIdentifier')) return;
    // SQL Server Express has no Multi-AZ.
    if (/^sqlserver-ex$/i.test(str(get(r.properties, 'Engine')) ?? '')) return;
    const f = mustBeTrue(ctx.doc, r, 'MultiAZ', (missing) => `${r.name} runs in one Availability Zone${missing ? ' (MultiAZ is not set)' : ''}: an AZ outage or host failure takes the database down until it is restored. Set MultiAZ: true for anything that must stay up.`);
    if (f) out.push(f);
  },
  ['AWS::RDS::DBInstance'],
);

export const rdsBackupsOff = practiceRule(
  'BP1009',
  'RDS automated backups turned off',
  { checkov: ['CKV_AWS_133'], guard: ['DB_INSTANCE_BACKUP_ENABLED'] },
  (r, out: RawFinding[]) => {
    if (inCluster(r)) return;
    const b = get(r.properties, 'BackupRetentionPeriod');
    if (literalNumber(b) !== 0 || !b) return;
    out.push({
      message: `BackupRetentionPeriod 0 turns automated backups off: no point-in-time recovery, and a mistake or corruption cannot be undone. Keep at least 1 day (7 is the console's default).`,
      start: b.start,
      end: b.end,
      data: { fix: 'replace', start: b.start, end: b.end, candidates: ['7', '1'] },
    });
  },
  ['AWS::RDS::DBInstance'],
);

export const rdsEncryption = practiceRule(
  'BP1011',
  'RDS storage not encrypted',
  { cfnNag: ['F26', 'F27'], checkov: ['CKV_AWS_16', 'CKV_AWS_96'], guard: ['RDS_STORAGE_ENCRYPTED'] },
  (r, out: RawFinding[], ctx) => {
    if (r.type === 'AWS::RDS::DBInstance' && inCluster(r)) return;
    if (isCopy(r) || hasKey(r.properties, 'KmsKeyId')) return;
    // Aurora Serverless v1 is always encrypted.
    if (str(get(r.properties, 'EngineMode')) === 'serverless') return;
    const f = mustBeTrue(ctx.doc, r, 'StorageEncrypted', (missing) => `${r.name} stores its data, logs, backups and snapshots unencrypted${missing ? ' (StorageEncrypted is not set)' : ''}, and encryption cannot be turned on later without copying the database. Set StorageEncrypted: true.`);
    if (f) out.push(f);
  },
  ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
);
