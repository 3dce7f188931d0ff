import { compareCodes } from '../define';
import type { Rule } from '../types';
import { hookRules } from './hooks';
import { resourceRules } from './resources';
import { sectionRules } from './sections';
import { serverRules } from './server';
import { versionRules } from './version';

/** CodeDeploy appspec rules (APPSPEC1xxx), in code order. */
export const appspecRules: Rule[] = [...versionRules, ...sectionRules, ...serverRules, ...hookRules, ...resourceRules].sort((a, b) => compareCodes(a.code, b.code));
