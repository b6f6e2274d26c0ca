/** A bundled rubric failed validation: the message names file, path and problem; `issues` lists them all. */
export class RubricError extends Error {
  constructor(
    message: string,
    readonly issues: { file: string; path: string; message: string }[],
  ) {
    super(message);
    this.name = 'RubricError';
  }
}
