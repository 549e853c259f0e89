/** What a child process of a loading test reports for one step: its value, or the error it threw. */

/** A step's value as text, or the thrown error's class and message. */
export type StepOutcome = { value: string } | { error: string; message: string };

/** The outcome of `step`. */
export function outcome(step: () => unknown): StepOutcome {
  try {
    return { value: String(step()) };
  } catch (error) {
    return error instanceof Error
      ? { error: error.constructor.name, message: error.message }
      : { error: "?", message: String(error) };
  }
}
