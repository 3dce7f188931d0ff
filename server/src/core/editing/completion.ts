/**
 * Completion for CloudFormation/SAM templates, AppSpec and buildspec files, as plain data the LSP
 * handler translates. The structure around the cursor comes from cursor.ts (text, so it works
 * while the document is half-typed); what to offer comes from the spec tables and the parsed
 * template's index (names of parameters, resources, conditions, mappings).
 */
import { attributesOf } from '../cfn/getatt';
import type { TemplateDocument } from '../document/model';
import { locate } from '../document/locate';
import { intrinsicName, isScalar, isSeq, type MapNode, type Node } from '../document/nodes';
import type { Kind } from '../kind';
import { specDoc } from '../schema/cfnDocs';
import { resourceSpec } from '../schema/resourceView';
import { SAM_TYPES } from '../schema/sam';
import { cfnCompletions, subVariableCompletions } from './cfnCompletion';
import { cursorAt } from './cursor';
import { specCompletions } from './specCompletion';
import type { CompletionItem, CompletionResult } from './types';

const EMPTY: CompletionResult = { items: [], isIncomplete: false };

export function completeAt(doc: TemplateDocument, kind: Kind, offset: number): CompletionResult {
  if (doc.skipped) return EMPTY;
  if (kind === 'cfn' || kind === 'sam') {
    // Inside a scalar that began on an earlier line (a block `|` script, a folded description),
    // only `${...}` variables of a Sub string make sense.
    const scalar = multiLineScalarAt(doc, offset);
    if (scalar) return scalar.sub ? { items: subVariableCompletions(doc, offset, scalar.node, scalar.sub), isIncomplete: false } : EMPTY;
  } else if (multiLineScalarAt(doc, offset)) return EMPTY;
  const cur = cursorAt(doc, offset);
  if (!cur) return EMPTY;
  if (kind === 'cfn' || kind === 'sam') return cfnCompletions(doc, kind, offset, cur);
  return { items: specCompletions(doc, kind, offset, cur), isIncomplete: false };
}

/** The scalar containing the offset when it started on an earlier line, and the Sub call it is the string of. */
function multiLineScalarAt(doc: TemplateDocument, offset: number): { node: Node; sub?: MapNode } | undefined {
  if (!doc.root) return undefined;
  const loc = locate(doc.root, offset);
  const last = loc.steps[loc.steps.length - 1];
  if (!last || loc.onKey || !isScalar(last.node) || typeof last.node.value !== 'string') return undefined;
  const n = last.node;
  const lineStart = doc.lines.lineStart(doc.lines.positionAt(offset).line);
  if (n.start >= lineStart || offset > n.end || offset <= n.start) return undefined;
  // `!Sub |` (the scalar is the call's value) or `Fn::Sub: [ |, {...}]` (its first item).
  const parent = loc.steps[loc.steps.length - 2]?.node;
  const grand = loc.steps[loc.steps.length - 3]?.node;
  let sub: MapNode | undefined;
  if (intrinsicName(parent) === 'Fn::Sub') sub = parent as MapNode;
  else if (isSeq(parent) && parent.items[0] === n && intrinsicName(grand) === 'Fn::Sub') sub = grand as MapNode;
  return { node: n, sub };
}

/** Fill in the documentation of an item that carries a `docRef`. */
export function resolveCompletion(item: CompletionItem): CompletionItem {
  if (!item.docRef || item.documentation) return item;
  const documentation = completionDocumentation(item.docRef);
  return documentation ? { ...item, documentation } : item;
}

/** `type:AWS::S3::Bucket` → what the type is, its required properties and attributes. */
export function completionDocumentation(ref: string): string | undefined {
  if (!ref.startsWith('type:')) return undefined;
  const type = ref.slice(5);
  const sam = SAM_TYPES[type];
  const parts: string[] = [sam?.doc ?? specDoc(type) ?? ''];
  const spec = resourceSpec(type);
  const required = spec ? Object.entries(spec.p).filter(([, p]) => p.r).map(([n]) => n) : sam?.required ?? [];
  if (required.length) parts.push(`Required properties: ${required.map((r) => `\`${r}\``).join(', ')}`);
  const attrs = attributesOf(type) ?? [];
  if (attrs.length) parts.push(`GetAtt attributes: ${attrs.slice(0, 12).map((a) => `\`${a}\``).join(', ')}${attrs.length > 12 ? ', …' : ''}`);
  const text = parts.filter(Boolean).join('\n\n');
  return text || undefined;
}
