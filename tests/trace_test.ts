/**
 * Traces and gas profiles only watch (spec/PROFILE.md): over the runtime
 * corpus, the limits corpus (at a small gas limit, so that most cases stop
 * out of gas or at a cap part way) and programs calling every stdlib
 * family, a call traced by the Tracer, one profiled by the GasProfiler and
 * one with no hook give byte-identical receipts, the same writes and the
 * same value; and every profile's rows, folded stacks and frames add up to
 * the call's gasUsed exactly. (The examples are covered through the CLI in
 * tests/cli_profile_test.ts.)
 */

import assert from "node:assert/strict";
import { MemoryState } from "../mod.ts";
import { compileContract, type CompiledContract } from "../ir.ts";
import {
  type CallHooks,
  type CallResult,
  encodeReceipt,
  executeCall,
  GasProfiler,
  Tracer,
  type TraceRecord,
} from "../runtime.ts";
import { toHex } from "../abi.ts";
import { repr } from "../lib/runtime/repr.ts";
import { OUTPUT_METER } from "../lib/runtime/walk.ts";
import { readLimitsCorpus } from "./support/limits_corpus.ts";
import { runtimeCorpus, TEST_CONTEXT } from "./support/runtime.ts";

function call(compiled: CompiledContract, gasLimit: number, hooks: CallHooks): CallResult {
  return executeCall({
    verified: compiled.verified,
    manifest: null,
    function: "main",
    args: [],
    gasLimit,
    context: TEST_CONTEXT,
    state: new MemoryState(),
    ...hooks,
  });
}

function fingerprint(result: CallResult): string {
  const writes = result.writes.map((w) =>
    `${toHex(w.key)}=${w.value === null ? "-" : toHex(w.value)}`
  );
  return `${toHex(encodeReceipt(result))} ${writes.join(",")} ${repr(OUTPUT_METER, result.value)}`;
}

/** Checks one program; returns the number of trace records it produced. */
function check(label: string, compiled: CompiledContract, gasLimit: number): number {
  const plain = call(compiled, gasLimit, {});
  const records: TraceRecord[] = [];
  const tracer = new Tracer(compiled.verified.module, (record) => records.push(record));
  const traced = call(compiled, gasLimit, tracer.start());
  tracer.end(traced.gasUsed);
  const profiler = new GasProfiler(compiled.verified.module);
  const profiled = call(compiled, gasLimit, profiler.start("main"));
  profiler.end(profiled.gasUsed);
  assert.equal(fingerprint(traced), fingerprint(plain), `${label}: traced receipt differs`);
  assert.equal(fingerprint(profiled), fingerprint(plain), `${label}: profiled receipt differs`);

  // Trace: per-instruction charges plus the return walk add up to gasUsed.
  let charged = 0;
  for (const record of records) {
    if (record.kind === "step") charged += record.gas;
    if (record.kind === "end") charged += record.returnGas;
  }
  assert.equal(charged, plain.gasUsed, `${label}: trace charges`);
  assert.equal(records.at(-1)?.kind, "end");

  const fn = profiler.profile().functions[0];
  assert.ok(fn !== undefined, label);
  const rows = fn.lines.reduce((sum, row) => sum + row.gas, 0);
  const stacks = [...fn.stacks.values()].reduce((sum, gas) => sum + gas, 0);
  const selves = fn.frames.reduce((sum, frame) => sum + frame.self, 0);
  const pseudo = fn.lines.filter((row) => row.line === 0).reduce((sum, row) => sum + row.gas, 0);
  assert.equal(rows, plain.gasUsed, `${label}: line rows`);
  assert.equal(stacks, plain.gasUsed, `${label}: folded stacks`);
  assert.equal(selves + pseudo, plain.gasUsed, `${label}: frames' self gas`);
  assert.equal(fn.stats.max, plain.gasUsed, label);
  return records.length;
}

Deno.test("trace: traced, profiled and plain runs of the runtime corpus give identical receipts", () => {
  let records = 0;
  for (const { label, source } of runtimeCorpus()) {
    records += check(label, compileContract(source), 10_000_000);
  }
  assert.ok(records > 10_000, `only ${records} trace records`);
});

/** Programs that reach every stdlib family, so that the watched host is compared too. */
const HOST_PROGRAMS: readonly string[] = [
  `from stdlib import storage
def main():
    storage.set(b"a", b"xyz")
    storage.set_int(b"n", -5)
    before = storage.get(b"a"), storage.get_int(b"n"), storage.get(b"missing")
    storage.delete(b"a")
    return before, storage.get(b"a"), storage.get_int(b"none", 7)
`,
  `from stdlib import hash, random, context
def main():
    d = hash.sha3_256(b"a") + hash.sha3_512(b"b") + hash.keccak256(b"c") + hash.blake3(b"d")
    return d, random.bytes(40), context.sender, context.block_height, context.tx_hash
`,
  `from stdlib import abi, events
def main():
    data = abi.encode("list<int>", [5, -6])
    events.emit(b"E", {"k": 1, "v": b"w"})
    abi.require(len(data) > 0, b"empty")
    return abi.decode("list<int>", data)
`,
  `from stdlib import abi, storage
def main():
    storage.set(b"k", b"v")
    abi.revert(b"nope")
`,
  `from stdlib import treasury, context
def main():
    return treasury.balance(context.address)
`,
];

Deno.test("trace: the same holds for programs calling every stdlib family", () => {
  HOST_PROGRAMS.forEach((source, i) => {
    check(`host program ${i + 1}`, compileContract(source), 1_000_000);
  });
});

Deno.test("trace: the same holds over the limits corpus, stopped part way at 20,000 gas", () => {
  let checked = 0;
  for (const entry of readLimitsCorpus()) {
    let compiled: CompiledContract;
    try {
      compiled = compileContract(entry.source);
    } catch {
      continue; // an `invalid` case: nothing runs
    }
    check(entry.id, compiled, 20_000);
    checked++;
  }
  assert.ok(checked > 50, `only ${checked} cases ran`);
});

Deno.test("trace: host calls come with their arguments and results, hashed data as its length", () => {
  const compiled = compileContract(
    "from stdlib import storage, hash, events\n\n" +
      "def main():\n" +
      "    storage.set(b'key', b'\\x1b[31mred')\n" +
      "    digest = hash.sha3_256(b'x' * 1000)\n" +
      "    events.emit(b'Seen', {'n': 7})\n" +
      "    return storage.get(b'key'), len(digest)\n",
  );
  const records: TraceRecord[] = [];
  const tracer = new Tracer(compiled.verified.module, (record) => records.push(record));
  const result = call(compiled, 1_000_000, tracer.start());
  tracer.end(result.gasUsed);
  assert.ok(result.ok);
  const hosts = records.flatMap((record) =>
    record.kind === "host" ? [`${record.name}(${record.args.join(", ")}) -> ${record.result}`] : []
  );
  assert.equal(hosts.length, 4);
  assert.equal(hosts[0], "storage.set(b'key', b'\\x1b[31mred') -> None");
  assert.match(hosts[1] ?? "", /^hash\.sha3_256\(<1000 bytes>\) -> b'[^']*'\.\.\.\(32 bytes\)$/);
  assert.equal(hosts[2], "events.emit(b'Seen', {'n': 7}) -> None");
  assert.equal(hosts[3], "storage.get(b'key') -> b'\\x1b[31mred'");
  const steps = records.filter((record) => record.kind === "step");
  const first = steps.find((record) => record.kind === "step" && record.function === "main");
  assert.ok(first !== undefined && first.kind === "step");
  assert.equal(first.line, 4);
  assert.ok(
    steps.every((record) => record.kind !== "step" || /^[\x20-\x7e]*$/.test(record.stack.join(""))),
  );
});

Deno.test("trace: hostile constants and values give short printable records", () => {
  const text = "\\x1b[2J\\u202e" + "z".repeat(20_000);
  const compiled = compileContract(
    `def main():\n    s = "${text}"\n    b = s.encode() * 40\n    xs = [s]\n` +
      `    for i in range(200):\n        xs = [xs, xs, b]\n    return len(b)\n`,
  );
  const records: TraceRecord[] = [];
  const tracer = new Tracer(compiled.verified.module, (record) => records.push(record));
  const result = call(compiled, 10_000_000, tracer.start());
  tracer.end(result.gasUsed);
  assert.ok(result.ok, result.failure?.message);
  assert.ok(records.length > 1000);
  for (const record of records) {
    const json = JSON.stringify(record);
    assert.ok(json.length < 1200, json.slice(0, 200));
    assert.match(json, /^[\x20-\x7e]*$/);
  }
});
