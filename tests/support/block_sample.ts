/**
 * The small block of the golden block vectors (tests/vectors/block_small.json,
 * spec/BLOCKS.md §9): on a fresh chain (height 1, time 0, chain id 1) where
 * Alice (seed 32 × 0x01) holds 100,000,000, Alice deploys the example token
 * minting 1000, transfers 10 tokens to Bob, sends Bob 5 of value, and tries
 * to transfer 10,000 tokens (which reverts); base fee 1, Bob produces.
 */

import { contractAddress } from "../../lib/chain/address.ts";
import type { BlockFile } from "../../lib/chain/block_file.ts";
import { encodeTx } from "../../lib/chain/tx.ts";
import { ALICE, BOB, deployToken, signed, tokenCall } from "./signed_txs.ts";

/** What the chain holds before the block: Alice's balance. */
export const SAMPLE_FUNDING = { address: ALICE.address, amount: 100_000_000n } as const;

/** The block. */
export function smallBlock(): BlockFile {
  const token = contractAddress(ALICE.address, 0n);
  const call = (amount: bigint, nonce: bigint) =>
    signed(ALICE, {
      kind: "call",
      to: token,
      data: tokenCall("transfer", [BOB.address, amount]),
      value: 0n,
    }, { nonce });
  const txs = [
    signed(ALICE, deployToken(1000n)),
    call(10n, 1n),
    signed(ALICE, { kind: "transfer", to: BOB.address, value: 5n }, { nonce: 2n }),
    call(10_000n, 3n),
  ];
  return { fees: { baseFee: 1n, producer: BOB.address }, transactions: txs.map(encodeTx) };
}
