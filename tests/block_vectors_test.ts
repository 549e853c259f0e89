/**
 * The golden block vectors (tests/vectors/block_small.json and
 * block_small.expected.json, spec/BLOCKS.md §9): the sample block gives
 * exactly the recorded transaction hashes, statuses, gas, fees, receipt
 * hashes, receipts root and state root, in process and through `block
 * apply` in two separate processes on fresh state files; applying it a
 * second time is rejected by nonce and leaves the file byte-identical. The
 * files are written only by tools/gen_block_vectors.ts, by hand.
 */

import assert from "node:assert/strict";
import { toHex } from "../abi.ts";
import { encodeBlockFile, parseBlockFile, receiptHash } from "../chain.ts";
import { Chain, formatAddress } from "../mod.ts";
import { SAMPLE_FUNDING, smallBlock } from "./support/block_sample.ts";
import { runCli } from "./support/cli.ts";

const BLOCK_PATH = new URL("./vectors/block_small.json", import.meta.url).pathname;
const BLOCK_TEXT = await Deno.readTextFile(BLOCK_PATH);
const EXPECTED = JSON.parse(
  await Deno.readTextFile(new URL("./vectors/block_small.expected.json", import.meta.url)),
) as {
  fund: { address: string; amount: string };
  transactions: {
    hash: string;
    status: number;
    gasUsed: string;
    fee: string;
    receiptHash: string;
  }[];
  receiptsRoot: string;
  stateRoot: string;
};

Deno.test("block vectors: the sample block file is the one the sample builds", () => {
  assert.equal(encodeBlockFile(smallBlock()), BLOCK_TEXT);
  assert.equal(EXPECTED.fund.address, toHex(SAMPLE_FUNDING.address));
  assert.equal(EXPECTED.fund.amount, String(SAMPLE_FUNDING.amount));
});

Deno.test("block vectors: spec/BLOCKS.md §9 shows the recorded roots", async () => {
  const spec = await Deno.readTextFile(new URL("../spec/BLOCKS.md", import.meta.url));
  assert.ok(spec.includes(`| receipts root | \`${EXPECTED.receiptsRoot}\` |`));
  assert.ok(spec.includes(`| state root    | \`${EXPECTED.stateRoot}\` |`));
});

Deno.test("block vectors: receipts, receipts root and state root in process", () => {
  const block = parseBlockFile(BLOCK_TEXT);
  const chain = new Chain();
  chain.fund(SAMPLE_FUNDING.address, SAMPLE_FUNDING.amount);
  const result = chain.applyBlock(block.transactions, block.fees);
  assert.ok(result.accepted);
  if (!result.accepted) return;
  assert.deepEqual(
    result.transactions.map((tx) => ({
      hash: toHex(tx.hash),
      status: tx.receipt.status,
      gasUsed: String(tx.receipt.gasUsed),
      fee: String(tx.fee),
      receiptHash: toHex(receiptHash(tx.receipt)),
    })),
    EXPECTED.transactions,
  );
  assert.equal(toHex(result.receiptsRoot), EXPECTED.receiptsRoot);
  assert.equal(toHex(result.stateRoot), EXPECTED.stateRoot);
});

/** Funds the sample's sender in a fresh state file and applies the block; the JSON printed. */
async function replay(dir: string): Promise<string> {
  const state = `${dir}/state.json`;
  const fund = await runCli([
    "state",
    "fund",
    "--address",
    EXPECTED.fund.address,
    "--value",
    EXPECTED.fund.amount,
    "--state",
    state,
  ]);
  assert.equal(fund.code, 0, fund.stderr);
  const applied = await runCli(["block", "apply", BLOCK_PATH, "--state", state, "--json"]);
  assert.equal(applied.code, 0, applied.stderr);
  return applied.stdout;
}

Deno.test("block vectors: two processes on fresh states print identical receipts and the roots; a replay is rejected", async () => {
  const dirs = [await Deno.makeTempDir(), await Deno.makeTempDir()];
  try {
    const [first, second] = await Promise.all(dirs.map(replay));
    assert.equal(first, second);
    const output = JSON.parse(first ?? "") as {
      transactions: { hash: string; status: number; receiptHash: string }[];
      receiptsRoot: string;
      stateRoot: string;
    };
    assert.equal(output.receiptsRoot, EXPECTED.receiptsRoot);
    assert.equal(output.stateRoot, EXPECTED.stateRoot);
    assert.deepEqual(
      output.transactions.map((tx) => tx.receiptHash),
      EXPECTED.transactions.map((tx) => tx.receiptHash),
    );
    const state = `${dirs[0]}/state.json`;
    const before = await Deno.readFile(state);
    const again = await runCli(["block", "apply", BLOCK_PATH, "--state", state]);
    assert.equal(again.code, 2);
    assert.equal(again.stdout, "");
    assert.match(
      again.stderr,
      /block rejected: transaction 0 \(0x[0-9a-f]{64}\): nonce 0 is already used/,
    );
    assert.deepEqual(await Deno.readFile(state), before);
  } finally {
    for (const dir of dirs) await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("block build writes the sample block file from its transaction files", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const block = smallBlock();
    const paths = block.transactions.map((_, i) => `${dir}/${i}.tx`);
    for (const [i, bytes] of block.transactions.entries()) {
      await Deno.writeFile(`${dir}/${i}.tx`, bytes);
    }
    const producer = formatAddress(block.fees.producer ?? new Uint8Array(33));
    const out = `${dir}/block.json`;
    const built = await runCli([
      "block",
      "build",
      ...paths,
      "--base-fee",
      "1",
      "--producer",
      producer,
      "--out",
      out,
    ]);
    assert.equal(built.code, 0, built.stderr);
    assert.equal(built.stdout, `${out}: 4 transactions\n`);
    assert.equal(await Deno.readTextFile(out), BLOCK_TEXT);
    const again = await runCli(["block", "build", ...paths, "--out", out]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /--force/);
    await Deno.writeFile(`${dir}/bad.tx`, Uint8Array.of(1, 2, 3));
    const bad = await runCli(["block", "build", `${dir}/bad.tx`, "--out", `${dir}/b2.json`]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.tx': /);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("block apply: text output, a malformed file, a missing file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const state = `${dir}/state.json`;
    const fund = await runCli([
      "state",
      "fund",
      "--address",
      EXPECTED.fund.address,
      "--value",
      EXPECTED.fund.amount,
      "--state",
      state,
    ]);
    assert.equal(fund.code, 0, fund.stderr);
    const text = await runCli(["block", "apply", BLOCK_PATH, "--state", state]);
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.trimEnd().split("\n");
    assert.match(
      lines[0] ?? "",
      /^transaction 0 0x[0-9a-f]{64}: ok, gas \d+, fee \d+, contract anim1/,
    );
    assert.match(lines[1] ?? "", /^ {2}log Transfer \{"from":"0x","to":"0x01/);
    assert.ok(
      lines.some((line) => /^transaction 3 .*: failed \(insufficient balance\)/.test(line)),
    );
    assert.deepEqual(lines.slice(-2), [
      `receipts root ${EXPECTED.receiptsRoot}`,
      `state root ${EXPECTED.stateRoot}`,
    ]);
    const bad = `${dir}/bad.json`;
    await Deno.writeTextFile(bad, '{"format": "animica-block/1"}');
    const before = await Deno.readFile(state);
    const malformed = await runCli(["block", "apply", bad, "--state", state]);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /bad\.json': block file: missing field 'baseFee'/);
    const missing = await runCli(["block", "apply", `${dir}/none.json`, "--state", state]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*none\.json': no such file/);
    const usage = await runCli(["block", "apply", "--state", state]);
    assert.equal(usage.code, 2);
    assert.deepEqual(await Deno.readFile(state), before);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
