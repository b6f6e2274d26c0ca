/**
 * Resolves in a later task of the event loop (a timer of 0), so the caller's work before and after it runs as
 * two tasks: a page stays responsive while a long job (validating a rubric) goes on, and no single task blocks
 * input for long. Works the same in Node (the CLI), where it costs a timer's turn.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
