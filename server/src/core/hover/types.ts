export interface HoverResult {
  /** The term the hover explains (also what the notes index is searched for). */
  term: string;
  /** Extra context for the search, e.g. the resource type a property belongs to. */
  context?: string;
  markdown: string;
  start: number;
  end: number;
}
