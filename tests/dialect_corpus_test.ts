/**
 * The upstream Animica dialect (issue 13) through the CLI: each contract of
 * tests/corpus/dialect run with `run` (in-process, through cli.ts's main)
 * with its expected results, and the black-box behaviours of upstream
 * vm_py's own tests (counter, events, private functions, arity, compile
 * determinism, random stream, capabilities, refused constructs).
 */

import assert from "node:assert/strict";
import { ml_dsa65 } from "npm:@noble/post-quantum@0.7.1/ml-dsa.js";
import { main } from "../cli.ts";
import { toHex } from "../lib/abi/hex.ts";

const DIR = new URL("./corpus/dialect/", import.meta.url).pathname;

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process, capturing what it prints. */
async function cli(args: readonly string[]): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => out.push(parts.join(" "));
  console.error = (...parts: unknown[]) => err.push(parts.join(" "));
  try {
    const code = await main(args);
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

interface Receipt {
  readonly ok: boolean;
  readonly return: unknown;
  readonly gasUsed: number;
  readonly events: readonly { name: string; args: Record<string, unknown> }[];
  readonly error?: { type: string; reason: string | null; message: string };
}

/** `run --manifest <corpus>/<name>.json --call fn` with extra flags; the receipt. */
async function call(
  state: string,
  name: string,
  fn: string,
  extra: readonly string[] = [],
): Promise<Receipt> {
  const result = await cli([
    "run",
    "--manifest",
    `${DIR}${name}.json`,
    "--call",
    fn,
    "--state",
    state,
    ...extra,
  ]);
  assert.ok(result.code === 0 || result.code === 1, `${fn}: ${result.stderr}`);
  const receipt: Receipt = JSON.parse(result.stdout);
  assert.equal(receipt.ok, result.code === 0);
  return receipt;
}

async function withState(body: (state: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await body(`${dir}/state.json`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("dialect: counter with submodule imports and bytes event keys", async () => {
  await withState(async (state) => {
    const get = await call(state, "counter", "get");
    assert.equal(get.return, 0);
    const first = await call(state, "counter", "inc");
    assert.equal(first.return, 1);
    assert.deepEqual(first.events, [{ name: "Counter.Incremented", args: { new: 1 } }]);
    assert.ok(first.gasUsed >= get.gasUsed, `inc ${first.gasUsed} < get ${get.gasUsed}`);
    assert.equal((await call(state, "counter", "inc")).return, 2);
    assert.equal((await call(state, "counter", "get")).return, 2);
    const negative = await call(state, "counter", "set", ["--args", "[-1]"]);
    assert.equal(negative.error?.type, "Revert");
    assert.equal(negative.error?.reason, "negative");
    assert.deepEqual(negative.events, []);
    assert.equal((await call(state, "counter", "get")).return, 2, "a revert leaves state");
    const twice = await call(state, "counter", "bump_twice");
    assert.deepEqual(twice.events.map((event) => event.args), [{ new: 3 }, { new: 4 }]);
    const set = await call(state, "counter", "set", ["--args", '{"value": 10}']);
    assert.deepEqual(set.events, [{ name: "Counter.Set", args: { value: 10 } }]);
  });
});

Deno.test("dialect: try/except/else/finally and raise across calls", async () => {
  await withState(async (state) => {
    assert.equal((await call(state, "vault", "deposit", ["--args", "[10]"])).return, 10);
    const bad = await call(state, "vault", "withdraw", ["--args", "[0]"]);
    assert.deepEqual(bad.return, [-1, ["bad: amount must be positive", "done"]]);
    const short = await call(state, "vault", "withdraw", ["--args", "[20]"]);
    assert.deepEqual(short.return, [-2, ["short: 12", "done"]]);
    const ok = await call(state, "vault", "withdraw", ["--args", "[3]"]);
    assert.deepEqual(ok.return, [5, ["ok", "done"]]);
    assert.deepEqual(ok.events, [{ name: "Vault.Withdrawn", args: { amount: 3, left: 5 } }]);
    const tried = await call(state, "vault", "strict", ["--args", "[1]"]);
    assert.equal(tried.return, 3);
    assert.deepEqual(tried.events, [{ name: "Vault.Tried", args: { amount: 1 } }]);
    // A revert inside a handler is not caught, and the finally block's event goes with the call.
    const refused = await call(state, "vault", "strict", ["--args", "[0]"]);
    assert.equal(refused.error?.reason, "refused");
    assert.deepEqual(refused.events, []);
    const uncaught = await call(state, "vault", "strict", ["--args", "[100]"]);
    assert.equal(uncaught.error?.type, "LookupError");
    assert.equal(uncaught.error?.message, "('insufficient', 101, 3)");
    const chained = await call(state, "vault", "divide", ["--args", "[7, 0]"]);
    assert.equal(chained.error?.type, "RuntimeError");
    assert.equal(chained.error?.message, "cannot divide: integer division or modulo by zero");
    assert.equal((await call(state, "vault", "deposit", ["--args", "[0]"])).return, 3);
  });
});

Deno.test("dialect: private, unknown and wrong-arity calls are errors", async () => {
  await withState(async (state) => {
    const manifest = `${DIR}counter.json`;
    const run = (fn: string, args: string[] = []) =>
      cli(["run", "--manifest", manifest, "--call", fn, "--state", state, ...args]);
    for (
      const [fn, args, message] of [
        ["_reset", [], /no function '_reset'/],
        ["nope", [], /no function 'nope'/],
        ["set", ["--args", "[1, 2]"], /set takes 1 argument, got 2/],
        ["set", ["--args", "[]"], /missing argument 'value'/],
      ] as const
    ) {
      const result = await run(fn, [...args]);
      assert.equal(result.code, 2, fn);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, "");
    }
  });
});

Deno.test("dialect: context through abi", async () => {
  await withState(async (state) => {
    const sender = "0x01" + "ab".repeat(32);
    const flags = ["--block-height", "7", "--block-time", "99", "--chain-id", "5"];
    const facts = await call(state, "context", "facts", [...flags, "--sender", sender]);
    assert.deepEqual(facts.return, [true, true, true, 7, 7, 99, 5, true]);
    assert.equal((await call(state, "context", "who", ["--sender", sender])).return, sender);
  });
});

Deno.test("dialect: abi shorthands, storage defaults, isinstance with bytearray", async () => {
  await withState(async (state) => {
    const shorthands = await call(state, "codec", "shorthands");
    assert.deepEqual(shorthands.return, [
      "0x05", // zigzag(-3) = 5
      true,
      "0x026162",
      -12345,
      "0x02" + "0178" + "01" + "026869", // 1, b"x", True, "hi"
      "0x0400",
      "0x01ff",
    ]);
    const struct = await call(state, "codec", "bad_struct");
    assert.equal(struct.error?.type, "TypeError");
    assert.match(struct.error?.message ?? "", /fields must be int, bool, bytes or str, not list/);
    const decode = await call(state, "codec", "bad_decode");
    assert.equal(decode.error?.type, "ValueError");
    const stored = await call(state, "codec", "stored", ["--args", '["0x6b"]']);
    const short = "0x" + toHex(sha3(new TextEncoder().encode("k"))).slice(2, 10);
    assert.deepEqual(stored.return, [false, "0x", null, 7, true, true, true, false, short]);
    const kinds = await call(state, "codec", "kinds", ["--args", '["0x00"]']);
    assert.deepEqual(kinds.return, [true, false, false, true, true]);
  });
});

import { sha3_256 as sha3 } from "npm:@noble/hashes@2.4.0/sha3.js";

Deno.test("dialect: keyword-only parameters, capabilities, random as a stream", async () => {
  await withState(async (state) => {
    const pin = await call(state, "pinning", "pin", ["--args", '["0x61", 9]']);
    assert.deepEqual(pin.return, [["0x61", 24, "0x"], ["0x61", 9, "0x74"], ["0x61", 24, "0x7a"]]);
    const enqueued = await call(state, "pinning", "enqueue", ["--args", '["0x70"]']);
    assert.equal(enqueued.ok, true);
    assert.equal((await call(state, "pinning", "result", ["--args", '["0x01"]'])).return, "0x");
    const blob = await call(state, "pinning", "blob", ["--args", '["0x01"]']);
    assert.equal(blob.error?.type, "PermissionError");
    assert.match(blob.error?.message ?? "", /needs the 'blob_pin' capability/);
    const sizes = await call(state, "pinning", "sizes", ["--args", "[0]"]);
    assert.deepEqual(sizes.return, [0, "0x"]);
  });
  // The same transaction (second call from a fresh state) reads the same stream, in one piece
  // or in chunks; the next transaction's seed differs.
  const streams: unknown[] = [];
  for (const split of [0, 1, 2, 0]) {
    await withState(async (state) => {
      await call(state, "pinning", "set_split", ["--args", `[${split}]`]);
      streams.push((await call(state, "pinning", "read")).return);
      if (split === 0) {
        const next = await call(state, "pinning", "read");
        assert.notDeepEqual(next.return, streams[streams.length - 1]);
      }
    });
  }
  assert.equal(typeof streams[0], "string");
  assert.equal((streams[0] as string).length, 66);
  for (const stream of streams) assert.equal(stream, streams[0]);
});

Deno.test("dialect: pq_verify checks ML-DSA signatures for real", async () => {
  const keys = ml_dsa65.keygen(new Uint8Array(32).fill(7));
  const message = new TextEncoder().encode("job|result");
  const signature = ml_dsa65.sign(message, keys.secretKey);
  const args = (m: Uint8Array, s: Uint8Array, extra: string[] = []) =>
    JSON.stringify([toHex(keys.publicKey), toHex(m), toHex(s), ...extra]);
  const tampered = message.slice();
  tampered[0] = (tampered[0] ?? 0) ^ 1;
  await withState(async (state) => {
    const ok = await call(state, "pq", "check", ["--args", args(message, signature)]);
    assert.equal(ok.return, true);
    assert.ok(ok.gasUsed > 20000 + 8 * (1952 + 3309), `${ok.gasUsed}`);
    assert.equal(
      (await call(state, "pq", "check", ["--args", args(tampered, signature)])).return,
      false,
    );
    const short = signature.slice(1);
    assert.equal(
      (await call(state, "pq", "check", ["--args", args(message, short)])).return,
      false,
    );
    const as44 = await call(state, "pq", "check_as", [
      "--args",
      args(message, signature, ["ML-DSA-44"]),
    ]);
    assert.equal(as44.return, false, "a key of another scheme's size is False");
    const unknown = await call(state, "pq", "check_as", [
      "--args",
      args(message, signature, ["RSA"]),
    ]);
    assert.equal(unknown.error?.type, "ValueError");
    assert.match(unknown.error?.message ?? "", /unknown signature scheme 'RSA'/);
  });
});

Deno.test("dialect: compiling twice gives identical bytes", async () => {
  const dir = await Deno.makeTempDir();
  try {
    for (const name of ["counter", "codec", "pinning"]) {
      const outs = [`${dir}/${name}.1.ir`, `${dir}/${name}.2.ir`];
      for (const out of outs) {
        const result = await cli(["compile", `${DIR}${name}.py`, "--out", out]);
        assert.equal(result.code, 0, result.stderr);
      }
      assert.deepEqual(await Deno.readFile(outs[0] ?? ""), await Deno.readFile(outs[1] ?? ""));
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("dialect: constructs that stay refused keep precise diagnostics with hints", async () => {
  const result = await cli(["validate", `${DIR}refused.py`]);
  assert.equal(result.code, 1);
  const text = result.stdout + result.stderr;
  for (
    const expected of [
      /refused\.py:2:12: banned-builtin: 'globals' is not available[^\n]*\n(?:.*\n){2}\s*hint: read module constants/,
      /refused\.py:6:12: banned-builtin: 'getattr' is not available[^\n]*\n(?:.*\n){2}\s*hint: name the attribute/,
      /refused\.py:10:13: no-lambda: lambda is not supported[^\n]*\n(?:.*\n){2}\s*hint: define a module-level function/,
      /refused\.py:13:9: no-star-args: \*\*kwargs parameters are not supported[^\n]*\n(?:.*\n){2}\s*hint: /,
    ]
  ) assert.match(text, expected);
});
