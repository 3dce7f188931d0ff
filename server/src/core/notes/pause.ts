/** Empty turns the build yields after each slice: a request takes several turns to be answered. */
const YIELD_TURNS = 4;

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

/**
 * How the notes build pauses between slices of work: a few event-loop turns, because the language
 * server reads a request in one turn and answers it in the next ones, so a single turn between
 * slices made each hover wait several slices.
 */
export async function yieldTurns(): Promise<void> {
  for (let i = 0; i < YIELD_TURNS; i++) await nextTurn();
}
