/**
 * The front end of animica-vm (spec/SOURCE.md, spec/VALIDATION.md): the
 * contract AST (node types and fields named as in CPython's `ast` module),
 * source positions and the validator's rule table. The main entry
 * (`mod.ts`) re-exports `validate`, `parseContract` and the diagnostics.
 *
 * @example List the rules the validator enforces
 * ```ts
 * import { RULE_IDS, RULES } from "./validate.ts";
 *
 * for (const id of RULE_IDS.slice(0, 3)) console.log(id, RULES[id].hint);
 * ```
 *
 * @module
 */

export { formatDiagnostic, parseContract, validate } from "./lib/api.ts";
export { checkManifestAgainstSource, deriveAbi } from "./lib/compile/api.ts";
export type { DerivedAbi, DeriveProblem, ParamJson } from "./lib/compile/abi_from_source.ts";
export type { IntBounds } from "./lib/abi/bounds.ts";
export type { ManifestCheck } from "./lib/compile/manifest_check.ts";
export type { AbiEvent, AbiFunction, AbiParam, Manifest } from "./lib/abi/manifest.ts";
export type { AbiType } from "./lib/abi/types.ts";
export type { ManifestProblem } from "./lib/errors.ts";
export type { Diagnostic, Span } from "./lib/validate/diagnostic.ts";
export { RULE_IDS, RULES } from "./lib/validate/rules.ts";
export type { RuleId, RuleInfo } from "./lib/validate/rules.ts";
export { SourceText } from "./lib/validate/source.ts";
export type { Position } from "./lib/validate/source.ts";
export type { ValidationResult } from "./lib/validate/validate.ts";
// Node types of the contract AST (kinds and fields follow CPython's `ast` module).
export type * from "./lib/validate/ast.ts";
