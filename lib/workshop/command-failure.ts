/**
 * A command that was called correctly but could not do its work for a reason outside the program (no
 * AWS credentials, access denied). The CLI prints its message as one line and exits 1, without a
 * stack trace: the message says what to do.
 */
export class CommandFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandFailure';
  }
}
