/**
 * Cross-check of a manifest against its contract source, run when a
 * contract is compiled: every ABI function must be a module-level function
 * with the same parameter names in the same order, keyword-only ones
 * after the positional ones (errors, with the
 * manifest's JSON path); a public function (name not starting with `_`)
 * missing from the ABI is a warning.
 */

import type { ManifestProblem } from "../errors.ts";
import type { Manifest } from "../abi/manifest.ts";
import type { FunctionDef, Module } from "../validate/ast.ts";
import { parameterNames } from "../validate/check_stmt.ts";

/** Errors (the pair cannot be deployed) and warnings (worth a look). */
export interface ManifestCheck {
  /** Mismatches that make the pair unusable. */
  readonly errors: readonly ManifestProblem[];
  /** Public functions left out of the ABI. */
  readonly warnings: readonly ManifestProblem[];
}

/** Compares the manifest's functions with the module's defs. (the public, guarded form is in ./api.ts). */
export function checkManifestAgainstSource(manifest: Manifest, module: Module): ManifestCheck {
  const defs = new Map<string, FunctionDef>();
  for (const stmt of module.body) if (stmt.kind === "FunctionDef") defs.set(stmt.name, stmt);
  const errors: ManifestProblem[] = [];
  manifest.functions.forEach((fn, index) => {
    const path = `abi.functions[${index}]`;
    const def = defs.get(fn.name);
    if (def === undefined) {
      errors.push({
        path: `${path}.name`,
        message: `function '${fn.name}' is not defined in ${manifest.entry}`,
      });
      return;
    }
    // Keyword-only parameters follow the positional ones as ordinary ABI inputs.
    const params = parameterNames(def);
    const declared = fn.inputs.map((param) => param.name);
    if (params.length !== declared.length) {
      errors.push({
        path: `${path}.inputs`,
        message: `${fn.name} takes ${params.length} parameter${params.length === 1 ? "" : "s"} (${
          params.join(", ")
        }) in ${manifest.entry}, the ABI lists ${declared.length}`,
      });
      return;
    }
    declared.forEach((name, i) => {
      if (params[i] !== name) {
        errors.push({
          path: `${path}.inputs[${i}].name`,
          message: `is '${name}' but parameter ${i + 1} of ${fn.name} is '${params[i]}'`,
        });
      }
    });
  });
  const exported = new Set(manifest.functions.map((fn) => fn.name));
  const warnings = [...defs.keys()]
    .filter((name) => !name.startsWith("_") && !exported.has(name))
    .map((name) => ({
      path: "abi.functions",
      message: `public function '${name}' is not in the ABI (prefix it with _ to mark it private)`,
    }));
  return { errors, warnings };
}
