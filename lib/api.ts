/**
 * The public functions of animica-vm's front end, as `mod.ts` exports them:
 * thin wrappers that route every unexpected exception into InternalError.
 * Keep logic out of here; it belongs in validate/, compile/ or runtime/.
 */

import { SOURCE_LIMITS } from "./compile/compile.ts";
import { guarded, ValidationError } from "./errors.ts";
import type { Module } from "./validate/ast.ts";
import { formatDiagnostic as formatOne } from "./validate/diagnostic.ts";
import type { Diagnostic } from "./validate/diagnostic.ts";
import type { SourceText } from "./validate/source.ts";
import { validateSource, type ValidationResult } from "./validate/validate.ts";

/**
 * Parses and validates contract source against the animica Python subset.
 * Never throws for bad input: problems come back as diagnostics.
 *
 * @example
 * ```ts
 * import { validate } from "@animica/vm-py";
 * const result = validate("def get() -> int:\n    return 1\n", "counter.py");
 * console.log(result.ok); // true
 * ```
 */
export function validate(source: Uint8Array | string, file = "<contract>"): ValidationResult {
  return guarded(() => validateSource(source, file, SOURCE_LIMITS));
}

/**
 * Parses and validates contract source, returning the AST; throws
 * ValidationError (with every diagnostic) when the source is rejected.
 *
 * @example
 * ```ts
 * import { parseContract } from "@animica/vm-py/validate";
 * const module = parseContract("X = 1\n");
 * console.log(module.body[0]?.kind); // "Assign"
 * ```
 */
export function parseContract(source: Uint8Array | string, file = "<contract>"): Module {
  const result = validate(source, file);
  if (!result.ok) throw new ValidationError(result.diagnostics);
  return result.module;
}

/**
 * Formats a diagnostic for people: `file:line:col: rule: message`, the
 * source line, a caret under the problem and a hint.
 *
 * @example
 * ```ts
 * import { formatDiagnostic, validate } from "@animica/vm-py";
 * const result = validate("x = 1 / 2\n", "a.py");
 * for (const d of result.diagnostics) console.log(formatDiagnostic(d, result.source));
 * ```
 */
export function formatDiagnostic(diagnostic: Diagnostic, source: SourceText): string {
  return guarded(() => formatOne(diagnostic, source));
}
