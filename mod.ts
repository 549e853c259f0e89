/**
 * animica-vm: a deterministic, gas-metered VM for smart contracts written in
 * a strict subset of Python 3.11. This module is the one public API; it
 * only re-exports.
 *
 * @example
 * ```ts
 * import { formatDiagnostic, validate } from "@animica/vm-py";
 * const result = validate("def f(x):\n    return x / 2\n", "f.py");
 * if (!result.ok) {
 *   for (const d of result.diagnostics) console.log(formatDiagnostic(d, result.source));
 * }
 * ```
 *
 * @module
 */

export { formatDiagnostic, parseContract, validate } from "./lib/api.ts";
export { AnimicaError, InternalError, ValidationError } from "./lib/errors.ts";
export type { Diagnostic, Span } from "./lib/validate/diagnostic.ts";
export { RULE_IDS, RULES } from "./lib/validate/rules.ts";
export type { RuleId, RuleInfo } from "./lib/validate/rules.ts";
export { SourceText } from "./lib/validate/source.ts";
export type { Position } from "./lib/validate/source.ts";
export type { ValidationResult } from "./lib/validate/validate.ts";
export type * as ast from "./lib/validate/ast.ts";
