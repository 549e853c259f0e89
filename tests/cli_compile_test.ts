/** The CLI's `compile`, `inspect` and `estimate`, in a real subprocess. */

import assert from "node:assert/strict";
import { runCli } from "./support/cli.ts";

Deno.test("cli compile writes the IR atomically and prints its hash and size; inspect reads it back", async () => {
  const directory = await Deno.makeTempDir();
  try {
    const out = `${directory}/counter.ir`;
    const compiled = await runCli([
      "compile",
      "--manifest",
      "examples/counter/manifest.json",
      "--out",
      out,
    ]);
    assert.equal(compiled.code, 0, compiled.stderr);
    assert.match(
      compiled.stdout,
      /^code hash 0x[0-9a-f]{64}\nsize \d+ bytes, 4 functions, exports get, inc, set\nwrote /,
    );
    assert.deepEqual([...Deno.readDirSync(directory)].map((entry) => entry.name), ["counter.ir"]);
    const golden = Deno.readTextFileSync("tests/golden/counter.ir.hex").trim();
    const written = Array.from(Deno.readFileSync(out), (b) => b.toString(16).padStart(2, "0")).join(
      "",
    );
    assert.equal(written, golden);
    const inspected = await runCli(["inspect", out]);
    assert.equal(inspected.code, 0, inspected.stderr);
    assert.match(inspected.stdout, /function 1 get\(\)/);
    assert.match(inspected.stdout, /CALL_STDLIB\s+storage\.get_int 1\s+gas 0/);
    const json = JSON.parse((await runCli(["inspect", "--json", out])).stdout);
    assert.equal(json.functions[1].name, "get");
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});

Deno.test("cli inspect FILE.py shows source lines; estimate prints a bound per export", async () => {
  const inspected = await runCli(["inspect", "examples/counter/counter.py"]);
  assert.equal(inspected.code, 0, inspected.stderr);
  assert.match(inspected.stdout, /^\s+15 \| return storage\.get_int\(KEY\)$/m);
  const estimated = await runCli(["estimate", "examples/counter/counter.py"]);
  assert.equal(estimated.code, 0, estimated.stderr);
  assert.match(
    estimated.stdout,
    /^get\s+at most \d+ \(largest term: storage\.get_int of up to 513 bytes\)$/m,
  );
  assert.match(estimated.stdout, /^set\s+at most \d+ \(largest term: .+\)$/m);
});

Deno.test("cli compile of a rejected contract exits 1 with diagnostics; bad IR exits 2", async () => {
  const directory = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${directory}/bad.py`, "def f(x):\n    return x / 2\n");
    const rejected = await runCli([
      "compile",
      `${directory}/bad.py`,
      "--out",
      `${directory}/bad.ir`,
    ]);
    assert.equal(rejected.code, 1);
    assert.match(rejected.stdout, /bad\.py:2:14: no-true-division/);
    assert.deepEqual([...Deno.readDirSync(directory)].map((entry) => entry.name), ["bad.py"]);
    await Deno.writeFile(`${directory}/junk.ir`, Uint8Array.from([0x86, 0x01, 0x02]));
    const junk = await runCli(["inspect", `${directory}/junk.ir`]);
    assert.equal(junk.code, 2);
    assert.equal(junk.stdout, "");
    assert.match(junk.stderr, /animica-vm: not canonical CBOR|animica-vm: .*must/);
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});
