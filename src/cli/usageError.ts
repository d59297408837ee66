/**
 * Input that cannot be used at all: the CLI prints the one sentence and exits 2 — in English when the command was
 * run with `--lang en` and the sentence has an English form.
 */
export class UsageError extends Error {
  readonly en: string | undefined;

  constructor(message: string, en?: string) {
    super(message);
    this.name = 'UsageError';
    this.en = en;
  }
}
