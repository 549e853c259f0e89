/**
 * The generated conformance sweeps (tests/conformance_*_test.ts): each
 * case is a tiny contract whose `main()` returns one expression (or runs a
 * few statements), compared by outcome class (tests/support/bind_sweep.ts)
 * between the VM and CPython 3.11, all cases of a file in one python3
 * process. A case the VM refuses with LimitExceeded is a cap (a documented
 * difference) and is counted, not compared; a case whose CPython result is
 * a float names the VM's documented outcome instead.
 */

import { stringifyJson } from "../../abi.ts";
import { compileContract } from "../../ir.ts";
import { valueJson } from "../../runtime.ts";
import { errorClass } from "./bind_sweep.ts";
import { runPythonText } from "./python.ts";
import { callCompiled } from "./runtime.ts";

const ORACLE = new URL("./bind_oracle.py", import.meta.url);

/** One generated case: a label, its program, and the outcome to expect when CPython's is a float. */
export interface SweepCase {
  readonly label: string;
  readonly source: string;
  /** The VM's documented outcome class, used instead of CPython's (a float result). */
  readonly documented?: string;
  /** Compare an exception's message too (where CPython's is stable). */
  readonly message?: boolean;
}

/** An outcome as its class, with the exception's message when `message` is set. */
function outcomeText(
  outcome: { ok?: string; error?: string; message?: string },
  message: boolean,
): string {
  if (outcome.ok !== undefined) return `ok ${outcome.ok}`;
  const type = errorClass(outcome.error ?? "", outcome.message ?? "");
  return message ? `${type}: ${outcome.message}` : type;
}

/** The VM's outcome of `main()` of `source` (`refused` when it does not compile). */
function vmOutcome(source: string, message: boolean): string {
  let compiled;
  try {
    compiled = compileContract(source);
  } catch {
    return "refused";
  }
  const result = callCompiled(compiled, { gasLimit: 50_000_000 });
  if (result.failure === null) return `ok ${stringifyJson(valueJson(result.value))}`;
  return outcomeText({ error: result.failure.type, message: result.failure.message }, message);
}

/** What a sweep found. */
export interface SweepReport {
  readonly mismatches: readonly string[];
  /** Cases the VM stopped at a cap (LimitExceeded), not compared. */
  readonly capped: number;
  /** Cases whose CPython outcome was a value (not an exception). */
  readonly values: number;
}

/** A case returning `expr` from `main()`. */
export function expressionCase(expr: string, documented?: string): SweepCase {
  const source = `def main():\n    return ${expr}\n`;
  return documented === undefined ? { label: expr, source } : { label: expr, source, documented };
}

/** A case returning `expr` whose exception message is compared too. */
export function messageCase(expr: string): SweepCase {
  return { label: expr, source: `def main():\n    return ${expr}\n`, message: true };
}

/** A case running `lines` (the body of `main()`, one statement a line). */
export function statementsCase(lines: readonly string[]): SweepCase {
  return {
    label: lines.join("; "),
    source: `def main():\n${lines.map((line) => `    ${line}\n`).join("")}`,
  };
}

/** Runs every case in the VM and under CPython; cases with the same label run once. */
export async function runSweep(cases: readonly SweepCase[]): Promise<SweepReport> {
  const unique = [...new Map(cases.map((testCase) => [testCase.label, testCase])).values()];
  const outcomes: { ok?: string; error?: string; message?: string }[] = JSON.parse(
    await runPythonText(ORACLE, JSON.stringify(unique.map((testCase) => testCase.source))),
  );
  const mismatches: string[] = [];
  let capped = 0;
  let values = 0;
  unique.forEach((testCase, i) => {
    const message = testCase.message ?? false;
    const ours = vmOutcome(testCase.source, message);
    const theirs = testCase.documented ?? outcomeText(outcomes[i] ?? {}, message);
    if (theirs.startsWith("ok ")) values++;
    if (ours === "LimitExceeded") {
      capped++;
    } else if (ours !== theirs) {
      mismatches.push(`${testCase.label}\n    VM:      ${ours}\n    CPython: ${theirs}`);
    }
  });
  return { mismatches, capped, values };
}

/**
 * Runs the cases of named families as one sweep and prints each family's
 * case count with the report's totals (and, with SWEEP_ALL set, every
 * mismatch).
 */
export async function runFamilies(
  families: readonly (readonly [string, readonly SweepCase[]])[],
): Promise<SweepReport> {
  const report = await runSweep(families.flatMap(([, cases]) => cases));
  console.log(
    families.map(([name, cases]) => `${name}: ${cases.length} cases`).join("; ") +
      `; ${report.capped} stopped at a cap, ${report.values} returned a value`,
  );
  if (Deno.env.get("SWEEP_ALL") !== undefined) console.log(report.mismatches.join("\n"));
  return report;
}
