/**
 * Short explanations of CloudFormation's own vocabulary (sections, intrinsic functions, pseudo
 * parameters, resource attributes), in our own words, for hovers and completion details.
 */
export const SECTION_DOCS: Record<string, string> = {
  AWSTemplateFormatVersion: "The template format version. The only valid value is '2010-09-09'; it is optional.",
  Description: 'Free text shown with the stack (at most 1,024 bytes).',
  Metadata: 'Extra information about the template, e.g. AWS::CloudFormation::Interface (console parameter groups) or cfn-lint settings.',
  Parameters: 'Values supplied when the stack is created or updated (at most 200). Refer to them with Ref.',
  Rules: 'Checks on parameter values before the stack is created or updated (RuleCondition + Assertions).',
  Mappings: 'Fixed two-level lookup tables (e.g. Region → AMI), read with Fn::FindInMap. No functions allowed inside.',
  Conditions: 'Named boolean expressions (Fn::Equals/And/Or/Not) that decide whether resources, properties or outputs are created.',
  Transform: 'Macros CloudFormation runs on the template first, e.g. AWS::Serverless-2016-10-31 (SAM) or AWS::Include.',
  Resources: 'The only required section: the AWS resources the stack creates (at most 500), each with a logical ID, Type and Properties.',
  Outputs: 'Values the stack returns (at most 200); with Export they can be imported by other stacks in the same Region with Fn::ImportValue.',
  Hooks: 'Hooks for blue/green ECS deployments through CodeDeploy (AWS::CodeDeploy::BlueGreen).',
  Globals: 'SAM only: properties shared by every Function, Api, HttpApi, SimpleTable, StateMachine or LayerVersion.',
};

export const INTRINSIC_DOCS: Record<string, { summary: string; syntax: string }> = {
  Ref: { summary: 'Returns the value of a parameter, or the default identifier of a resource (often its name or ID; see the resource docs).', syntax: '!Ref LogicalName' },
  'Fn::GetAtt': { summary: 'Returns an attribute of a resource in this template, e.g. an ARN or DNS name.', syntax: '!GetAtt Resource.Attribute' },
  'Fn::Sub': { summary: 'Substitutes ${Param}, ${Resource}, ${Resource.Attr} and ${AWS::Region} style variables into a string. ${!Literal} writes a literal ${Literal}.', syntax: "!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'" },
  'Fn::Join': { summary: 'Joins a list of values with a delimiter.', syntax: '!Join [":", [a, b, c]]' },
  'Fn::Select': { summary: 'Returns the item at a zero-based index of a list.', syntax: '!Select [0, !GetAZs ""]' },
  'Fn::Split': { summary: 'Splits a string into a list at a delimiter.', syntax: '!Split [",", !Ref SubnetIds]' },
  'Fn::If': { summary: 'Returns one of two values depending on a condition; use AWS::NoValue to drop a property.', syntax: '!If [IsProd, m5.large, t3.micro]' },
  'Fn::Equals': { summary: 'True when two values are equal. Used in Conditions.', syntax: '!Equals [!Ref Env, prod]' },
  'Fn::And': { summary: 'True when all of 2 to 10 conditions are true.', syntax: '!And [!Condition A, !Condition B]' },
  'Fn::Or': { summary: 'True when any of 2 to 10 conditions is true.', syntax: '!Or [!Condition A, !Condition B]' },
  'Fn::Not': { summary: 'Negates one condition.', syntax: '!Not [!Condition IsProd]' },
  'Fn::FindInMap': { summary: 'Reads a value from the Mappings section: map name, top-level key, second-level key.', syntax: '!FindInMap [RegionMap, !Ref "AWS::Region", AMI]' },
  'Fn::Base64': { summary: 'Base64-encodes a string; typically EC2 UserData.', syntax: '!Base64 !Sub |\n  #!/bin/bash\n  ...' },
  'Fn::Cidr': { summary: 'Returns a list of CIDR blocks: [ipBlock, count, cidrBits], where cidrBits is the number of host bits per subnet (8 → /24 in IPv4).', syntax: '!Cidr [!GetAtt Vpc.CidrBlock, 4, 8]' },
  'Fn::GetAZs': { summary: "Returns the Availability Zones of a Region ('' = the stack's Region).", syntax: "!GetAZs ''" },
  'Fn::ImportValue': { summary: 'Returns a value another stack exported from its Outputs (same account and Region). The exporting stack cannot delete or change that export while it is imported.', syntax: '!ImportValue NetworkStack-VpcId' },
  'Fn::Transform': { summary: 'Runs a macro on part of the template, e.g. AWS::Include to insert a snippet from S3.', syntax: "Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://...}}" },
  'Fn::ToJsonString': { summary: 'Turns an object or list into a JSON string (needs the AWS::LanguageExtensions transform).', syntax: '!ToJsonString {key: value}' },
  'Fn::Length': { summary: 'Returns the number of items in a list (needs the AWS::LanguageExtensions transform).', syntax: '!Length [a, b, c]' },
  'Fn::ForEach': { summary: 'Repeats a template fragment for each item of a list (needs the AWS::LanguageExtensions transform).', syntax: "Fn::ForEach::Buckets: [Name, [a, b], {'${Name}Bucket': {...}}]" },
  Condition: { summary: 'Inside Fn::And/Or/Not, refers to another named condition; on a resource or output, creates it only when the condition is true.', syntax: '!Condition IsProd' },
};

export const PSEUDO_DOCS: Record<string, string> = {
  'AWS::AccountId': 'The 12-digit ID of the account the stack is in.',
  'AWS::NotificationARNs': 'The SNS topic ARNs that receive this stack’s events.',
  'AWS::NoValue': 'Removes the property when returned from Fn::If.',
  'AWS::Partition': 'aws, aws-cn or aws-us-gov: use it to build ARNs that work in every partition.',
  'AWS::Region': 'The Region the stack is created in, e.g. us-east-1.',
  'AWS::StackId': 'The ARN of the stack.',
  'AWS::StackName': 'The name of the stack.',
  'AWS::URLSuffix': 'The domain suffix, usually amazonaws.com (amazonaws.com.cn in China).',
};

export const RESOURCE_ATTRIBUTE_DOCS: Record<string, string> = {
  Type: 'The resource type, e.g. AWS::S3::Bucket.',
  Properties: 'The settings of the resource; which ones exist depends on Type.',
  DependsOn: 'Creates this resource only after the named resources. Ref and GetAtt already imply that order.',
  Condition: 'Creates the resource only when the named condition is true.',
  DeletionPolicy: 'What happens to the resource when it is removed from the stack or the stack is deleted: Delete (default for most), Retain, RetainExceptOnCreate, or Snapshot (EBS volumes, RDS, ElastiCache, Neptune, Redshift).',
  UpdateReplacePolicy: 'What happens to the old physical resource when an update replaces it: Delete, Retain or Snapshot.',
  CreationPolicy: 'Waits for success signals (cfn-signal) or a count of instances before the resource is marked complete.',
  UpdatePolicy: 'How updates roll out for Auto Scaling groups, Lambda aliases (CodeDeploy), ElastiCache and OpenSearch domains.',
  Metadata: 'Data attached to the resource, e.g. AWS::CloudFormation::Init for cfn-init.',
};

export const PARAMETER_KEY_DOCS: Record<string, string> = {
  Type: 'String, Number, List<Number>, CommaDelimitedList, an AWS-specific type (AWS::EC2::VPC::Id, …) or an SSM parameter type.',
  Default: 'Used when no value is given at create or update time; it must satisfy the other constraints.',
  AllowedValues: 'The only values accepted (the console shows a drop-down).',
  AllowedPattern: 'A regular expression the whole String value must match.',
  ConstraintDescription: 'The message shown when a value breaks AllowedValues, AllowedPattern or the length/value limits.',
  Description: 'Shown next to the parameter in the console (up to 4,000 characters).',
  MaxLength: 'Longest accepted String value, in characters.',
  MinLength: 'Shortest accepted String value, in characters.',
  MaxValue: 'Largest accepted Number value.',
  MinValue: 'Smallest accepted Number value.',
  NoEcho: 'true masks the value as asterisks in the console, CLI and API (it is still visible in the template’s resolved values; prefer dynamic references to Secrets Manager or SSM SecureString).',
};

export const OUTPUT_KEY_DOCS: Record<string, string> = {
  Value: 'What the output returns: a literal, Ref, GetAtt, Sub, … (required).',
  Description: 'Free text shown with the output.',
  Export: 'Name under which other stacks in the same account and Region can read the value with Fn::ImportValue. An exported value cannot be changed or removed while another stack imports it.',
  Condition: 'Declare the output only when this condition is true.',
};
