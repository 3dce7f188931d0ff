/** Notes: parsing study-note files into passages, indexing them, finding them on disk. */
export { parseNotes, looksBinary, detectHeading, type NoteSection } from './parse';
export { NotesIndex, type NotesHit, type NotesSearchOptions } from './notesIndex';
export {
  findNotesFiles,
  discoverNotes,
  matchesNotesPatterns,
  DEFAULT_NOTES_PATTERNS,
  NOTES_LIMITS,
  type FindNotesOptions,
  type NotesDiscovery,
  type SkippedNote,
} from './files';
export { linksAsText } from './links';
export { decodeNotes, decodeNotesInChunks, type NotesEncoding } from './decode';
export { tokenize, SYNONYM_GROUPS } from './terms';
export { yieldTurns } from './pause';
