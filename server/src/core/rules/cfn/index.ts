import type { Rule } from '../types';
import { capacityRules } from './capacity';
import { circularDependency } from './dependencies';
import { dynamodbKeyRules } from './dynamodbKeys';
import { cloudfrontAlias } from './cloudfrontAliases';
import { ec2IdRules } from './ec2Ids';
import { route53RecordValue } from './route53';
import { fargateTaskDefinition } from './ecsFargate';
import { iamRules } from './iam';
import { uniqueIdentifiers } from './identifiers';
import { intrinsicRules } from './intrinsics';
import { lambdaRules } from './lambda';
import { moduleAttributes } from './modules';
import { networkRules } from './network';
import { nestedStackRules } from './nestedStacks';
import { otherSectionRules } from './otherSections';
import { parameterRules } from './parameters';
import { resourceRules } from './resources';
import { retiredService } from './retired';
import { sectionRules } from './sections';
import { securityGroupRules } from './securityGroups';
import { sqsFifoRules } from './sqsFifo';
import { subNeeded } from './subNeeded';
import { languageExtensionsNeeded, transformName } from './transforms';

/** CloudFormation rules; they also run on SAM templates. */
export const cfnRules: Rule[] = [...sectionRules, ...parameterRules, ...resourceRules, ...intrinsicRules, ...otherSectionRules, ...networkRules, ...capacityRules, ...lambdaRules, circularDependency, subNeeded, ...iamRules, ...securityGroupRules, ...dynamodbKeyRules, ...sqsFifoRules, transformName, languageExtensionsNeeded, uniqueIdentifiers, ...nestedStackRules, retiredService, ...ec2IdRules, route53RecordValue, fargateTaskDefinition, cloudfrontAlias, moduleAttributes];
