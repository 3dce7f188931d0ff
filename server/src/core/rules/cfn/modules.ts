/**
 * Module resources (`Type: Org::Service::Name::MODULE`, CFN5206). CloudFormation expands a module
 * into the resources it holds, so the attributes that belong to one resource cannot be set on the
 * module: CreationPolicy, UpdatePolicy and Tags are refused, and the Metadata key
 * AWS::CloudFormation::Module is reserved for the expansion itself.
 */
import { isModuleType } from '../../cfn/vocabulary';
import { get, getPair, isMap, type Pair } from '../../document/nodes';
import { resourceRule } from '../define';

export const moduleAttributes = resourceRule('CFN5206', 'Module resource with an attribute modules refuse', ['E5001', 'E3001', 'E3016'], (_ctx, r, out) => {
  if (!r.type || !isModuleType(r.type) || !isMap(r.node)) return;
  const refuse = (p: Pair | undefined, what: string) => {
    if (p) out.push({ message: `${what} A module expands into other resources; set it on those resources inside the module instead.`, start: p.key.start, end: p.key.end, data: { fix: 'deletePair', start: p.start, end: p.end, key: String(p.key.value) } });
  };
  refuse(getPair(r.node, 'CreationPolicy'), 'CreationPolicy is not allowed on a module.');
  refuse(getPair(r.node, 'UpdatePolicy'), 'UpdatePolicy is not allowed on a module.');
  refuse(isMap(r.properties) ? getPair(r.properties, 'Tags') : undefined, 'Tags are not allowed on a module.');
  const meta = get(r.node, 'Metadata');
  refuse(isMap(meta) ? getPair(meta, 'AWS::CloudFormation::Module') : undefined, 'The Metadata key AWS::CloudFormation::Module is reserved for CloudFormation.');
});
