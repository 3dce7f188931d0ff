import type { RawFinding, Rule } from '../types';
import type { StructureResult } from '../appspec/structure';
import { BUILDSPEC, structureOf } from './context';

/** A rule that reports one category of the shared table walk. */
function fromStructure(code: string, title: string, severity: Rule['severity'], pick: (s: StructureResult) => RawFinding[]): Rule {
  return { code, kinds: BUILDSPEC, severity, title, check: (ctx) => pick(structureOf(ctx)) };
}

export const buildspecUnknownKey = fromStructure('BUILDSPEC1003', 'Unknown key in a buildspec', 'error', (s) => s.unknownKey);
export const buildspecWrongType = fromStructure('BUILDSPEC1004', 'Buildspec value has the wrong type', 'error', (s) => s.wrongType);
export const buildspecNotAllowed = fromStructure('BUILDSPEC1005', 'Buildspec value not allowed', 'error', (s) => s.notAllowed);
export const buildspecRequired = fromStructure('BUILDSPEC1006', 'Required buildspec key missing', 'error', (s) => s.required);
export const buildspecBlank = fromStructure('BUILDSPEC1007', 'Blank or empty buildspec value', 'warning', (s) => s.blank);

export const sectionRules: Rule[] = [buildspecUnknownKey, buildspecWrongType, buildspecNotAllowed, buildspecRequired, buildspecBlank];
