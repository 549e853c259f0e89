/**
 * `tx send` in a real subprocess: a signed deployment and call are applied
 * and print their receipt with decoded logs (exit 0); a call that reverts
 * is applied, written and exits 1; rejected transactions (replayed nonce,
 * max fee under the base fee, malformed or unsigned files) exit 2 and leave
 * the state file byte-identical; bad flags are usage errors.
 */

import assert from "node:assert/strict";
import { formatAddress } from "../mod.ts";
import { contractAddress } from "../lib/chain/address.ts";
import { encodeTx, encodeUnsignedTx } from "../lib/chain/tx.ts";
import { runCli } from "./support/cli.ts";
import { ALICE, BOB, deployToken, signed, tokenCall, unsigned } from "./support/signed_txs.ts";

const TOKEN = contractAddress(ALICE.address, 0n);

function transferTx(amount: bigint, nonce: bigint) {
  const data = tokenCall("transfer", [BOB.address, amount]);
  return signed(ALICE, { kind: "call", to: TOKEN, data, value: 0n }, { nonce });
}

async function withFundedState(body: (dir: string, state: string) => Promise<void>) {
  const dir = await Deno.makeTempDir();
  try {
    const state = `${dir}/state.json`;
    const fund = await runCli([
      "state",
      "fund",
      "--address",
      formatAddress(ALICE.address),
      "--value",
      "100000000",
      "--state",
      state,
    ]);
    assert.equal(fund.code, 0, fund.stderr);
    await body(dir, state);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("tx send: deploy and call print receipts with decoded logs; a revert is written and exits 1", async () => {
  await withFundedState(async (dir, state) => {
    await Deno.writeFile(`${dir}/deploy.tx`, encodeTx(signed(ALICE, deployToken(1000n))));
    const producer = formatAddress(BOB.address);
    const deploy = await runCli([
      "tx",
      "send",
      `${dir}/deploy.tx`,
      "--state",
      state,
      "--base-fee",
      "1",
      "--producer",
      producer,
    ]);
    assert.equal(deploy.code, 0, deploy.stderr);
    const receipt = JSON.parse(deploy.stdout);
    assert.equal(receipt.status, 0);
    assert.equal(receipt.contractAddress, formatAddress(TOKEN));
    assert.equal(receipt.gasPrice, 2); // min(3, 1 + 1)
    assert.equal(receipt.fee, receipt.gasUsed * 2);
    assert.equal(receipt.burned, receipt.gasUsed);
    assert.equal(receipt.logs[0].event, "Transfer");
    assert.equal(receipt.logs[0].args.amount, 1000);
    assert.match(receipt.hash, /^0x[0-9a-f]{64}$/);

    await Deno.writeFile(`${dir}/pay.tx`, encodeTx(transferTx(10n, 1n)));
    const pay = await runCli(["tx", "send", `${dir}/pay.tx`, "--state", state]);
    assert.equal(pay.code, 0, pay.stderr);
    const paid = JSON.parse(pay.stdout);
    assert.equal(paid.return, true);
    assert.deepEqual(paid.logs[0].args, {
      from: `0x${[...ALICE.address].map((b) => b.toString(16).padStart(2, "0")).join("")}`,
      to: `0x${[...BOB.address].map((b) => b.toString(16).padStart(2, "0")).join("")}`,
      amount: 10,
    });

    await Deno.writeFile(`${dir}/big.tx`, encodeTx(transferTx(1_000_000n, 2n)));
    const big = await runCli(["tx", "send", `${dir}/big.tx`, "--state", state]);
    assert.equal(big.code, 1);
    const failed = JSON.parse(big.stdout);
    assert.equal(failed.status, 1);
    assert.equal(failed.error.reason, "insufficient balance");
    const show = await runCli([
      "state",
      "show",
      "--state",
      state,
      "--address",
      formatAddress(ALICE.address),
      "--json",
    ]);
    assert.match(show.stdout, /"nonce": 3/);
  });
});

Deno.test("tx send: rejections exit 2 and leave the state file byte-identical", async () => {
  await withFundedState(async (dir, state) => {
    await Deno.writeFile(`${dir}/deploy.tx`, encodeTx(signed(ALICE, deployToken(1000n))));
    assert.equal((await runCli(["tx", "send", `${dir}/deploy.tx`, "--state", state])).code, 0);
    await Deno.writeFile(`${dir}/garbage.tx`, Uint8Array.of(0x82, 0x01));
    await Deno.writeFile(
      `${dir}/unsigned.utx`,
      encodeUnsignedTx(unsigned(ALICE, deployToken(1n), { nonce: 1n })),
    );
    const cases: [string[], RegExp][] = [
      [[`${dir}/deploy.tx`], /transaction rejected: nonce 0 is already used/],
      [
        [`${dir}/deploy.tx`, "--base-fee", "4"],
        /transaction rejected: the max fee per gas 3 is below the base fee 4/,
      ],
      [[`${dir}/garbage.tx`], /garbage\.tx': /],
      [[`${dir}/unsigned.utx`], /is not signed/],
      [[`${dir}/missing.tx`], /cannot read .*missing\.tx': no such file/],
      [[`${dir}/deploy.tx`, "--producer", "0x01"], /--producer/],
      [[`${dir}/deploy.tx`, "--base-fee=x"], /--base-fee must be a non-negative integer/],
      [[], /give one TXFILE/],
    ];
    const before = await Deno.readFile(state);
    for (const [args, message] of cases) {
      const result = await runCli(["tx", "send", ...args, "--state", state]);
      assert.equal(result.code, 2, args.join(" "));
      assert.equal(result.stdout, "");
      assert.match(result.stderr, message);
      assert.deepEqual(await Deno.readFile(state), before);
    }
  });
});
