/**
 * Manifests in the upstream Animica shape (tests/upstream_manifests/), each
 * run through the CLI: they validate against their contracts, calls run
 * with the sized types' checks (an out-of-range int or a short bytes32 is
 * refused before the contract runs), `manifest convert` writes our form,
 * which validates too, and a manifest that cannot map gets one message per
 * field. The type mapping is swept over every sized integer and bytes type.
 */

import assert from "node:assert/strict";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AbiDecodeError, encodeCall, parseManifest } from "../mod.ts";
import { convertUpstream, decodeArgs } from "../abi.ts";
import { mapUpstreamType, UnmappableType } from "../lib/abi/upstream_types.ts";
import { runCli } from "./support/cli.ts";

const DIR = "tests/upstream_manifests";
const MAPPED = ["counter", "registry", "pinner"] as const;
const KEY32 = "0x" + "11".repeat(32);

async function inTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "animica-upstream-"));
  try {
    await body(dir);
  } finally {
    await rm(dir, { recursive: true });
  }
}

async function json(args: string[], code = 0): Promise<Record<string, unknown>> {
  const result = await runCli(args);
  assert.equal(result.code, code, `${args.join(" ")}\n${result.stderr}\n${result.stdout}`);
  return JSON.parse(result.stdout);
}

Deno.test("upstream manifests: each validates against its contract through the CLI", async () => {
  for (const name of MAPPED) {
    const result = await runCli(["validate", "--manifest", `${DIR}/${name}/manifest.json`]);
    assert.equal(result.code, 0, `${name}: ${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /manifest\.json: ok/);
  }
});

Deno.test("upstream manifests: a manifest that cannot map gets one message per field", async () => {
  const expected: string[] = JSON.parse(
    await Deno.readTextFile(`${DIR}/refused/expected.json`),
  );
  const report = await json(
    ["validate", "--manifest", `${DIR}/refused/manifest.json`, "--json"],
    1,
  );
  const manifest = report.manifest as { problems: { path: string; message: string }[] };
  assert.deepEqual(manifest.problems.map((p) => `${p.path}: ${p.message}`), expected);
  const converted = await runCli(["manifest", "convert", `${DIR}/refused/manifest.json`]);
  assert.equal(converted.code, 1);
  assert.equal(converted.stdout, "");
  for (const line of expected) assert.ok(converted.stderr.includes(line), line);
});

Deno.test("upstream manifests: calls run with the sized types' checks", async () => {
  await inTempDir(async (dir) => {
    const state = join(dir, "state.json");
    const counter = `${DIR}/counter/manifest.json`;
    const inc = await json(["run", "--manifest", counter, "--call", "inc", "--state", state]);
    assert.equal(inc.return, 1);
    assert.deepEqual(inc.events, [{ name: "Counter.Incremented", args: { new: 1 } }]);
    const negative = await runCli([
      "run",
      "--manifest",
      counter,
      "--call",
      "set",
      "--args",
      "[-1]",
      "--state",
      state,
    ]);
    assert.equal(negative.code, 2);
    assert.match(negative.stderr, /value: -1 is out of range \[0, 18446744073709551615\]/);

    const registry = `${DIR}/registry/manifest.json`;
    const run = (call: string, args: string) =>
      runCli(["run", "--manifest", registry, "--call", call, "--args", args, "--state", state]);
    const short = await run("register", '["0x11", "bob"]');
    assert.equal(short.code, 2);
    assert.match(short.stderr, /key: must be exactly 32 bytes, got 1/);
    const registered = await run("register", `["${KEY32}", "alice"]`);
    assert.equal(registered.code, 0, registered.stderr);
    assert.equal(JSON.parse((await run("label_of", `["${KEY32}"]`)).stdout).return, "alice");
    const big = await run("total", "[[1, 2, 300]]");
    assert.equal(big.code, 2);
    assert.match(big.stderr, /amounts\[2\]: 300 is out of range \[0, 255\]/);
    assert.equal(JSON.parse((await run("total", "[[1, 2, 255]]")).stdout).return, 258);

    const pinned = await json([
      "run",
      "--manifest",
      `${DIR}/pinner/manifest.json`,
      "--call",
      "pin",
      "--args",
      '["0x0102", 7]',
      "--state",
      state,
    ]);
    assert.deepEqual(pinned.events, [{ name: "Pinned", args: { namespace: 7, size: 2 } }]);
  });
});

Deno.test("upstream manifests: without the dotted capability the syscall is denied", async () => {
  await inTempDir(async (dir) => {
    const upstream = JSON.parse(await Deno.readTextFile(`${DIR}/pinner/manifest.json`));
    upstream.resources.caps = [];
    await Deno.writeTextFile(join(dir, "manifest.json"), JSON.stringify(upstream));
    await copyFile(`${DIR}/pinner/pinner.py`, join(dir, "pinner.py"));
    const args = ["--call", "pin", "--args", '["0x01", 1]', "--state", join(dir, "s.json")];
    const receipt = await json(["run", "--manifest", join(dir, "manifest.json"), ...args], 1);
    assert.equal(receipt.ok, false);
    assert.match(JSON.stringify(receipt.error), /blob_pin/);
  });
});

Deno.test("manifest convert: writes our form, which validates and keeps the checks", async () => {
  await inTempDir(async (dir) => {
    const sources = { counter: "counter.py", registry: "registry.py", pinner: "pinner.py" };
    for (const name of MAPPED) {
      const out = join(dir, `${name}.json`);
      const result = await runCli([
        "manifest",
        "convert",
        `${DIR}/${name}/manifest.json`,
        "--out",
        out,
      ]);
      assert.equal(result.code, 0, result.stderr);
      await copyFile(`${DIR}/${name}/${sources[name]}`, join(dir, sources[name]));
      const check = await runCli(["validate", "--manifest", out]);
      assert.equal(check.code, 0, `${name}: ${check.stdout}${check.stderr}`);
    }
    const counter = JSON.parse(await Deno.readTextFile(join(dir, "counter.json")));
    assert.equal(counter.name, "counter");
    assert.equal(counter.entry, "counter.py");
    assert.deepEqual(counter.abi.functions[2].inputs, [
      { name: "value", type: "int", range: ["0", String(2n ** 64n - 1n)] },
    ]);
    assert.deepEqual(counter.resources, { gas: 200000 });
    const registry = JSON.parse(await Deno.readTextFile(join(dir, "registry.json")));
    assert.equal(registry.name, "name-registry");
    assert.deepEqual(registry.abi.functions[0].inputs, [
      { name: "key", type: "bytes", length: 32 },
      { name: "label", type: "str" },
    ]);
    assert.deepEqual(registry.abi.events[0].inputs.map((p: { type: string }) => p.type), [
      "bytes",
      "address",
      "str",
    ]);
    const pinner = JSON.parse(await Deno.readTextFile(join(dir, "pinner.json")));
    assert.deepEqual(pinner.caps, ["blob_pin"]);
    assert.deepEqual(pinner.resources, { gas: 500000, storage_bytes: 1024 });
    const again = await runCli(["manifest", "convert", join(dir, "counter.json")]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already in our form/);
    const exists = await runCli([
      "manifest",
      "convert",
      `${DIR}/counter/manifest.json`,
      "--out",
      join(dir, "counter.json"),
    ]);
    assert.equal(exists.code, 2);
    assert.match(exists.stderr, /already exists/);
  });
});

Deno.test("upstream types: every sized int and bytes type maps with its exact bounds", () => {
  for (let bits = 8; bits <= 256; bits += 8) {
    const width = BigInt(bits);
    for (const prefix of ["u", "uint"]) {
      assert.deepEqual(mapUpstreamType(`${prefix}${bits}`), {
        type: "int",
        range: { min: "0", max: String(2n ** width - 1n) },
        length: null,
      });
    }
    for (const prefix of ["i", "int"]) {
      assert.deepEqual(mapUpstreamType(`${prefix}${bits}`).range, {
        min: String(-(2n ** (width - 1n))),
        max: String(2n ** (width - 1n) - 1n),
      });
    }
  }
  for (let n = 1; n <= 32; n++) assert.equal(mapUpstreamType(`bytes${n}`).length, n);
  assert.deepEqual(mapUpstreamType("(address, string[])"), {
    type: "tuple(address,list<str>)",
    range: null,
    length: null,
  });
  assert.equal(mapUpstreamType("u8[][]").type, "list<list<int>>");
  for (
    const bad of ["u0", "u7", "u264", "u08", "bytes0", "bytes33", "float", "u8[3]", "(u8", "]"]
  ) {
    assert.throws(() => mapUpstreamType(bad), UnmappableType, bad);
  }
  assert.throws(() => mapUpstreamType("u8" + "[]".repeat(40)), /deeper than 16/);
  assert.throws(() => mapUpstreamType("(".repeat(600) + ")".repeat(600)), /longer than 1024/);
});

Deno.test("upstream manifests: a range holds at both ends, in encodeCall and in decodeArgs", () => {
  const manifest = parseManifest({
    manifestVersion: 1,
    name: "R",
    version: "1.0.0",
    language: "python",
    source: "r.py",
    abi: { functions: [{ name: "f", inputs: [{ name: "x", type: "i8" }], outputs: [] }] },
  });
  const fn = manifest.functions[0];
  assert.ok(fn !== undefined);
  for (const ok of [-128n, 0n, 127n]) assert.deepEqual(decodeArgs(fn, encodeCall(fn, [ok])), [ok]);
  for (const bad of [-129n, 128n]) assert.throws(() => encodeCall(fn, [bad]), /out of range/);
  const unchecked = parseManifest({
    name: "r",
    version: "1.0.0",
    entry: "r.py",
    abi: { functions: [{ name: "f", inputs: [{ name: "x", type: "int" }], outputs: [] }] },
  }).functions[0];
  assert.ok(unchecked !== undefined);
  assert.throws(() => decodeArgs(fn, encodeCall(unchecked, [128n])), AbiDecodeError);
});

Deno.test("upstream manifests: an event argument may not carry a range in our form", () => {
  const { manifest, problems } = convertUpstream({
    manifestVersion: 1,
    name: "e",
    version: "1.0.0",
    language: "python",
    source: { path: "e.py" },
    abi: { functions: [], events: [{ name: "E", fields: [{ name: "a", type: "u8" }] }] },
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(manifest.abi, {
    functions: [],
    events: [{ name: "E", inputs: [{ name: "a", type: "int" }] }],
  });
  assert.throws(
    () =>
      parseManifest({
        name: "e",
        version: "1.0.0",
        entry: "e.py",
        abi: {
          functions: [],
          events: [{ name: "E", inputs: [{ name: "a", type: "int", range: ["0", "1"] }] }],
        },
      }),
    /range and length apply to function inputs only/,
  );
});
