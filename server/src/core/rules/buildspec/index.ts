import { compareCodes } from '../define';
import type { Rule } from '../types';
import { artifactRules } from './artifacts';
import { batchRules } from './batch';
import { envRules } from './env';
import { phaseRules } from './phases';
import { sectionRules } from './sections';
import { versionRules } from './version';

/** CodeBuild buildspec rules (BUILDSPEC1xxx), in code order. */
export const buildspecRules: Rule[] = [...versionRules, ...sectionRules, ...phaseRules, ...envRules, ...batchRules, ...artifactRules].sort((a, b) => compareCodes(a.code, b.code));
