/** Resources that hold data: deletion/replacement policies (BP1007) and EBS encryption (BP1010). */
import type { ResourceInfo } from '../../cfn/template';
import type { TemplateDocument } from '../../document/model';
import { getPair } from '../../document/nodes';
import { eol, indentBefore, lineOf } from '../../document/text';
import type { FixData, RawFinding } from '../types';
import { hasKey, mustBeTrue, practiceRule, typeRange } from './util';

/**
 * Databases, tables, volumes, buckets and file systems. RDS clusters and stand-alone instances
 * are left out: CloudFormation already snapshots them by default.
 */
export const STATEFUL_TYPES = [
  'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable', 'AWS::EC2::Volume', 'AWS::S3::Bucket',
  'AWS::EFS::FileSystem', 'AWS::FSx::FileSystem', 'AWS::Neptune::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Redshift::Cluster',
  'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain',
];

/** Insert the missing policy attributes right after the resource's Type line (YAML block style). */
function addPolicies(doc: TemplateDocument, r: ResourceInfo, keys: string[]): FixData | undefined {
  const type = getPair(r.node, 'Type');
  if (doc.format === 'json' || !type) return undefined;
  const indent = indentBefore(doc, type.key.start);
  if (indent === undefined) return undefined;
  const at = lineOf(doc, Math.max(type.key.start, type.end - 1)).end;
  const nl = eol(doc.text);
  return { fix: 'edits', title: `Add ${keys.join(' and ')}: Retain`, edits: [{ start: at, end: at, text: keys.map((k) => `${nl}${indent}${k}: Retain`).join('') }] };
}

const WHEN: Record<string, string> = {
  'DeletionPolicy,UpdateReplacePolicy': 'deleting the stack, or an update that replaces the resource,',
  DeletionPolicy: 'deleting the stack (or removing the resource from the template)',
  UpdateReplacePolicy: 'an update that replaces the resource',
};

export const statefulPolicies = practiceRule(
  'BP1007',
  'Stateful resource without DeletionPolicy/UpdateReplacePolicy',
  { cfnNag: [], checkov: [], guard: [] },
  (r, out: RawFinding[], ctx) => {
    const missing = ['DeletionPolicy', 'UpdateReplacePolicy'].filter((k) => !hasKey(r.node, k));
    if (!missing.length) return;
    const what = missing.length === 2 ? 'neither DeletionPolicy nor UpdateReplacePolicy' : `no ${missing[0]}`;
    out.push({
      message: `${r.name} holds data but has ${what}: ${WHEN[missing.join()]} deletes the data with it. Set ${missing.join(' and ')} to Retain (or Snapshot where the type supports it).`,
      ...typeRange(r),
      data: addPolicies(ctx.doc, r, missing),
    });
  },
  STATEFUL_TYPES,
);

export const volumeEncryption = practiceRule(
  'BP1010',
  'EBS volume not encrypted',
  { cfnNag: ['F1'], checkov: ['CKV_AWS_3'], guard: ['ENCRYPTED_VOLUMES'] },
  (r, out: RawFinding[], ctx) => {
    // A volume made from a snapshot takes the snapshot's encryption.
    if (hasKey(r.properties, 'SnapshotId') || hasKey(r.properties, 'KmsKeyId')) return;
    const f = mustBeTrue(ctx.doc, r, 'Encrypted', (missing) => `Volume ${r.name} is not encrypted${missing ? ' (Encrypted is not set)' : ''} unless the account turned on EBS encryption by default: its data and snapshots can be read by anyone who gets hold of them. Set Encrypted: true.`);
    if (f) out.push(f);
  },
  ['AWS::EC2::Volume'],
);
