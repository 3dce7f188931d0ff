/**
 * The CloudFormation template language's fixed vocabulary: sections, resource attributes and their
 * values, parameter keys and types, pseudo parameters. Rules check against it; completion offers it.
 */

/** Top-level sections and the shape each value must have. */
export const SECTIONS: Record<string, 'map' | 'string' | 'stringOrList' | 'any'> = {
  AWSTemplateFormatVersion: 'string',
  Description: 'string',
  Metadata: 'map',
  Parameters: 'map',
  Rules: 'map',
  Mappings: 'map',
  Conditions: 'map',
  Transform: 'any',
  Resources: 'map',
  Outputs: 'map',
  Hooks: 'map',
  Globals: 'map',
};

export const RESOURCE_KEYS = [
  'Type', 'Properties', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'CreationPolicy',
  'UpdatePolicy', 'Metadata', 'Version',
];
export const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];
export const UPDATE_REPLACE_POLICIES = ['Delete', 'Retain', 'Snapshot'];
export const CREATION_POLICY_KEYS = ['AutoScalingCreationPolicy', 'ResourceSignal', 'StartFleet'];
export const UPDATE_POLICY_KEYS = [
  'AutoScalingReplacingUpdate', 'AutoScalingRollingUpdate', 'AutoScalingScheduledAction', 'CodeDeployLambdaAliasUpdate',
  'EnableVersionUpgrade', 'UseOnlineResharding',
];

export function isCustomType(t: string): boolean {
  return t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource';
}
export function isModuleType(t: string): boolean {
  return t.endsWith('::MODULE');
}

export const PARAMETER_KEYS = [
  'Type', 'Default', 'AllowedValues', 'AllowedPattern', 'ConstraintDescription', 'Description',
  'MaxLength', 'MaxValue', 'MinLength', 'MinValue', 'NoEcho',
];

/** AWS-specific parameter types (each also valid as `List<...>`, except the SSM ones). */
const AWS_PARAMETER_TYPES = [
  'AWS::EC2::AvailabilityZone::Name', 'AWS::EC2::Image::Id', 'AWS::EC2::Instance::Id', 'AWS::EC2::KeyPair::KeyName',
  'AWS::EC2::SecurityGroup::GroupName', 'AWS::EC2::SecurityGroup::Id', 'AWS::EC2::Subnet::Id', 'AWS::EC2::Volume::Id',
  'AWS::EC2::VPC::Id', 'AWS::Route53::HostedZone::Id',
];
const BASIC = ['String', 'Number', 'List<Number>', 'List<String>', 'CommaDelimitedList'];

export function validParameterType(t: string): boolean {
  if (BASIC.includes(t) || AWS_PARAMETER_TYPES.includes(t) || t === 'AWS::SSM::Parameter::Name') return true;
  const list = /^List<(.+)>$/.exec(t);
  if (list && AWS_PARAMETER_TYPES.includes(list[1])) return true;
  const ssm = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(t);
  if (ssm) return ssm[1] === 'String' || ssm[1] === 'List<String>' || ssm[1] === 'CommaDelimitedList' || validParameterType(ssm[1]);
  return false;
}

export function allParameterTypes(): string[] {
  return [
    ...BASIC, ...AWS_PARAMETER_TYPES, ...AWS_PARAMETER_TYPES.map((t) => `List<${t}>`), 'AWS::SSM::Parameter::Name',
    'AWS::SSM::Parameter::Value<String>', 'AWS::SSM::Parameter::Value<List<String>>', 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
  ];
}

export const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
];

