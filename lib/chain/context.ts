/**
 * The context of a transaction (spec/CHAIN.md §5): its hash, derived from
 * what the transaction is (kind, chain id, sender, sender's nonce, target,
 * value, payload), and the CallContext the runtime sees. A transaction
 * makes one call, so its call index is 0; `stdlib.random` is seeded from
 * the hash and that index. Signed transactions (./apply_tx.ts) bring their
 * own hash (./tx.ts) to the same context.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import { concatBytes } from "../abi/hex.ts";
import type { CallContext } from "../runtime/host/types.ts";
import { intToBytes } from "../runtime/int_bytes.ts";
import { bitLength } from "../runtime/ops.ts";
import { u64Bytes } from "./address.ts";
import type { Block } from "./records.ts";

/** Domain tag of transaction hashes. */
export const TX_DOMAIN = "animica:tx:v1|";

/** What a transaction does; its byte in the hash. */
export const TX_KIND = { call: 0, deploy: 1, view: 2 } as const;

/** The facts a transaction hash covers. */
export interface Transaction {
  /** Call, deploy or view. */
  readonly kind: keyof typeof TX_KIND;
  /** The sender's address (33 bytes). */
  readonly sender: Uint8Array;
  /** The sender's nonce before the transaction. */
  readonly nonce: bigint;
  /** The contract called or deployed (33 bytes). */
  readonly to: Uint8Array;
  /** Value sent with it (non-negative, under int_bits). */
  readonly value: bigint;
  /** Calldata of a call or view; code hash || manifest hash || init calldata of a deploy. */
  readonly payload: Uint8Array;
  /** The block it runs in. */
  readonly block: Block;
}

/** Big-endian unsigned bytes of `value` behind a 2-byte length. */
function lengthPrefixed(value: bigint): Uint8Array {
  const length = Math.ceil(bitLength(value) / 8);
  const out = new Uint8Array(2 + length);
  new DataView(out.buffer).setUint16(0, length);
  if (length > 0) out.set(intToBytes(value, length), 2);
  return out;
}

/**
 * sha3_256("animica:tx:v1|" || kind || chain id (u64) || sender || nonce (u64)
 * || to || value (u16 length || big-endian) || payload).
 */
export function transactionHash(tx: Transaction): Uint8Array {
  return sha3_256(concatBytes(
    new TextEncoder().encode(TX_DOMAIN),
    Uint8Array.of(TX_KIND[tx.kind]),
    u64Bytes(tx.block.chainId, "the chain id"),
    tx.sender,
    u64Bytes(tx.nonce, "the nonce"),
    tx.to,
    lengthPrefixed(tx.value),
    tx.payload,
  ));
}

/** What a call sees of the transaction it belongs to. */
export interface CallSite {
  /** The transaction's sender. */
  readonly sender: Uint8Array;
  /** The contract called or deployed. */
  readonly to: Uint8Array;
  /** Value sent with it. */
  readonly value: bigint;
  /** The block it runs in. */
  readonly block: Block;
}

/** The CallContext of the one call of a transaction whose hash is `txHash`. */
export function contextAt(site: CallSite, txHash: Uint8Array): CallContext {
  return {
    sender: site.sender,
    value: site.value,
    address: site.to,
    blockHeight: site.block.height,
    blockTime: site.block.time,
    chainId: site.block.chainId,
    txHash,
    callIndex: 0,
  };
}

/** The CallContext of a transaction's call. */
export function callContext(tx: Transaction): CallContext {
  return contextAt(tx, transactionHash(tx));
}
