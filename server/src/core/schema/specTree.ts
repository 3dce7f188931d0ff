/**
 * The tree of key specs that AppSpec and buildspec tables are written in, and the lookups over it
 * (the spec at a path, what a hover or completion shows for a key).
 */

export type SpecType = 'map' | 'list' | 'string' | 'int' | 'bool' | 'scalar' | 'stringOrList' | 'any';

export interface SpecNode {
  /** What the key means, for hovers. */
  doc: string;
  /** The value's shape; absent means anything goes. */
  type?: SpecType;
  /** Allowed scalar values (completion offers them; a rule checks them). */
  allowed?: string[];
  /** Values outside `allowed` that are still fine (e.g. `RETRY-3`). */
  pattern?: RegExp;
  /** `allowed` is compared ignoring case (the service accepts any case). */
  allowedAnyCase?: boolean;
  /** Known keys of a mapping. */
  keys?: Record<string, SpecNode>;
  /** Keys the author names (variables, report groups, functions): each gets this spec. */
  anyKey?: SpecNode;
  /** Spec of each list item. */
  items?: SpecNode;
  /** Keys a mapping must have. */
  required?: string[];
  /** Keys of this mapping match ignoring case (ECS and Lambda AppSpec files are read that way). */
  anyCase?: boolean;
  /** A dedicated rule checks the key names here; the generic unknown-key check stays out. */
  ownKeyRule?: boolean;
  /** A dedicated rule checks this value's shape; the generic type check stays out. */
  ownTypeRule?: boolean;
  /** Read by some tools but not documented: accepted, not offered in completion. */
  hidden?: boolean;
}

/** What a hover or completion handler shows for one key. */
export interface KeyInfo {
  description: string;
  allowed?: string[];
  /** Keys that may appear in the mapping under this key (for completion). */
  children?: string[];
}

/** A key of `spec.keys` matching `key` (ignoring case where the spec says so). */
export function specKey(spec: SpecNode, key: string): string | undefined {
  if (!spec.keys) return undefined;
  if (key in spec.keys) return key;
  if (spec.anyCase) {
    const k = key.toLowerCase();
    return Object.keys(spec.keys).find((n) => n.toLowerCase() === k);
  }
  return undefined;
}

/** The spec of the value at `path` (keys and list indexes from the root), or undefined. */
export function specAt(root: SpecNode, path: readonly (string | number)[]): SpecNode | undefined {
  let cur: SpecNode | undefined = root;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') {
      cur = cur.items;
    } else {
      const k = specKey(cur, seg);
      cur = k !== undefined ? cur.keys![k] : cur.anyKey;
    }
  }
  return cur;
}

/** Hover/completion info for a spec node. */
export function keyInfoOf(spec: SpecNode, extra?: string): KeyInfo {
  const children = spec.keys ? Object.entries(spec.keys).filter(([, s]) => !s.hidden).map(([k]) => k) : undefined;
  const allowed = spec.allowed ?? (spec.type === 'bool' ? ['true', 'false'] : undefined);
  return {
    description: extra ? `${spec.doc}\n\n${extra}` : spec.doc,
    ...(allowed ? { allowed } : {}),
    ...(children?.length ? { children } : {}),
  };
}
