/** What a CLI subcommand may touch, so tests can run it in-process and read what it printed. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  cwd: process.cwd(),
};

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export class UsageError extends Error {}

/**
 * Minimal flag parser: `--name value`, `--name=value`, boolean flags, repeated flags collect.
 * Unknown flags are a usage error so typos are not silently ignored.
 */
export function parseArgs(
  argv: string[],
  spec: { values?: string[]; booleans?: string[]; repeat?: string[] },
): { flags: Record<string, string | boolean | string[]>; positional: string[] } {
  const values = new Set(spec.values ?? []);
  const booleans = new Set(spec.booleans ?? []);
  const repeat = new Set(spec.repeat ?? []);
  const flags: Record<string, string | boolean | string[]> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (booleans.has(name)) {
      flags[name] = true;
    } else if (values.has(name) || repeat.has(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      if (repeat.has(name)) flags[name] = [...((flags[name] as string[]) ?? []), v];
      else flags[name] = v;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { flags, positional };
}

/**
 * Run a calculator subcommand: bad input (a usage mistake or a value the calculator rejects) is
 * reported on stderr with exit code 2, and usage mistakes also print the usage text.
 */
export function calculatorCommand(name: string, usage: string, isInputError: (e: unknown) => boolean, run: (argv: string[], io: CliIO) => number) {
  return async (argv: string[], io: CliIO): Promise<number> => {
    try {
      return run(argv, io);
    } catch (e) {
      if (e instanceof UsageError || isInputError(e)) {
        io.err(`aws-notes ${name}: ${(e as Error).message}`);
        if (e instanceof UsageError) io.err(usage);
        return EXIT.usage;
      }
      throw e;
    }
  };
}
