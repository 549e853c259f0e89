/**
 * The two sides of the argument-binding sweep (tests/bind_sweep_test.ts):
 * a call shape's outcome class in the VM and under CPython 3.11
 * (tests/support/bind_oracle.py), and the known differences that are an
 * implementation's semantics rather than binding. An outcome class is the
 * value's JSON text, or the exception type, with a TypeError raised by
 * argument binding (arity, unknown or repeated keyword, positional-only or
 * keyword-only rule) told apart from any other TypeError, so that a call
 * the binder refuses never passes for one the implementation refuses.
 */

import type { CallableInfo, ParamKind, Signature } from "../../lib/compile/opcodes.ts";
import { BUILTINS, METHODS } from "../../lib/compile/opcodes_generated.ts";
import { compileContract } from "../../ir.ts";
import { stringifyJson } from "../../abi.ts";
import { valueJson } from "../../runtime.ts";
import { runPythonText } from "./python.ts";
import { callCompiled } from "./runtime.ts";

const ORACLE = new URL("./bind_oracle.py", import.meta.url);
const SIGNATURES = new URL("./bind_signatures.py", import.meta.url);

/**
 * CPython's (3.11) messages for a call its argument parsing refuses, and
 * the VM binder's (lib/runtime/bind.ts), which follow them.
 */
const BINDING_MESSAGE = new RegExp(
  [
    "takes (no|exactly|at most|at least|from) ",
    "takes no keyword arguments",
    "expected (at most |at least )?\\d+ arguments?, got",
    "given by name \\('\\w+'\\) and position",
    "missing (required|\\d+ required)",
    "missing string argument",
    "unexpected keyword argument",
    "is an invalid keyword argument",
    "got multiple values for",
    "positional-only arguments passed as keyword",
    "keyword arguments? (is|are) not supported",
  ].join("|"),
);

/** The class of an outcome: `ok <json>`, `<ExceptionType>`, or `TypeError (binding)`. */
export function errorClass(type: string, message: string): string {
  return type === "TypeError" && BINDING_MESSAGE.test(message) ? "TypeError (binding)" : type;
}

/** An outcome of `main()`: its value's JSON text, or the exception's type and message. */
export interface Outcome {
  readonly ok?: string;
  readonly error?: string;
  readonly message?: string;
}

/** The VM's outcome of `main()` of `source`, or null when it does not compile. */
export function vmOutcome(source: string): Outcome | null {
  let compiled;
  try {
    compiled = compileContract(source);
  } catch {
    return null;
  }
  const result = callCompiled(compiled, { gasLimit: 50_000_000 });
  if (result.failure === null) return { ok: stringifyJson(valueJson(result.value)) };
  return { error: result.failure.type, message: result.failure.message };
}

/** The class of an outcome (see {@link errorClass}). */
export function outcomeClass(outcome: Outcome): string {
  return outcome.ok !== undefined
    ? `ok ${outcome.ok}`
    : errorClass(outcome.error ?? "", outcome.message ?? "");
}

/** The VM's outcome class of `main()` of `source` (`refused` when it does not compile). */
export function vmOutcomeClass(source: string): string {
  const outcome = vmOutcome(source);
  return outcome === null ? "refused" : outcomeClass(outcome);
}

/** CPython's outcomes of `main()` of each source, in one python3 process. */
export async function cpythonOutcomes(sources: readonly string[]): Promise<Outcome[]> {
  return JSON.parse(await runPythonText(ORACLE, JSON.stringify(sources)));
}

/** CPython's outcome classes of `main()` of each source, in one python3 process. */
export async function cpythonOutcomeClasses(sources: readonly string[]): Promise<string[]> {
  return (await cpythonOutcomes(sources)).map(outcomeClass);
}

/**
 * `expr: VM …, CPython …` for each expression whose outcome class as
 * `main()`'s return differs from CPython's; `documented` gives the class
 * the VM answers by a documented rule for some expressions instead.
 */
export async function expressionMismatches(
  exprs: readonly string[],
  documented: ReadonlyMap<string, string> = new Map(),
): Promise<string[]> {
  const sources = exprs.map((expr) => `def main():\n    return ${expr}\n`);
  const expected = await cpythonOutcomeClasses(sources);
  return sources.flatMap((source, i) => {
    const expr = exprs[i] ?? "";
    const vm = vmOutcomeClass(source);
    const allowed = documented.get(expr) ?? expected[i];
    return vm === allowed ? [] : [`${expr}: VM ${vm}, CPython ${expected[i]}`];
  });
}

/** Every builtin and method variant of the tables. */
export function tableCallables(): CallableInfo[] {
  const methods = METHODS.flatMap((method) => method === null ? [] : Object.values(method.on));
  return [...BUILTINS, ...methods].filter((info): info is CallableInfo => info !== null);
}

/** A signature in one line, defaults as `?`: `(chars?, /)`, `(*args, key?, default?)`. */
export function signatureText(sig: Pick<Signature, "params" | "rest" | "keywords">): string {
  const named = (kind: ParamKind) =>
    sig.params.filter((param) => param.kind === kind).map((param) =>
      `${param.name}${param.required ? "" : "?"}`
    );
  const positional = named("positional");
  const keywordOnly = named("keyword");
  const star = sig.rest !== null ? [`*${sig.rest}`] : keywordOnly.length > 0 ? ["*"] : [];
  return `(${
    [
      ...positional,
      ...(positional.length > 0 ? ["/"] : []),
      ...named("either"),
      ...star,
      ...keywordOnly,
      ...(sig.keywords !== null ? [`**${sig.keywords}`] : []),
    ].join(", ")
  })`;
}

interface OracleSignature {
  readonly params: readonly (readonly [string, "positional" | "either" | "keyword", boolean])[];
  readonly rest: string | null;
  readonly keywords: string | null;
}

/**
 * CPython's signature of each qualified name, in {@link signatureText}'s
 * form, or null where CPython publishes none (most types and some methods).
 */
export async function cpythonSignatures(names: readonly string[]): Promise<(string | null)[]> {
  const signatures: (OracleSignature | null)[] = JSON.parse(
    await runPythonText(SIGNATURES, JSON.stringify(names)),
  );
  return signatures.map((sig) =>
    sig === null ? null : signatureText({
      params: sig.params.map(([name, kind, required]) => ({ name, kind, required })),
      rest: sig.rest,
      keywords: sig.keywords,
    })
  );
}

/** A group of shapes that differ from CPython for one reason that is not argument binding. */
export interface KnownDifference {
  readonly reason: string;
  /** The shapes' call texts, as {@link CallShape.call} writes them. */
  readonly calls: readonly string[];
}

/**
 * Shapes whose outcome differs from CPython for a reason that is not
 * argument binding: each is work for an implementation, or a documented
 * language rule. The sweep fails when one of them stops differing.
 */
export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [];
