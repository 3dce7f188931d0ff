/**
 * The environment the language server starts in: the editor's, without NODE_EXTRA_CA_CERTS. Node
 * reads and parses that certificate bundle before running any code (about 45 ms for a system
 * bundle on a two-core machine), and the server never opens a network connection, so the variable
 * only delays the first diagnostics.
 */
export function serverEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && k !== 'NODE_EXTRA_CA_CERTS') out[k] = v;
  return out;
}
