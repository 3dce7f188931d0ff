/** Pure calculators (CIDR, DynamoDB, Kinesis, SQS FIFO, Lambda). Every result carries `steps`. */
export { CalcError, fmt, parseNumber, parseSizeKB } from './util';
export {
  analyzeCidr,
  normalizeCidr,
  isCidr,
  isValidVpcPrefix,
  isValidSubnetPrefix,
  cidrOverlap,
  findOverlaps,
  cidrContains,
  splitCidr,
  planVpcSubnets,
  evaluateFnCidr,
  cidrScope,
  AWS_RESERVED_PER_SUBNET,
  RESERVED_PURPOSES_V4,
  RESERVED_PURPOSES_V6,
  MAX_SUBNETS,
  FN_CIDR_MAX_COUNT,
} from './cidr';
export type {
  IpVersion,
  CidrInfo,
  SubnetInfo,
  CidrRelation,
  OverlapResult,
  SplitBy,
  SplitResult,
  VpcPlanInput,
  PlannedSubnet,
  VpcPlan,
  FnCidrResult,
} from './cidr';
export { dynamoDbCapacity, dynamoDbUnitsBuy, parseItemSizeKB, MAX_ITEM_KB } from './dynamodb';
export type { ReadConsistency, WriteMode, RatePer, DynamoDbInput, DynamoDbCapacity, DynamoDbUnitsInput, DynamoDbUnitsBuy } from './dynamodb';
export { kinesisShards } from './kinesis';
export type { FanOut, KinesisInput, KinesisLimit, KinesisShards } from './kinesis';
export { sqsFifoThroughput } from './sqs';
export type { SqsFifoInput, SqsFifoThroughput } from './sqs';
export { lambdaConcurrency, parseDurationSeconds } from './lambda';
export type { LambdaConcurrencyInput, LambdaConcurrency } from './lambda';
