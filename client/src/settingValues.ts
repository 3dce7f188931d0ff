/**
 * A setting that should be a list of strings, as the user may really have written it (`null`, one
 * string, a list with numbers in it). Wrong shapes give no entries and a problem to show once.
 */
export function stringList(value: unknown, name: string): { list: string[]; problem?: string } {
  if (value === undefined || value === null) return { list: [] };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { list: value };
  return { list: [], problem: `Setting ${name} must be a list of paths or globs, such as ["notes/"]; it is ignored.` };
}
