/** An argument the server rejects itself, before any upstream call (BAD_USER_INPUT). */
export class BadInputError extends Error {
  override readonly name = 'BadInputError';
  readonly argument: string | undefined;

  constructor(message: string, argument?: string) {
    super(message);
    this.argument = argument;
  }
}
