/**
 * The one error hierarchy of animica-vm.
 *
 * Every failure the library reports is an instance of {@link AnimicaError},
 * told apart by `instanceof` and a stable `code`. Anything else escaping the
 * library is a bug; `mod.ts` wraps such a value in {@link InternalError}.
 * This file must not import from compile/ or runtime/: validate/ sits below
 * them and uses it too.
 */

import type { Diagnostic } from "./validate/diagnostic.ts";

/** Base class of every error the library raises on purpose. */
export abstract class AnimicaError extends Error {
  /** Stable machine-readable identifier of the failure family. */
  abstract readonly code: string;
}

/**
 * The contract source was rejected: it is not valid UTF-8, not Python 3.11
 * syntax, or breaks a rule of the animica subset.
 */
export class ValidationError extends AnimicaError {
  readonly code = "validation";
  /** Every problem found, sorted by position (at least one). */
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    const summary = first === undefined
      ? "Source was rejected"
      : `${first.file}:${first.line}:${first.column}: ${first.rule}: ${first.message}`;
    super(summary);
    this.name = "ValidationError";
    this.diagnostics = diagnostics;
  }
}

/** A bug in animica-vm itself: an unexpected JS exception, wrapped. */
export class InternalError extends AnimicaError {
  readonly code = "internal";

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "InternalError";
  }
}

/**
 * Runs `operation`, letting AnimicaError through and wrapping anything else
 * (a bug) in InternalError, so callers only ever see the hierarchy above.
 */
export function guarded<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof AnimicaError) throw error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new InternalError(`Internal error in animica-vm: ${detail}`, { cause: error });
  }
}
