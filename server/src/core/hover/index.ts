import type { TemplateDocument } from '../document/model';
import type { Kind } from '../kind';
import { cfnHover } from './cfn';
import type { HoverResult } from './types';

export type { HoverResult } from './types';

type KindHover = (doc: TemplateDocument, kind: Kind, offset: number) => HoverResult | null;

/** Per-kind hover providers; appspec and buildspec register theirs here. */
export const hoverProviders: Partial<Record<Kind, KindHover>> = {
  cfn: cfnHover,
  sam: cfnHover,
};

export function hoverAt(doc: TemplateDocument, kind: Kind, offset: number): HoverResult | null {
  return hoverProviders[kind]?.(doc, kind, offset) ?? null;
}
