/** Completion items as plain data (the LSP handler translates them); its own module so the completion modules need not import each other. */
export type CompletionKind =
  | 'section' | 'type' | 'property' | 'key' | 'value' | 'attribute' | 'resource' | 'parameter' | 'condition'
  | 'mapping' | 'mapKey' | 'function' | 'pseudo' | 'variable' | 'hook' | 'phase';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert instead of the label. */
  insertText?: string;
  /** insertText uses snippet syntax (`${1}`, `${1|a,b|}`). */
  isSnippet?: boolean;
  sortText?: string;
  filterText?: string;
  /** The range the item replaces (the word being typed); the cursor is inside it. */
  replace?: { start: number; end: number };
  /** Open completion again after inserting (`!Ref ` → the targets). */
  retrigger?: boolean;
  /** Documentation too costly to build for every item (resource types): fill in on resolve. */
  docRef?: string;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** More items exist than were sent: ask again as the user types. */
  isIncomplete: boolean;
}
