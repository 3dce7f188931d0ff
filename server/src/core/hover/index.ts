import type { TemplateDocument } from '../document/model';
import type { Kind } from '../kind';
import { withCalcFacts } from './calc';
import { cfnHover } from './cfn';
import { appspecHover, buildspecHover } from './specs';
import type { HoverResult } from './types';

export type { HoverResult } from './types';

type KindHover = (doc: TemplateDocument, kind: Kind, offset: number) => HoverResult | null;

/** Per-kind hover providers; appspec and buildspec register theirs here. */
const hoverProviders: Partial<Record<Kind, KindHover>> = {
  cfn: withCalcFacts(cfnHover),
  sam: withCalcFacts(cfnHover),
  appspec: appspecHover,
  buildspec: buildspecHover,
};

export function hoverAt(doc: TemplateDocument, kind: Kind, offset: number): HoverResult | null {
  return hoverProviders[kind]?.(doc, kind, offset) ?? null;
}
