/**
 * The outcome of one call of `main()` as plain JSON (ok, failure kind,
 * type, message, gas used, return value), for comparing runs. Run as a
 * script, it prints the outcomes of the sources given as a JSON array in
 * its first argument, each run once: a cold process to compare with warm
 * runs in the test's own process.
 */

import { stringifyJson } from "../../abi.ts";
import { valueJson } from "../../runtime.ts";
import { runSource } from "./runtime.ts";

/** What one call did, comparable with deepEqual. */
export interface CallOutcome {
  readonly ok: boolean;
  readonly kind: string | null;
  readonly type: string | null;
  readonly message: string | null;
  readonly gasUsed: number;
  readonly value: string | null;
}

/** Runs `main()` of `source` and reduces the result to a {@link CallOutcome}. */
export function outcomeOf(source: string, gasLimit: number): CallOutcome {
  const result = runSource(source, { gasLimit });
  return {
    ok: result.ok,
    kind: result.failure?.kind ?? null,
    type: result.failure?.type ?? null,
    message: result.failure?.message ?? null,
    gasUsed: result.gasUsed,
    value: result.ok ? stringifyJson(valueJson(result.value)) : null,
  };
}

if (import.meta.main) {
  const [sources = "[]", gas = "10000000"] = Deno.args;
  const list: unknown = JSON.parse(sources);
  if (!Array.isArray(list)) throw new Error("expected a JSON array of sources");
  console.log(JSON.stringify(list.map((source) => outcomeOf(String(source), Number(gas)))));
}
