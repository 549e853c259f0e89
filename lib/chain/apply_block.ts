/**
 * Applying a block, an ordered list of signed transactions (spec/BLOCKS.md
 * §6): each transaction sees the writes of those before it; if one is
 * rejected, the whole block is, and nothing changes. The receipts root
 * commits to the receipts in order. Pure: it reads a state and returns the
 * block's writes for the caller to apply at once.
 */

import type { StateReader } from "../runtime/host/types.ts";
import type { StateWrite } from "../runtime/state.ts";
import { applyTx, type BlockFees, type TxApplied } from "./apply_tx.ts";
import { Overlay } from "./overlay.ts";
import type { Block } from "./records.ts";
import { receiptsRoot } from "./roots.ts";
import type { CodeLoader } from "./tx_body.ts";
import { receiptHash } from "./tx_receipt.ts";
import type { SignedTx } from "./tx_types.ts";

/** A block the chain refused because one of its transactions was rejected: nothing changed. */
export interface BlockRejected {
  /** Refused. */
  readonly accepted: false;
  /** Position of the first rejected transaction (from 0). */
  readonly index: number;
  /** Why it was rejected. */
  readonly reason: string;
  /** Its hash, when its bytes decoded. */
  readonly hash: Uint8Array | null;
}

/** A block the chain applied. */
export interface BlockApplied {
  /** Applied. */
  readonly accepted: true;
  /** Each transaction's outcome, in block order. */
  readonly transactions: readonly TxApplied[];
  /** The binary Merkle root of the receipt hashes, in order (spec/RECEIPTS.md). */
  readonly receiptsRoot: Uint8Array;
}

/** What applying a block gave, before its state root. */
export type BlockOutcome = BlockRejected | BlockApplied;

/** Applies `txs` in order over `state`; the writes are empty when the block is rejected. */
export function applyBlockTxs(
  state: StateReader,
  txs: readonly (SignedTx | Uint8Array)[],
  block: Block,
  fees: BlockFees,
  load: CodeLoader,
): { result: BlockOutcome; writes: readonly StateWrite[] } {
  const pending = new Overlay(state);
  const applied: TxApplied[] = [];
  for (const [index, tx] of txs.entries()) {
    const { result, writes } = applyTx(pending, tx, block, fees, load);
    if (!result.accepted) {
      return {
        result: { accepted: false, index, reason: result.reason, hash: result.hash },
        writes: [],
      };
    }
    pending.add(writes);
    applied.push(result);
  }
  const root = receiptsRoot(applied.map((entry) => receiptHash(entry.receipt)));
  return {
    result: { accepted: true, transactions: applied, receiptsRoot: root },
    writes: pending.writes(),
  };
}
