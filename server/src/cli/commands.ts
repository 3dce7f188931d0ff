import type { CliIO } from './io';
import { runLint } from './lint';
import { runCidr } from './cidr';
import { runCapacity } from './capacity';
import { runExplain } from './explain';
import { runGraph } from './graph';
import { runResolve } from './resolve';

export type Command = (argv: string[], io: CliIO) => Promise<number>;

/** Each subcommand lives in its own module; add new ones here. */
export const commands: Record<string, Command> = {
  lint: runLint,
  cidr: runCidr,
  capacity: runCapacity,
  explain: runExplain,
  graph: runGraph,
  resolve: runResolve,
};
