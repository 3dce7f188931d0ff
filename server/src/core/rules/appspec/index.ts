import type { Rule } from '../types';

/** CodeDeploy appspec rules. */
export const appspecRules: Rule[] = [];
