/**
 * The shape of a signed transaction (spec/TX.md) as the library holds it
 * once decoded: the fields the signature covers, the body of its kind, and
 * the signature entries. Encoding, sign bytes and hashes are in ./tx.ts;
 * applying a transaction to a chain is in ./apply_tx.ts.
 */

import type { KeyAlgorithm } from "./keys.ts";

/** The kinds of transaction and their numbers in the encoding. */
export const TX_KINDS = { transfer: 0, deploy: 1, call: 2 } as const;

/** A transaction kind's name. */
export type TxKindName = keyof typeof TX_KINDS;

/** Moves `value` from the sender to `to`. */
export interface TransferBody {
  /** The kind. */
  readonly kind: "transfer";
  /** The receiving address (33 bytes). */
  readonly to: Uint8Array;
  /** The amount moved. */
  readonly value: bigint;
}

/** Deploys a contract at the address derived from the sender and nonce (spec/CHAIN.md §2). */
export interface DeployBody {
  /** The kind. */
  readonly kind: "deploy";
  /** The manifest, as UTF-8 JSON text. */
  readonly manifest: Uint8Array;
  /** The contract's source (its manifest's `entry`), UTF-8. */
  readonly code: Uint8Array;
  /** ABI calldata of the contract's `init` function, run as part of the deployment (null: none). */
  readonly initData: Uint8Array | null;
  /** Value moved to the new contract. */
  readonly value: bigint;
}

/** Calls a deployed contract. */
export interface CallBody {
  /** The kind. */
  readonly kind: "call";
  /** The contract called (33 bytes). */
  readonly to: Uint8Array;
  /** ABI calldata: selector and arguments (spec/ABI.md). */
  readonly data: Uint8Array;
  /** Value moved to the contract. */
  readonly value: bigint;
}

/** The body of a transaction, by kind. */
export type TxBody = TransferBody | DeployBody | CallBody;

/** The fields a signature covers. */
export interface UnsignedTx {
  /** Format version: 1. */
  readonly v: 1;
  /** The chain it is valid on. */
  readonly chainId: bigint;
  /** The sender's nonce: its count of transactions applied before this one. */
  readonly nonce: bigint;
  /** The sender's address (33 bytes), which the signing key must own. */
  readonly sender: Uint8Array;
  /** Most gas the transaction may use. */
  readonly gasLimit: bigint;
  /** Most the sender pays per unit of gas, base fee and tip together. */
  readonly maxFeePerGas: bigint;
  /** Most of that the block's producer receives per unit of gas. */
  readonly maxPriorityFeePerGas: bigint;
  /** Free bytes the chain ignores (null: none). */
  readonly memo: Uint8Array | null;
  /** What it does. */
  readonly body: TxBody;
}

/** One signature over a transaction's sign bytes. */
export interface TxAuth {
  /** The signing algorithm. */
  readonly alg: KeyAlgorithm;
  /** The signer's public key. */
  readonly publicKey: Uint8Array;
  /** The signature over the sign bytes. */
  readonly signature: Uint8Array;
}

/** A transaction with its signatures. */
export interface SignedTx {
  /** The signed fields. */
  readonly tx: UnsignedTx;
  /** The signatures (spec/TX.md fixes how many). */
  readonly auth: readonly TxAuth[];
}
