/**
 * `tx build|sign|decode` end to end: files of each kind built from flags,
 * signed by the sender's key and decoded as text and JSON (calldata by the
 * manifest), the same inputs giving the same bytes; and every bad flag or
 * file an exit 2 with a message, never a stack trace.
 */

import assert from "node:assert/strict";
import { decodeTx, decodeUnsignedTx, MAX_TX_BYTES } from "../lib/chain/tx.ts";
import { runCli } from "./support/cli.ts";

const SEED_A = "00".repeat(32);
const SEED_B = "11".repeat(32);
const COUNTER = "examples/counter/manifest.json";
const TOKEN = "examples/token/manifest.json";
const CONTRACT = "0xc0" + "11".repeat(32);

async function ok(args: string[]): Promise<string> {
  const result = await runCli(args);
  assert.equal(result.code, 0, `${args.join(" ")}: ${result.stderr}`);
  assert.equal(result.stderr, "");
  return result.stdout;
}

async function withKeys(run: (dir: string, bob: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await ok(["key", "new", "--seed", SEED_A, "--out", `${dir}/alice.json`]);
    const bob =
      (await ok(["key", "new", "--alg", "ml-dsa-44", "--seed", SEED_B, "--out", `${dir}/bob.json`]))
        .trim();
    await run(dir, bob);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("cli tx: build, sign and decode a transfer; the same flags give the same bytes", async () => {
  await withKeys(async (dir, bob) => {
    const build = [
      "tx",
      "build",
      "transfer",
      "--from",
      `${dir}/alice.json`,
      "--to",
      bob,
      "--value",
      "100",
      "--memo",
      "hi",
      "--nonce",
      "4",
      "--chain-id",
      "3",
      "--max-fee",
      "9",
      "--tip",
      "2",
    ];
    assert.match(
      await ok([...build, "--out", `${dir}/t.utx`]),
      /t\.utx: unsigned transfer from anim1/,
    );
    await ok([...build, "--out", `${dir}/u.utx`]);
    const bytes = await Deno.readFile(`${dir}/t.utx`);
    assert.deepEqual(await Deno.readFile(`${dir}/u.utx`), bytes);
    const tx = decodeUnsignedTx(bytes);
    assert.deepEqual(
      [tx.chainId, tx.nonce, tx.maxFeePerGas, tx.maxPriorityFeePerGas, tx.gasLimit],
      [3n, 4n, 9n, 2n, 10_000_000n],
    );
    assert.equal(tx.body.kind === "transfer" ? tx.body.value : null, 100n);
    const hash = (await ok([
      "tx",
      "sign",
      "--key",
      `${dir}/alice.json`,
      `${dir}/t.utx`,
      "--out",
      `${dir}/t.tx`,
    ])).trim();
    assert.match(hash, /^0x[0-9a-f]{64}$/);
    const signed = decodeTx(await Deno.readFile(`${dir}/t.tx`));
    assert.equal(signed.auth[0]?.alg, "ml-dsa-65");
    const text = await ok(["tx", "decode", `${dir}/t.tx`]);
    assert.match(text, /^kind +transfer$/m);
    assert.match(text, /^memo +"hi"$/m);
    assert.match(text, new RegExp(`^to +${bob}$`, "m"));
    assert.match(text, /^authorised +yes$/m);
    assert.match(text, new RegExp(`^hash +${hash}$`, "m"));
    const json = JSON.parse(await ok(["tx", "decode", `${dir}/t.tx`, "--json"]));
    assert.equal(json.hash, hash);
    assert.equal(json.authProblem, null);
    assert.deepEqual(json.body, { to: bob, value: 100 });
    assert.match(await ok(["tx", "decode", `${dir}/t.utx`]), /^kind +transfer \(unsigned\)$/m);
    // A sender given as an address, in either case, is not read as a key file.
    const fromBob = ["tx", "build", "transfer", "--to", bob, "--value", "1"];
    await ok([...fromBob, "--from", bob, "--out", `${dir}/lower.utx`]);
    await ok([...fromBob, "--from", bob.toUpperCase(), "--out", `${dir}/upper.utx`]);
    assert.deepEqual(
      await Deno.readFile(`${dir}/upper.utx`),
      await Deno.readFile(`${dir}/lower.utx`),
    );
  });
});

Deno.test("cli tx: a call from the manifest's function and a deployment with init arguments", async () => {
  await withKeys(async (dir) => {
    await ok([
      "tx",
      "build",
      "call",
      "--from",
      `${dir}/alice.json`,
      "--to",
      CONTRACT,
      "--manifest",
      COUNTER,
      "--call",
      "set",
      "--args",
      "[5]",
      "--out",
      `${dir}/c.utx`,
    ]);
    const call = decodeUnsignedTx(await Deno.readFile(`${dir}/c.utx`));
    assert.equal(call.body.kind, "call");
    const text = await ok(["tx", "decode", `${dir}/c.utx`, "--manifest", COUNTER]);
    assert.match(text, /^call +\{"function":"set","args":\{"value":5\}\}$/m);
    await ok([
      "tx",
      "build",
      "call",
      "--from",
      `${dir}/alice.json`,
      "--to",
      CONTRACT,
      "--data",
      "0xa45c4fc944fe4f5c0a",
      "--out",
      `${dir}/raw.utx`,
    ]);
    const raw = decodeUnsignedTx(await Deno.readFile(`${dir}/raw.utx`));
    assert.equal(raw.body.kind === "call" ? raw.body.data.length : 0, 9);
    await ok([
      "tx",
      "build",
      "deploy",
      "--from",
      `${dir}/alice.json`,
      "--manifest",
      TOKEN,
      "--init-args",
      "[1000]",
      "--out",
      `${dir}/d.utx`,
    ]);
    await ok(["tx", "sign", "--key", `${dir}/alice.json`, `${dir}/d.utx`, "--out", `${dir}/d.tx`]);
    const deploy = decodeTx(await Deno.readFile(`${dir}/d.tx`)).tx.body;
    assert.equal(deploy.kind, "deploy");
    if (deploy.kind !== "deploy") return;
    assert.equal(
      new TextDecoder().decode(deploy.code),
      await Deno.readTextFile("examples/token/token.py"),
    );
    assert.equal(JSON.parse(new TextDecoder().decode(deploy.manifest)).name, "token");
    const json = JSON.parse(
      await ok(["tx", "decode", `${dir}/d.tx`, "--json", "--manifest", TOKEN]),
    );
    assert.deepEqual(json.body.init, { function: "init", args: { supply: 1000 } });
  });
});

Deno.test("cli tx: bad flags and files are exit 2 with a clear message", async () => {
  await withKeys(async (dir, bob) => {
    await Deno.writeFile(`${dir}/junk.tx`, new Uint8Array([0xa1, 0x61, 0x76, 0x02]));
    await Deno.writeFile(`${dir}/huge.tx`, new Uint8Array(MAX_TX_BYTES + 1));
    await ok([
      "tx",
      "build",
      "transfer",
      "--from",
      `${dir}/alice.json`,
      "--to",
      bob,
      "--out",
      `${dir}/t.utx`,
    ]);
    await ok(["tx", "sign", "--key", `${dir}/alice.json`, `${dir}/t.utx`, "--out", `${dir}/t.tx`]);
    const from = ["--from", `${dir}/alice.json`];
    const cases: [string[], RegExp][] = [
      [["tx", "bulid"], /no tx subcommand 'bulid'; did you mean 'build'\?/],
      [["tx", "build", "--out", "x"], /give the kind: transfer, call or deploy/],
      [["tx", "build", "swap", "--out", "x"], /give the kind/],
      [["tx", "build", "transfer", ...from, "--to", bob], /--out is required/],
      [["tx", "build", "transfer", "--to", bob, "--out", `${dir}/x`], /--from is required/],
      [
        ["tx", "build", "transfer", ...from, "--to", "0x12", "--out", `${dir}/x`],
        /--to: an address has 33 bytes, got 1/,
      ],
      [
        ["tx", "build", "transfer", ...from, "--to", bob, "--nonce", "-1", "--out", `${dir}/x`],
        /--nonce/,
      ],
      [[
        "tx",
        "build",
        "transfer",
        ...from,
        "--to",
        bob,
        "--nonce",
        String(2n ** 64n),
        "--out",
        `${dir}/x`,
      ], /--nonce is 64 bits or more/],
      [
        ["tx", "build", "transfer", ...from, "--to", bob, "--tip", "5", "--out", `${dir}/x`],
        /maxPriorityFeePerGas: must not exceed maxFeePerGas \(--tip\)/,
      ],
      [[
        "tx",
        "build",
        "transfer",
        ...from,
        "--to",
        bob,
        "--memo",
        "m".repeat(300),
        "--out",
        `${dir}/x`,
      ], /memo: must be 1 to 96 bytes, got 300 \(--memo\)/],
      [
        ["tx", "build", "transfer", ...from, "--to", bob, "--call", "f", "--out", `${dir}/x`],
        /--call does not apply to a transfer/,
      ],
      [
        ["tx", "build", "transfer", "--from", `${dir}/none.json`, "--to", bob, "--out", `${dir}/x`],
        /cannot read '.*none.json': no such file/,
      ],
      [
        ["tx", "build", "transfer", ...from, "--to", bob, "--out", `${dir}/t.utx`],
        /already exists \(use --force to overwrite\)/,
      ],
      [
        ["tx", "build", "call", ...from, "--to", CONTRACT, "--out", `${dir}/x`],
        /needs --manifest M --call F, or --data HEX/,
      ],
      [
        ["tx", "build", "call", ...from, "--to", CONTRACT, "--data", "0xzz", "--out", `${dir}/x`],
        /--data must be hex/,
      ],
      [[
        "tx",
        "build",
        "call",
        ...from,
        "--to",
        CONTRACT,
        "--manifest",
        COUNTER,
        "--call",
        "set",
        "--args",
        '["x"]',
        "--out",
        `${dir}/x`,
      ], /arguments: value/],
      [[
        "tx",
        "build",
        "deploy",
        ...from,
        "--manifest",
        COUNTER,
        "--init-args",
        "[]",
        "--out",
        `${dir}/x`,
      ], /the manifest has no init function/],
      [
        ["tx", "sign", "--key", `${dir}/bob.json`, `${dir}/t.utx`, "--out", `${dir}/x`],
        /the key's address anim1.* is not the sender anim1/,
      ],
      [
        ["tx", "sign", "--key", `${dir}/alice.json`, `${dir}/t.tx`, "--out", `${dir}/x`],
        /already signed/,
      ],
      [["tx", "sign", `${dir}/t.utx`, "--out", `${dir}/x`], /--key is required/],
      [["tx", "decode", `${dir}/junk.tx`], /junk.tx': v: must be 1/],
      [["tx", "decode", `${dir}/alice.json`], /alice.json': not canonical CBOR/],
      [["tx", "decode"], /give one TX file/],
      [["tx", "decode", `${dir}/huge.tx`], /huge.tx' is over the 3155248-byte cap/],
      [["tx", "decode", `${dir}/none.tx`], /cannot read '.*none.tx': no such file/],
    ];
    for (const [args, pattern] of cases) {
      const result = await runCli(args);
      assert.equal(result.code, 2, `${args.join(" ")}: ${result.stdout}`);
      assert.match(result.stderr, pattern, args.join(" "));
      assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, args.join(" "));
    }
  });
});
