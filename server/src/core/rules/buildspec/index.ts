import type { Rule } from '../types';

/** CodeBuild buildspec rules. */
export const buildspecRules: Rule[] = [];
