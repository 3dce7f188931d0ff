import { getPair, isMap, keyText, type MapNode, type Pair } from '../../document/nodes';
import { BUILDSPEC_SPEC, PHASES } from '../../schema/buildspec';
import { checkStructure, type StructureResult } from '../appspec/structure';
import type { RuleContext } from '../types';

export const BUILDSPEC = ['buildspec'] as const;

/** Keys of the retired 0.0 format (pre-release CodeBuild), for hints. */
const OLD_FORMAT = ['environment_variables', 'containers'];

/** The shared table walk for a buildspec (cached per document). */
export function structureOf(ctx: RuleContext): StructureResult {
  return checkStructure(ctx.root, BUILDSPEC_SPEC, {
    label: 'buildspec',
    service: 'CodeBuild',
    // Real buildspecs keep `paths:` with every entry commented out; CodeBuild runs them.
    emptyRequired: 'warning',
    skipKey: (path, key) => {
      // runtime-versions in the wrong place is BUILDSPEC1010 (with a fix that moves it).
      if (key === 'runtime-versions') return !(path.length === 2 && path[0] === 'phases' && path[1] === 'install');
      return false;
    },
    hint: (path, key) => {
      if (path.length === 0 && ((PHASES as readonly string[]).includes(key) || key === 'commands')) return "Phases and their commands go under 'phases:'.";
      if (path.length === 0 && OLD_FORMAT.includes(key)) return 'It belongs to the retired 0.0 format; in 0.2 use env/variables and phases.';
      return undefined;
    },
  });
}

/** The `phases` mapping and its phase pairs, when written as a mapping. */
export function phasePairs(root: MapNode): { phases?: Pair; pairs: Pair[] } {
  const phases = getPair(root, 'phases');
  return { phases, pairs: phases && isMap(phases.value) ? phases.value.pairs : [] };
}

export function isPhase(p: Pair): boolean {
  return (PHASES as readonly string[]).includes(keyText(p));
}
