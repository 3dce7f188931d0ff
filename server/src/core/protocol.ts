/**
 * The custom messages between the extension client and the language server, typed once for both
 * sides: the method name travels with its params and result types. Plain types only (no LSP
 * imports) so the client bundle and core can both read it.
 */
import type { Kind } from './kindNames';

/** A request (or notification, with `R = void`) the two sides agree on. */
export interface Message<P, R = void> {
  method: string;
  /** Never set: carries the types. */
  readonly types?: { params: P; result: R };
}

/** One row of "AWS Notes: Search Notes". */
export interface SearchItem {
  label: string;
  detail: string;
  /** Set for notes passages: where to open. */
  uri?: string;
  line?: number;
  /** Set for knowledge-base entries: the term to explain. */
  term?: string;
}

/** Where the user's notes are: workspace folders and the files, folders or globs to index. */
export interface NotesConfig {
  /** Workspace folders (file system paths) relative patterns are resolved against. */
  roots: string[];
  /**
   * Files, folders or globs from workspace settings; both lists empty means the defaults (a
   * notes/ folder, *notes*.md|txt). Only files whose real path (after links and glob expansion)
   * is inside a workspace folder are indexed: someone else may have written these.
   */
  patterns: string[];
  /** Paths from the user's own settings: taken as written, may point anywhere. */
  userPatterns?: string[];
  /** Caps (settings `awsNotes.notes.maxFiles`, `awsNotes.notes.maxFileSizeMB`). */
  maxFiles?: number;
  maxFileSizeMB?: number;
}

/** Background notes indexing progress (for the status bar). */
export interface NotesProgress {
  done: number;
  total: number;
}

export interface Explained {
  term: string;
  markdown: string;
}

/** client → server: search the notes index and the knowledge base. */
export const SEARCH_NOTES: Message<{ query: string }, SearchItem[]> = { method: 'awsNotes/searchNotes' };
/** client → server: explain a term the user typed or selected. */
export const EXPLAIN: Message<{ term: string }, Explained> = { method: 'awsNotes/explain' };
/** client → server: what the notes say about a finding's topic ("Explain from my notes"). */
export const EXPLAIN_FINDING: Message<{ code: string }, Explained | null> = { method: 'awsNotes/explainFinding' };
/** The client command a finding's "Explain from my notes" code action runs (argument: the code). */
export const EXPLAIN_FINDING_COMMAND = 'awsNotes.explainFinding';
/** client → server: the kind of an open document. */
export const DOCUMENT_KIND_REQUEST: Message<{ uri: string }, Kind | null> = { method: 'awsNotes/documentKind' };
/** server → client, after each check: the kind of a document (for the status bar). */
export const DOCUMENT_KIND: Message<{ uri: string; kind: Kind | null }> = { method: 'awsNotes/documentKind' };
/** client → server: the notes configuration changed. */
export const NOTES_CONFIG: Message<NotesConfig> = { method: 'awsNotes/notesConfig' };
/**
 * server → client, on every server start: the current notes configuration (initialization options
 * are fixed at activation and would be stale after a restart).
 */
export const READ_NOTES_CONFIG: Message<null, NotesConfig | null> = { method: 'awsNotes/readNotesConfig' };
/** server → client: notes indexing progress. */
export const NOTES_PROGRESS: Message<NotesProgress> = { method: 'awsNotes/notesProgress' };

/** One node of the template graph as the editor shows it: where its entry is, 0-based lines. */
export interface GraphViewNode {
  id: string;
  type: string;
  kind: 'resource' | 'parameter' | 'output';
  service?: string;
  parent?: string;
  condition?: string;
  implicit?: boolean;
  /** The entry's key (reveal) and the lines the whole entry spans (selection → node). */
  line: number;
  character: number;
  endLine: number;
}

/** A parameter the what-if view offers: its type, Default and AllowedValues, and the value used. */
export interface WhatIfParameter {
  name: string;
  type: string;
  default?: string;
  allowedValues?: string[];
  value?: string;
}

/** The graph and the what-if resolution of one template, for the "Template Graph" view. */
export interface TemplateView {
  uri: string;
  version: number;
  nodes: GraphViewNode[];
  edges: { from: string; to: string; kind: 'ref' | 'getatt' | 'sub' | 'dependsOn' }[];
  region: string;
  parameters: WhatIfParameter[];
  /** null: depends on a value only known at deploy time. */
  conditions: Record<string, boolean | null>;
  /** Resources and outputs the chosen values leave out (dimmed in the graph). */
  removed: string[];
  /** The resolved template as YAML. */
  resolved: string;
}

/** client → server: graph and what-if of a template (null when the document is not a CloudFormation/SAM template). */
export const TEMPLATE_VIEW: Message<{ uri: string; parameters?: Record<string, string>; region?: string }, TemplateView | null> = { method: 'awsNotes/templateView' };
