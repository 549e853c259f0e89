/**
 * An adversary's regressions for signed transactions and blocks: value is
 * conserved (balances lost = fee burned) in the corner cases of self
 * transfers, a sender or recipient that is the producer and a producer at
 * the balance cap; JSON that repeats a key (read differently by different
 * parsers) is refused in block files and deployed manifests; endless or
 * huge transaction, block and key files are refused as they are read; nesting
 * a million deep is refused by shape before the recursive CBOR decoder.
 */

import assert from "node:assert/strict";
import { Chain, contractAddress, MemoryState } from "../mod.ts";
import { type BlockFees, parseBlockFile, type TxResult } from "../chain.ts";
import { CAPS } from "../ir.ts";
import { readBalance } from "../lib/chain/records.ts";
import { decodeTx } from "../lib/chain/tx.ts";
import { TxError } from "../mod.ts";
import type { SignedTx } from "../lib/chain/tx_types.ts";
import { runCli } from "./support/cli.ts";
import { ALICE, BOB, deployToken, signed, TOKEN } from "./support/signed_txs.ts";

const CAP = (1n << BigInt(CAPS.int_bits)) - 1n;
const FUNDS = 10n ** 20n;
const DEFAULT: BlockFees = { baseFee: 0n, producer: null };

/** Applies `txs` with `fees`; checks balances lost equal the fees burned; the results. */
function conserved(
  funding: readonly [Uint8Array, bigint][],
  txs: readonly SignedTx[],
  fees: BlockFees,
): { state: MemoryState; results: TxResult[] } {
  const state = new MemoryState();
  const chain = new Chain({ state });
  for (const [address, amount] of funding) chain.fund(address, amount);
  const accounts = [ALICE.address, BOB.address, contractAddress(ALICE.address, 0n)];
  const total = () => accounts.reduce((sum, address) => sum + readBalance(state, address), 0n);
  const before = total();
  const results = txs.map((tx) => chain.applyTransaction(tx, fees));
  const burned = results.reduce((sum, r) => sum + (r.accepted ? r.burned : 0n), 0n);
  assert.equal(before - total(), burned);
  return { state, results };
}

function pay(to: Uint8Array, value: bigint): SignedTx {
  return signed(ALICE, { kind: "transfer", to, value });
}

Deno.test("attack: a transfer to oneself costs exactly its fee", () => {
  const { state, results } = conserved([[ALICE.address, FUNDS]], [pay(ALICE.address, 5n)], {
    baseFee: 1n,
    producer: BOB.address,
  });
  const [result] = results;
  assert.ok(result?.accepted);
  assert.equal(readBalance(state, ALICE.address), FUNDS - result.fee);
  assert.equal(readBalance(state, BOB.address), result.fee - result.burned);
});

Deno.test("attack: a sender that produces the block gets its own tip back", () => {
  const { state, results } = conserved([[ALICE.address, FUNDS]], [pay(BOB.address, 5n)], {
    baseFee: 1n,
    producer: ALICE.address,
  });
  const [result] = results;
  assert.ok(result?.accepted);
  assert.equal(readBalance(state, ALICE.address), FUNDS - 5n - result.burned);
});

Deno.test("attack: a producer at the balance cap burns the tip, never overflows", () => {
  const { state, results } = conserved(
    [[ALICE.address, FUNDS], [BOB.address, CAP - 10n]],
    [pay(BOB.address, 5n)],
    { baseFee: 1n, producer: BOB.address },
  );
  const [result] = results;
  assert.ok(result?.accepted);
  assert.equal(result.burned, result.fee);
  assert.equal(readBalance(state, BOB.address), CAP - 5n);
});

Deno.test("attack: value that would lift the recipient over the cap fails; the fee is paid", () => {
  const { state, results } = conserved(
    [[ALICE.address, FUNDS], [BOB.address, CAP - 2n]],
    [pay(BOB.address, 5n)],
    { baseFee: 1n, producer: null },
  );
  const [result] = results;
  assert.ok(result?.accepted);
  assert.equal(result.receipt.status, 1);
  assert.equal(readBalance(state, BOB.address), CAP - 2n);
  assert.equal(readBalance(state, ALICE.address), FUNDS - result.fee);
});

Deno.test("attack: a deployment with value and init, then a call with value, conserve", () => {
  conserved(
    [[ALICE.address, FUNDS]],
    [
      signed(ALICE, { ...deployToken(1000n), value: 77n }),
      signed(ALICE, { kind: "transfer", to: contractAddress(ALICE.address, 0n), value: 9n }, {
        nonce: 1n,
      }),
    ],
    { baseFee: 1n, producer: contractAddress(ALICE.address, 0n) },
  );
});

Deno.test("attack: a deployed manifest that repeats a key fails to deploy", () => {
  const text = new TextDecoder().decode(TOKEN.manifest).replace(/^\{/, '{"name": "evil", ');
  const manifest = new TextEncoder().encode(text);
  const tx = signed(ALICE, {
    kind: "deploy",
    manifest,
    code: TOKEN.code,
    initData: null,
    value: 0n,
  });
  const { state, results } = conserved([[ALICE.address, FUNDS]], [tx], DEFAULT);
  const [result] = results;
  assert.ok(result?.accepted);
  assert.equal(result.receipt.status, 1);
  assert.match(result.failure?.message ?? "", /repeats the key "name"/);
  assert.equal(new Chain({ state }).isDeployed(contractAddress(ALICE.address, 0n)), false);
});

Deno.test("attack: a block file that repeats a key is refused", () => {
  const text = '{"format": "animica-block/1", "baseFee": 1, "baseFee": 0, "producer": null, ' +
    '"transactions": []}';
  assert.throws(() => parseBlockFile(text), /repeats the key "baseFee"/);
});

Deno.test("attack: endless transaction, block and key files are refused as they are read", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const state = `${dir}/s.json`;
    const cases: [string[], RegExp][] = [
      [["tx", "send", "/dev/zero", "--state", state], /'\/dev\/zero' is over the \d+-byte cap/],
      [["tx", "decode", "/dev/zero"], /'\/dev\/zero' is over the \d+-byte cap/],
      [
        ["block", "apply", "/dev/zero", "--state", state],
        /'\/dev\/zero' is over the 268435456-byte/,
      ],
      [["block", "apply", dir, "--state", state], /cannot read .*: is a directory/],
      [
        [
          "tx",
          "build",
          "transfer",
          "--from",
          "/dev/zero",
          "--to",
          `0x01${"ab".repeat(32)}`,
          "--out",
          `${dir}/t`,
        ],
        /'\/dev\/zero' is over the 65536-byte cap/,
      ],
    ];
    for (const [args, pattern] of cases) {
      const result = await runCli(args);
      assert.equal(result.code, 2, args.join(" "));
      assert.match(result.stderr, pattern, args.join(" "));
      assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, args.join(" "));
    }
    assert.equal(await Deno.stat(state).then(() => true, () => false), false);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("attack: deep CBOR nesting and nested tags are refused before decoding", () => {
  const cases: [Uint8Array, RegExp][] = [
    [new Uint8Array(1_000_000).fill(0x81), /nest deeper than 3/],
    [new Uint8Array(1_000_000).fill(0xa1), /nest deeper than 3/],
    [new Uint8Array(1_000_000).fill(0xc2), /byte 1 is a tag/],
    [Uint8Array.of(0xc1, 0x00), /byte 0 is a tag/],
    [Uint8Array.of(0x9b, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff), /more items than bytes left/],
  ];
  for (const [bytes, pattern] of cases) {
    assert.throws(
      () => decodeTx(bytes),
      (error) => error instanceof TxError && pattern.test(error.message),
    );
  }
});
