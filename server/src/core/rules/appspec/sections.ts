import { getPair, isMap, isSeq, keyText } from '../../document/nodes';
import { PLATFORM_LABEL } from '../../schema/appspec';
import { kindRule } from '../define';
import type { RawFinding, Rule } from '../types';
import { APPSPEC, pairAnyCase, platformOf, SERVER_SECTIONS, structureOf } from './context';
import type { StructureResult } from './structure';

/** A rule that reports one category of the shared table walk. */
function fromStructure(code: string, title: string, severity: Rule['severity'], pick: (s: StructureResult) => RawFinding[]): Rule {
  return {
    code,
    kinds: APPSPEC,
    severity,
    title,
    check(ctx) {
      const s = structureOf(ctx);
      return s ? pick(s) : [];
    },
  };
}

export const appspecUnknownKey = fromStructure('APPSPEC1003', 'Unknown key in an AppSpec file', 'error', (s) => s.unknownKey);
export const appspecWrongType = fromStructure('APPSPEC1004', 'AppSpec value has the wrong type', 'error', (s) => s.wrongType);
export const appspecNotAllowed = fromStructure('APPSPEC1005', 'AppSpec value not allowed', 'error', (s) => s.notAllowed);
export const appspecRequired = fromStructure('APPSPEC1006', 'Required AppSpec key missing', 'error', (s) => s.required);
export const appspecBlank = fromStructure('APPSPEC1007', 'Blank or empty AppSpec value', 'warning', (s) => s.blank);

export const appspecPlatformRule = kindRule(APPSPEC, 'APPSPEC1008', 'AppSpec file mixes platforms or does not say what it deploys', [], ({ root }) => {
  const platform = platformOf(root);
  const resources = pairAnyCase(root, 'Resources');
  const serverPairs = SERVER_SECTIONS.map((k) => getPair(root, k)).filter((p) => p !== undefined);
  if (platform === 'ecs' || platform === 'lambda') {
    return serverPairs.map((p) => ({
      message: `'${keyText(p)}' is an EC2/on-premises section, but this file deploys to ${PLATFORM_LABEL[platform]} (it has 'Resources'). CodeDeploy does not use it here; remove it, or split the file.`,
      start: p.key.start,
      end: p.key.end,
    }));
  }
  if (platform === 'server') {
    if (!resources) return [];
    return [{
      message: `'${keyText(resources)}' belongs to ECS and Lambda AppSpec files; this one deploys to EC2/on-premises instances (it has ${serverPairs.length ? `'${keyText(serverPairs[0])}'` : 'a hooks mapping'}). One file cannot do both.`,
      start: resources.key.start,
      end: resources.key.end,
    }];
  }
  if (resources && !isSeq(resources.value)) return []; // the shape is reported where the platform is known
  const hooks = pairAnyCase(root, 'hooks');
  if (resources && isSeq(resources.value) && resources.value.items.length === 0) {
    return [{ message: "'Resources' is empty: list the ECS service (TargetService) or Lambda function to deploy.", start: resources.key.start, end: resources.key.end }];
  }
  if (resources || (hooks && !isMap(hooks.value) && !isSeq(hooks.value))) return [];
  const at = root.pairs[0]?.key ?? root;
  return [{
    message: "This AppSpec file does not say what it deploys. For EC2/on-premises add 'os' with 'files' and/or 'hooks'; for ECS or Lambda add 'Resources' with the service or function.",
    start: at.start,
    end: at.end,
    severity: 'warning',
  }];
});

export const sectionRules: Rule[] = [appspecUnknownKey, appspecWrongType, appspecNotAllowed, appspecRequired, appspecBlank, appspecPlatformRule];
