/**
 * `run` through the CLI, in separate processes: the README quickstart
 * (inc twice, then get returns 2), the JSON output shape, exact big
 * integers, exit codes, the JSON state backend, a failed call leaving state
 * untouched, corrupt or foreign state files refused and never overwritten,
 * and --trace.
 */

import assert from "node:assert/strict";
import { runCli } from "./support/cli.ts";

const COUNTER = "examples/counter/manifest.json";

async function inTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("run: the README quickstart — inc twice in separate processes, then get returns 2 (SQLite state)", async () => {
  await inTempDir(async (dir) => {
    const state = `${dir}/state.sqlite`;
    for (const expected of [1, 2]) {
      const inc = await runCli(["run", "--manifest", COUNTER, "--call", "inc", "--state", state]);
      assert.equal(inc.code, 0, inc.stderr);
      const output = JSON.parse(inc.stdout);
      assert.equal(output.ok, true);
      assert.equal(output.return, expected);
      assert.deepEqual(output.events, [{ name: "Incremented", args: { value: expected } }]);
    }
    const get = await runCli(["run", "--manifest", COUNTER, "--call", "get", "--state", state]);
    assert.equal(get.code, 0);
    const output = JSON.parse(get.stdout);
    assert.deepEqual(Object.keys(output), ["ok", "return", "returnData", "gasUsed", "events"]);
    assert.equal(output.return, 2);
    assert.equal(output.returnData, "0x04");
  });
});

Deno.test("run: big integers are exact in and out; a revert exits 1 and leaves the JSON state untouched", async () => {
  await inTempDir(async (dir) => {
    const state = `${dir}/state.json`;
    const big = "123456789012345678901234567890123";
    const set = await runCli([
      "run",
      "--manifest",
      COUNTER,
      "--call",
      "set",
      "--args",
      `{"value": ${big}}`,
      "--state",
      state,
    ]);
    assert.equal(set.code, 0, set.stderr);
    const get = await runCli(["run", "--manifest", COUNTER, "--call", "get", "--state", state]);
    assert.match(get.stdout, new RegExp(`"return": ${big}\\b`));
    const before = Deno.readTextFileSync(state);
    const bad = await runCli([
      "run",
      "--manifest",
      COUNTER,
      "--call",
      "set",
      "--args",
      "[-5]",
      "--state",
      state,
    ]);
    assert.equal(bad.code, 1);
    const output = JSON.parse(bad.stdout);
    assert.equal(output.ok, false);
    assert.equal(output.error.kind, "revert");
    assert.equal(output.error.reason, "value out of range");
    assert.equal(output.error.function, "set");
    assert.equal(typeof output.error.line, "number");
    assert.equal(Deno.readTextFileSync(state), before);
  });
});

Deno.test("run: corrupt and foreign state files are refused (exit 2) and never overwritten", async () => {
  await inTempDir(async (dir) => {
    const cases: [string, string, RegExp][] = [
      ["corrupt.json", "{not json", /state file is not valid JSON/],
      ["foreign.json", '{"hello": 1}', /not an animica-vm state file/],
      [
        "newer.json",
        '{"format": "animica-vm-state", "version": 99, "entries": {}}',
        /version 99 is not supported/,
      ],
      ["garbage.sqlite", "this is not sqlite at all, just text", /not a usable state database/],
    ];
    for (const [name, content, pattern] of cases) {
      const path = `${dir}/${name}`;
      Deno.writeTextFileSync(path, content);
      const result = await runCli(["run", "--manifest", COUNTER, "--call", "inc", "--state", path]);
      assert.equal(result.code, 2, name);
      assert.equal(result.stdout, "", name);
      assert.match(result.stderr, pattern, name);
      assert.equal(Deno.readTextFileSync(path), content, `${name} was modified`);
    }
  });
});

Deno.test("run: bad usage exits 2 naming the problem; --trace writes executed ops to stderr", async () => {
  const cases: [string[], RegExp][] = [
    [["run", "--manifest", COUNTER], /--call is required/],
    [["run", "--manifest", COUNTER, "--call", "nope"], /no function 'nope'/],
    [
      ["run", "--manifest", COUNTER, "--call", "set", "--args", '["x"]'],
      /value: expected an integer, got a string/,
    ],
    [
      ["run", "--manifest", COUNTER, "--call", "get", "--gas-limit", "-3"],
      /--gas-limit/,
    ],
    [
      ["run", "--manifest", COUNTER, "--call", "get", "--gas-limit", "1e9"],
      /--gas-limit must be a non-negative integer/,
    ],
    [
      ["run", "--manifest", COUNTER, "--call", "get", "--sender", "0x01"],
      /--sender: an address has 33 bytes/,
    ],
  ];
  for (const [args, pattern] of cases) {
    const result = await runCli(args);
    assert.equal(result.code, 2, args.join(" "));
    assert.match(result.stderr, pattern, args.join(" "));
  }
  await inTempDir(async (dir) => {
    const traced = await runCli([
      "run",
      "--manifest",
      COUNTER,
      "--call",
      "get",
      "--state",
      `${dir}/s.json`,
      "--trace",
    ]);
    assert.equal(traced.code, 0);
    assert.match(traced.stderr, /^<module> 0 CONST 0 \S+ @\d+:\d+ gas=0\+1 stack=\[\]$/m);
    assert.match(traced.stderr, /^get 1 CALL_STDLIB storage\.get_int 1 @\d+:\d+ gas=\d+\+\d+ /m);
    const outOfGas = await runCli([
      "run",
      "--manifest",
      COUNTER,
      "--call",
      "inc",
      "--state",
      `${dir}/s.json`,
      "--gas-limit",
      "50",
    ]);
    assert.equal(outOfGas.code, 1);
    assert.equal(JSON.parse(outOfGas.stdout).error.kind, "out-of-gas");
  });
});
