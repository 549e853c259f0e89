/**
 * Value sweeps against CPython: one contract of small functions, called
 * with many generated argument tuples, in the VM (compiled once) and under
 * CPython 3.11 (tests/support/value_oracle.py, one python3 process). Values
 * cross as tagged JSON; an outcome is `ok <tagged JSON>` or
 * `<ExceptionType>: <message>`, so exception messages are compared too.
 */

import { setEntry } from "../../lib/runtime/dict_table.ts";
import { MemoryState } from "../../mod.ts";
import { compileContract } from "../../ir.ts";
import { executeCall } from "../../runtime.ts";
import { PyDict, PyList, PyTuple, type Value } from "../../lib/runtime/values.ts";
import { dictKey } from "../../lib/runtime/values.ts";
import { runPythonText } from "./python.ts";
import { TEST_CONTEXT } from "./runtime.ts";
import { strFromUtf16, strToUtf16 } from "../../lib/text_units.ts";

const ORACLE = new URL("./value_oracle.py", import.meta.url);

/** A value as it crosses to CPython and back. */
export type Tagged =
  | readonly ["str", string]
  | readonly ["bytes", string]
  | readonly ["int", string]
  | readonly ["bool", boolean]
  | readonly ["none"]
  | readonly ["list" | "tuple", readonly Tagged[]]
  | readonly ["dict", readonly (readonly [Tagged, Tagged])[]]
  | readonly ["long", "str" | "bytes", number]
  | readonly ["other", string];

/** Longer str and bytes values cross as their type and length only. */
const LONG = 100_000;

/** One call of a sweep: a function of the contract and its arguments. */
export interface SweepCall {
  readonly fn: string;
  readonly args: readonly Tagged[];
}

/** A str value. */
export const str = (text: string): Tagged => ["str", text];
/** A bytes value from byte values. */
export const bytesOf = (values: Iterable<number>): Tagged => [
  "bytes",
  Array.from(values, (byte) => byte.toString(16).padStart(2, "0")).join(""),
];
/** An int value. */
export const int = (value: number | bigint): Tagged => ["int", String(value)];
/** None. */
export const none: Tagged = ["none"];
/** A tuple. */
export const tuple = (...items: Tagged[]): Tagged => ["tuple", items];
/** A list. */
export const list = (...items: Tagged[]): Tagged => ["list", items];
/** A dict from pairs. */
export const dict = (...pairs: (readonly [Tagged, Tagged])[]): Tagged => ["dict", pairs];

const NO_METER = { pay: () => {} };

/** The runtime value of a tagged value. */
export function toValue(tagged: Tagged): Value {
  switch (tagged[0]) {
    case "str":
      // JSON gives a JS string in UTF-16; the VM's str encoding keeps its lone surrogates apart.
      return strFromUtf16(tagged[1]);
    case "bytes":
      return Uint8Array.from(tagged[1].match(/../g) ?? [], (pair) => parseInt(pair, 16));
    case "int": {
      const big = BigInt(tagged[1]);
      return Number.isSafeInteger(Number(big)) ? Number(big) : big;
    }
    case "bool":
      return tagged[1];
    case "none":
      return null;
    case "list":
      return new PyList(tagged[1].map(toValue));
    case "tuple":
      return new PyTuple(tagged[1].map(toValue));
    case "dict": {
      const out = new PyDict();
      for (const [key, value] of tagged[1]) {
        const k = toValue(key);
        setEntry(out, dictKey(NO_METER, k), k, toValue(value));
      }
      return out;
    }
    case "long":
    case "other":
      throw new Error(`cannot build ${tagged[0]}`);
  }
}

/** The tagged form of a runtime value (the shapes these sweeps return). */
export function tagValue(value: Value): Tagged {
  if (value === null) return none;
  if (typeof value === "boolean") return ["bool", value];
  if (typeof value === "number" || typeof value === "bigint") return int(value);
  if (typeof value === "string") {
    return value.length > LONG ? ["long", "str", value.length] : str(strToUtf16(value));
  }
  if (value instanceof Uint8Array) {
    return value.length > LONG ? ["long", "bytes", value.length] : bytesOf(value);
  }
  if (value instanceof PyList) return ["list", value.items.map(tagValue)];
  if (value instanceof PyTuple) return ["tuple", value.items.map(tagValue)];
  if (value instanceof PyDict) {
    return ["dict", [...value.ordered()].map((e) => [tagValue(e.key), tagValue(e.value)])];
  }
  return ["other", String(value)];
}

/** The VM's outcome of each call of `source`'s functions. */
export function vmOutcomes(source: string, calls: readonly SweepCall[]): string[] {
  const compiled = compileContract(source);
  return calls.map((call) => {
    const result = executeCall({
      verified: compiled.verified,
      manifest: null,
      function: call.fn,
      args: call.args.map(toValue),
      gasLimit: 50_000_000,
      context: TEST_CONTEXT,
      state: new MemoryState(),
    });
    return result.failure === null
      ? `ok ${JSON.stringify(tagValue(result.value))}`
      : `${result.failure.type}: ${strToUtf16(result.failure.message)}`;
  });
}

interface OracleOutcome {
  readonly ok?: Tagged;
  readonly error?: string;
  readonly message?: string;
}

/** CPython's outcome of each call, in one python3 process. */
export async function cpythonOutcomes(
  source: string,
  calls: readonly SweepCall[],
): Promise<string[]> {
  const outcomes: OracleOutcome[] = JSON.parse(
    await runPythonText(
      ORACLE,
      JSON.stringify({ source, calls: calls.map((call) => [call.fn, call.args]) }),
    ),
  );
  return outcomes.map((outcome) =>
    outcome.ok !== undefined
      ? `ok ${JSON.stringify(outcome.ok)}`
      : `${outcome.error}: ${outcome.message}`
  );
}

/** A call's text, for failure reports: `fn(arg, ...)` with the tagged arguments. */
export function callText(call: SweepCall): string {
  return `${call.fn}(${call.args.map((arg) => JSON.stringify(arg)).join(", ")})`;
}
