/**
 * Writes tests/vectors/block_small.json (the block file of
 * tests/support/block_sample.ts) and tests/vectors/block_small.expected.json
 * (the funding before it, each transaction's hash, status, gas used and
 * receipt hash, the receipts root and the state root). Run it by hand when
 * the rules change on purpose (`deno run --allow-read --allow-write=tests/vectors
 * tools/gen_block_vectors.ts`) and review the diff: the test only compares.
 */

// The compiler the chain deploys the sample contracts with (lib/compile/compiler_slot.ts).
import "../lib/compile/compile.ts";
import { toHex } from "../lib/abi/hex.ts";
import { encodeBlockFile } from "../lib/chain/block_file.ts";
import { Chain } from "../lib/chain/chain.ts";
import { receiptHash } from "../lib/chain/tx_receipt.ts";
import { SAMPLE_FUNDING, smallBlock } from "../tests/support/block_sample.ts";

const block = smallBlock();
const chain = new Chain();
chain.fund(SAMPLE_FUNDING.address, SAMPLE_FUNDING.amount);
const result = chain.applyBlock(block.transactions, block.fees);
if (!result.accepted) throw new Error(`the sample block is rejected: ${result.reason}`);
const expected = {
  comment: "spec/BLOCKS.md §9; written by tools/gen_block_vectors.ts",
  fund: { address: toHex(SAMPLE_FUNDING.address), amount: String(SAMPLE_FUNDING.amount) },
  transactions: result.transactions.map((tx) => ({
    hash: toHex(tx.hash),
    status: tx.receipt.status,
    gasUsed: String(tx.receipt.gasUsed),
    fee: String(tx.fee),
    receiptHash: toHex(receiptHash(tx.receipt)),
  })),
  receiptsRoot: toHex(result.receiptsRoot),
  stateRoot: toHex(result.stateRoot),
};
const dir = new URL("../tests/vectors/", import.meta.url);
await Deno.writeTextFile(new URL("block_small.json", dir), encodeBlockFile(block));
await Deno.writeTextFile(
  new URL("block_small.expected.json", dir),
  JSON.stringify(expected, null, 2) + "\n",
);
