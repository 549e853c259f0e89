/**
 * Differential test of the runtime against CPython 3.11: every program of
 * tests/conformance/runtime/ (one-line expressions and multi-statement
 * programs) runs under python3, with a small Python model of stdlib
 * (tests/support/cpython_run.py), and through the VM; the return value (or
 * exception type name, or revert reason) and the events must be identical.
 * Known differences are listed with a reason in known_failures.json.
 */

import assert from "node:assert/strict";
import {
  compileContract,
  executeCall,
  isJsonObject,
  type JsonOutput,
  type JsonValue,
  MemoryState,
  parseJson,
  stringifyJson,
  textOrHex,
  toHex,
  validate,
  valueJson,
} from "../mod.ts";
import { JsonNonInteger } from "../lib/abi/json.ts";
import { pythonUnavailableReason, runPythonText } from "./support/python.ts";
import { runtimeCorpus } from "./support/runtime.ts";

const DIRECTORY = new URL("./conformance/runtime/", import.meta.url);
const ORACLE = new URL("./support/cpython_run.py", import.meta.url);

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

/** The VM's outcome in the oracle's format. */
function vmOutcome(source: string): string {
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

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`runtime differential tests skipped: ${skipReason}`);

Deno.test("runtime corpus: every program is accepted by the validator", () => {
  const rejected = runtimeCorpus().filter(({ source }) => !validate(source).ok).map(({ label }) =>
    label
  );
  assert.deepEqual(rejected, []);
});

Deno.test({
  name: "runtime differential: the VM matches CPython on every corpus program",
  ignore: skipReason !== null,
  async fn() {
    const corpus = runtimeCorpus();
    assert.ok(corpus.length >= 150, `${corpus.length} programs`);
    const oracle = parseJson(
      await runPythonText(ORACLE, JSON.stringify(corpus.map((c) => c.source))),
    );
    const expected = (oracle as readonly JsonValue[]).map(canonical);
    const known = new Map(
      (JSON.parse(Deno.readTextFileSync(new URL("known_failures.json", DIRECTORY))).cases as {
        label: string;
        reason: string;
      }[])
        .map((entry) => [entry.label, entry.reason]),
    );
    const mismatches: string[] = [];
    const stillKnown: string[] = [];
    corpus.forEach(({ label, source }, i) => {
      const ours = vmOutcome(source);
      const differs = ours !== expected[i];
      if (known.has(label)) {
        if (differs) stillKnown.push(label);
        return;
      }
      if (differs) mismatches.push(`${label}\n    VM:      ${ours}\n    CPython: ${expected[i]}`);
    });
    assert.deepEqual(mismatches, [], `${mismatches.length} of ${corpus.length} programs differ`);
    assert.deepEqual(
      stillKnown.sort(),
      [...known.keys()].sort(),
      "a known failure now passes: remove it from the list",
    );
  },
});
