/**
 * Hostile values at the ABI edges (issue 9): decoding trusts no count,
 * every argument path holds the caps, walks over returned, encoded and
 * emitted values are paid per node and capped (never a JS RangeError), an
 * event is measured by its canonical size, and a hostile call gives the
 * same outcome warm and cold.
 */

import assert from "node:assert/strict";
import { AbiDecodeError, AbiEncodeError, parseManifest } from "../mod.ts";
import {
  decodeAbi,
  decodeArgs,
  encodeAbi,
  parseAbiType,
  parseJson,
  stringifyJson,
  valueFromJson,
} from "../abi.ts";
import { PyList, toAbiValue, type Value, valueJson } from "../runtime.ts";
import { outcomeOf } from "./support/call_outcome.ts";
import { runCli } from "./support/cli.ts";
import { runSource } from "./support/runtime.ts";

const GAS = 10_000_000;

function run(body: string, gasLimit = GAS) {
  return runSource(`from stdlib import abi, events\n\ndef main():\n${body}`, { gasLimit });
}

function failsWith(body: string, kind: string, type?: string, gasLimit = GAS): void {
  const result = run(body, gasLimit);
  assert.equal(result.ok, false, `expected a ${kind} failure`);
  assert.equal(result.failure?.kind, kind, result.failure?.message);
  if (type !== undefined) assert.equal(result.failure?.type, type, result.failure?.message);
  assert.ok(result.gasUsed <= gasLimit);
}

// -- 1. abi.decode trusts no count -------------------------------------

Deno.test("abi.decode: a count of zero-size items beyond container_length is a ValueError", () => {
  failsWith(
    '    return abi.decode("list<tuple()>", b"\\xff\\xff\\xff\\x07")\n',
    "error",
    "ValueError",
  );
});

Deno.test("abi.decode: nested counts of empty tuples are paid per item before they are built", () => {
  // 40 inner lists of 65,535 empty tuples each: 121 bytes, 2.6M values.
  const data = 'b"\\x28" + b"\\xff\\xff\\x03" * 40';
  failsWith(
    `    return len(abi.decode("list<list<tuple()>>", ${data}))\n`,
    "out-of-gas",
    undefined,
    1_000_000,
  );
  failsWith(
    '    return abi.decode("list<list<tuple()>>", b"\\x01\\xff\\xff\\xff\\x07")\n',
    "error",
    "ValueError",
  );
});

Deno.test("abi.decode: ints above int_bits and strs above bytes_length are refused", () => {
  failsWith('    return abi.decode("int", b"\\xff" * 600 + b"\\x01")\n', "error", "ValueError");
  // 2^4096 is one bit too many; 2^4096 - 1 fits.
  const fits = run(
    '    return abi.decode("int", abi.encode("int", ((1 << 4095) - 1) * 2 + 1)) == ((1 << 4095) - 1) * 2 + 1\n',
  );
  assert.equal(fits.ok, true, fits.failure?.message);
  assert.equal(fits.value, true);
  assert.throws(
    () => decodeAbi(parseAbiType("int"), new Uint8Array([...new Array(586).fill(0x80), 0x02])),
    AbiDecodeError,
  );
  const big = new Uint8Array(4 + (1 << 20) + 1);
  big.set([0x81, 0x80, 0x40]);
  assert.throws(
    () => decodeAbi(parseAbiType("bytes"), big.subarray(0, 3 + (1 << 20) + 1)),
    /bytes_length/,
  );
});

Deno.test("calldata: the same decoder refuses hostile counts and ints", () => {
  const manifest = parseManifest({
    name: "c",
    version: "1.0.0",
    entry: "c.py",
    abi: {
      functions: [
        { name: "f", inputs: [{ name: "xs", type: "list<list<tuple()>>" }], outputs: [] },
        { name: "g", inputs: [{ name: "n", type: "int" }], outputs: [] },
      ],
    },
  });
  const [f, g] = manifest.functions;
  if (f === undefined || g === undefined) throw new Error("no functions");
  const hostile = (fn: typeof f, body: number[]) => Uint8Array.from([...fn.selector, ...body]);
  assert.throws(() => decodeArgs(f, hostile(f, [0x01, 0xff, 0xff, 0xff, 0x07])), AbiDecodeError);
  const nested = [0x28, ...new Array(40).fill([0xff, 0xff, 0x03]).flat()];
  assert.throws(() => decodeArgs(f, hostile(f, nested)), AbiDecodeError);
  assert.throws(
    () => decodeArgs(g, hostile(g, [...new Array(600).fill(0xff), 0x01])),
    AbiDecodeError,
  );
});

// -- 2. JSON arguments hold the caps ------------------------------------

Deno.test("JSON arguments: int_bits, bytes_length, container_length and nesting are enforced", () => {
  const int = parseAbiType("int");
  assert.throws(() => valueFromJson(int, parseJson(`${"9".repeat(100_000)}`), "n"), /int_bits/);
  assert.equal(valueFromJson(int, parseJson(`${2n ** 4096n - 1n}`), "n"), 2n ** 4096n - 1n);
  assert.throws(() => valueFromJson(int, parseJson(`${-(2n ** 4096n)}`), "n"), /int_bits/);
  const hex = `"0x${"00".repeat((1 << 20) + 1)}"`;
  assert.throws(() => valueFromJson(parseAbiType("bytes"), parseJson(hex), "b"), /bytes_length/);
  const str = `"${"\u00e9".repeat((1 << 19) + 1)}"`;
  assert.throws(() => valueFromJson(parseAbiType("str"), parseJson(str), "s"), /bytes_length/);
  const list = `[${new Array(65_537).fill("0").join(",")}]`;
  assert.throws(
    () => valueFromJson(parseAbiType("list<int>"), parseJson(list), "xs"),
    /container_length/,
  );
  const deep = "[".repeat(100_000) + "]".repeat(100_000);
  assert.throws(
    () => parseJson(deep, "--args"),
    (error: unknown) => error instanceof AbiEncodeError && /nested deeper/.test(error.message),
  );
});

Deno.test("run --args and --value: ints of int_bits or more are refused with exit 2", async () => {
  const result = await runCli([
    "run",
    "--manifest",
    "examples/counter/manifest.json",
    "--call",
    "set",
    "--args",
    `[1${"0".repeat(100_000)}]`,
    "--state",
    "/nonexistent-dir/never-written.json",
  ]);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /value: integer is 4096 bits or more \(cap int_bits\)/);
  assert.equal(result.stdout, "");
  const value = await runCli([
    "run",
    "--manifest",
    "examples/counter/manifest.json",
    "--call",
    "get",
    "--value",
    `1${"0".repeat(2000)}`,
    "--state",
    "/nonexistent-dir/never-written.json",
  ]);
  assert.equal(value.code, 2, value.stderr);
  assert.match(value.stderr, /--value is 4096 bits or more \(cap int_bits\)/);
});

// -- 3. walks are paid per node, iterative and capped -------------------

const ALIASED = "    x = [0] * 128\n    x = [x] * 128\n    x = [x] * 128\n    x = [x] * 128\n";

Deno.test("abi.encode of an aliased value runs out of gas or hits a cap quickly", () => {
  const result = run(`${ALIASED}    return abi.encode("list<list<list<list<int>>>>", x)\n`);
  assert.equal(result.ok, false);
  assert.ok(["out-of-gas", "limit"].includes(result.failure?.kind ?? ""), result.failure?.message);
});

Deno.test("events.emit of an aliased value runs out of gas or hits a cap quickly", () => {
  const result = run(`${ALIASED}    events.emit(b"E", {"x": x})\n`);
  assert.equal(result.ok, false);
  assert.equal(result.failure?.kind, "limit", result.failure?.message);
});

Deno.test("returning an aliased value is paid through the call's gas", () => {
  const result = run(`${ALIASED}    return x\n`);
  assert.equal(result.ok, false);
  assert.ok(["out-of-gas", "limit"].includes(result.failure?.kind ?? ""), result.failure?.message);
  assert.ok(result.gasUsed > 0);
  const small = run(`${ALIASED}    return x\n`, 100_000);
  assert.equal(small.failure?.kind, "out-of-gas");
  assert.equal(small.gasUsed <= 100_000, true);
});

const DEEP = "    x = [0]\n    for i in range(5000):\n        x = [x]\n";

Deno.test("a value nested 5,000 deep is returned, emitted and encoded without a JS stack overflow", () => {
  for (let i = 0; i < 8; i++) {
    const returned = run(`${DEEP}    return x\n`);
    assert.equal(returned.failure?.kind, "limit", returned.failure?.message);
    assert.match(returned.failure?.message ?? "", /value_depth/);
    const emitted = run(`${DEEP}    events.emit(b"E", {"x": x})\n`);
    assert.equal(emitted.failure?.kind, "limit", emitted.failure?.message);
  }
  const deep = run(`${DEEP}    return abi.encode("list<int>", x)\n`);
  assert.equal(deep.failure?.type, "TypeError", deep.failure?.message);
});

Deno.test("valueJson and toAbiValue of a hand-built deep value are typed errors, not RangeErrors", () => {
  let deep: Value = new PyList([0]);
  for (let i = 0; i < 200_000; i++) deep = new PyList([deep]);
  assert.throws(() => valueJson(deep), AbiEncodeError);
  assert.throws(() => toAbiValue(deep), AbiEncodeError);
  let fine: Value = new PyList([0]);
  for (let i = 0; i < 99; i++) fine = new PyList([fine]);
  assert.equal(JSON.stringify(valueJson(fine)), "[".repeat(100) + "0" + "]".repeat(100));
});

// -- 4. event_size measures the canonical encoding ---------------------

Deno.test("event_size: a 60,000-item list is too large an event", () => {
  failsWith('    events.emit(b"E", {"xs": [0] * 60000})\n', "limit");
  const ok = run('    events.emit(b"E", {"xs": [0] * 1000})\n');
  assert.equal(ok.ok, true, ok.failure?.message);
});

Deno.test("abi.encode and encodeAbi refuse output beyond bytes_length", () => {
  failsWith('    x = [b"a" * 100000] * 20\n    return abi.encode("list<bytes>", x)\n', "limit");
  assert.throws(
    () => encodeAbi(parseAbiType("list<bytes>"), new Array(20).fill(new Uint8Array(100_000))),
    /bytes_length/,
  );
});

// -- 5. the same hostile call, warm and cold ----------------------------

const DETERMINISM_GAS = 1_000_000;

const HOSTILE: readonly string[] = [
  `from stdlib import abi\n\ndef main():\n${DEEP}    return x\n`,
  `from stdlib import abi\n\ndef main():\n${ALIASED}    x = [x] * 128\n    return x\n`,
  `from stdlib import abi\n\ndef main():\n${ALIASED}    return abi.encode("list<list<list<list<int>>>>", x)\n`,
  `from stdlib import events\n\ndef main():\n${DEEP}    events.emit(b"E", {"x": x})\n`,
  'from stdlib import abi\n\ndef main():\n    return abi.decode("list<list<tuple()>>", b"\\x28" + b"\\xff\\xff\\x03" * 40)\n',
  `from stdlib import abi\n\ndef main():\n    x = [0]\n    for i in range(99):\n        x = [x]\n    return x\n`,
];

Deno.test("determinism: hostile return/encode calls give the same outcome warm (5 runs) and cold", async () => {
  const script = new URL("./support/call_outcome.ts", import.meta.url).pathname;
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", script, JSON.stringify(HOSTILE), String(DETERMINISM_GAS)],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
  const cold = JSON.parse(new TextDecoder().decode(output.stdout));
  HOSTILE.forEach((source, i) => {
    const warm = Array.from({ length: 5 }, () => outcomeOf(source, DETERMINISM_GAS));
    for (const outcome of warm) assert.deepEqual(outcome, warm[0], source);
    assert.deepEqual(cold[i], warm[0], source);
  });
});

Deno.test("output JSON keeps a dict's order, integer-like keys and int/str twins included", () => {
  const result = runSource('def main():\n    return {"b": 1, "2": 2, 1: "i", "1": "s", "0": {}}\n');
  assert.equal(stringifyJson(valueJson(result.value)), '{"b":1,"2":2,"1":"i","1":"s","0":{}}');
});
