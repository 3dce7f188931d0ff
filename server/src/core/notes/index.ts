/** Notes: parsing study-note files into passages, indexing them, finding them on disk. */
export { parseNotes, looksBinary, detectHeading, type NoteSection } from './parse';
export { NotesIndex, type NotesHit, type NotesSearchOptions } from './notesIndex';
export { findNotesFiles, DEFAULT_NOTES_PATTERNS, type FindNotesOptions } from './files';
export { tokenize, SYNONYM_GROUPS } from './terms';
