/**
 * A mistake in how a command was called (an unknown study, stage or flag). The CLI prints its message,
 * which is one line naming the valid choices, writes nothing, and exits 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
