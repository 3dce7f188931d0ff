import type { CliIO } from '../../server/src/cli/io';

/** A CliIO that records what a command printed, running in `cwd`. */
export function fakeIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    cwd,
    out(t: string) {
      io.stdout += t.endsWith('\n') ? t : t + '\n';
    },
    err(t: string) {
      io.stderr += t.endsWith('\n') ? t : t + '\n';
    },
  };
  return io;
}

/** Run one CLI command in this process: its exit code, what it printed, and stdout as JSON. */
export async function runCli(cmd: (argv: string[], io: CliIO) => Promise<number> | number, argv: string[]) {
  const io = fakeIO(process.cwd());
  const code = await cmd(argv, io);
  return { code, io, json: () => JSON.parse(io.stdout) };
}
