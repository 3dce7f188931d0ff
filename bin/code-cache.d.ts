export function loadWithCodeCache(file: string, parent?: NodeJS.Module): unknown;
