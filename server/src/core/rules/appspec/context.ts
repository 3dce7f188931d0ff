import { getPair, isMap, isScalar, keyText, type MapNode, type Node, type Pair } from '../../document/nodes';
import { APPSPEC_SPECS, appspecPlatform, type AppspecPlatform } from '../../schema/appspec';
import type { RuleContext } from '../types';
import { checkStructure, type StructureResult } from './structure';

export const APPSPEC = ['appspec'] as const;

/** Top-level sections only EC2/on-premises files have. */
export const SERVER_SECTIONS = ['os', 'files', 'permissions', 'file_exists_behavior'];

/** A top-level pair matched ignoring case (ECS/Lambda files are read that way). */
export function pairAnyCase(map: Node | undefined, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  const k = key.toLowerCase();
  for (let i = map.pairs.length - 1; i >= 0; i--) if (keyText(map.pairs[i]).toLowerCase() === k) return map.pairs[i];
  return undefined;
}

/** The platform the rules check against: detected from content, or undefined when unclear. */
export function platformOf(root: MapNode): AppspecPlatform | undefined {
  return appspecPlatform(root);
}

/** The hooks pair: exact `hooks` on EC2/on-premises (the agent reads only that), any case elsewhere. */
export function hooksPair(root: MapNode, platform: AppspecPlatform): Pair | undefined {
  return platform === 'server' ? getPair(root, 'hooks') : pairAnyCase(root, 'hooks');
}

export function isWindows(root: MapNode): boolean {
  const os = getPair(root, 'os')?.value;
  return isScalar(os) && typeof os.value === 'string' && os.value.trim().toLowerCase() === 'windows';
}

/** The shared table walk for this file's platform (cached per document). */
export function structureOf(ctx: RuleContext): StructureResult | undefined {
  const platform = platformOf(ctx.root);
  if (!platform) return undefined;
  return checkStructure(ctx.root, APPSPEC_SPECS[platform], {
    label: 'AppSpec',
    service: 'CodeDeploy',
    skipKey: (path, key) => {
      if (path.length !== 0) return false;
      const k = key.toLowerCase();
      // Sections of the other platform kind are reported once, by the mixed-platform rule.
      if (platform === 'server') return k === 'resources';
      return SERVER_SECTIONS.includes(key);
    },
    hint: (path, key) => {
      const inFiles = path[0] === 'files' && typeof path[1] === 'number';
      if (inFiles && /^(overwrite|replace|force)$/i.test(key)) return 'To replace files that already exist on the instance, set `file_exists_behavior: OVERWRITE` at the top level of the file.';
      if (inFiles && key === 'file_exists_behavior') return 'It belongs at the top level of the file, not inside a files entry.';
      if (path.length === 0 && platform === 'server' && /^version$/i.test(key)) return 'Write it in lower case: `version`.';
      return undefined;
    },
  });
}
