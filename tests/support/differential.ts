/**
 * The two sides of the runtime differential tests: a program's outcome in
 * the VM and under CPython 3.11 (tests/support/cpython_run.py, with a
 * Python model of stdlib), both in one canonical text form (value or
 * exception type name or revert reason, and the events), so that equal
 * behaviour gives equal strings.
 */

import { MemoryState } from "../../mod.ts";
import { compileContract } from "../../ir.ts";
import {
  isJsonObject,
  type JsonOutput,
  type JsonValue,
  parseJson,
  stringifyJson,
  toHex,
} from "../../abi.ts";
import { executeCall, textOrHex, valueJson } from "../../runtime.ts";
import { JsonNonInteger } from "../../lib/abi/json.ts";
import { runPythonText } from "./python.ts";

const ORACLE = new URL("./cpython_run.py", import.meta.url);

function canonical(value: JsonValue): string {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof JsonNonInteger) return value.source;
  if (Array.isArray(value)) return `[${(value as readonly JsonValue[]).map(canonical).join(",")}]`;
  if (isJsonObject(value)) {
    return `{${
      Object.keys(value).sort().map((key) =>
        `${JSON.stringify(key)}:${canonical(value[key] ?? null)}`
      ).join(",")
    }}`;
  }
  return JSON.stringify(value);
}

/** The VM's outcome of `main()` in the oracle's format. */
export function vmOutcome(source: string): string {
  const compiled = compileContract(source);
  const result = executeCall({
    verified: compiled.verified,
    manifest: null,
    function: "main",
    args: [],
    gasLimit: 50_000_000,
    context: {
      sender: Uint8Array.from([1, ...new Array(32).fill(0)]),
      value: 0n,
      address: new Uint8Array(33),
      blockHeight: 1n,
      blockTime: 0n,
      chainId: 1n,
      txHash: new Uint8Array(32),
      callIndex: 0,
    },
    state: new MemoryState(),
  });
  const failure = result.failure;
  const outcome: JsonOutput = failure === null
    ? {
      ok: valueJson(result.value),
      events: result.events.map((e) => [textOrHex(e.name), valueJson(e.args)]),
    }
    : failure.kind === "revert"
    ? { revert: toHex(failure.reason) }
    : { error: failure.kind === "error" ? failure.type : `${failure.kind}: ${failure.message}` };
  return canonical(parseJson(stringifyJson(outcome)));
}

/** CPython's outcomes of `main()` of each source, in the same form as {@link vmOutcome}. */
export async function cpythonOutcomes(sources: readonly string[]): Promise<string[]> {
  const oracle = parseJson(await runPythonText(ORACLE, JSON.stringify(sources)));
  return (oracle as readonly JsonValue[]).map(canonical);
}
