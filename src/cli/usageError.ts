/** Input that cannot be used at all: the CLI prints the one sentence and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
