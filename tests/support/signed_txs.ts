/**
 * Test helpers for signed transactions: fixed keys from seeds, a chain with
 * a funded sender, the example token's code, and builders of signed
 * transfer, deploy and call transactions.
 */

import { encodeCall, findFunction, parseManifest } from "../../abi.ts";
import { keyFromSeed, type KeyPair } from "../../lib/chain/keys.ts";
// The keys below are made when this module loads: the schemes must be installed first.
import "../../lib/pq_noble.ts";
import { signTx } from "../../lib/chain/tx.ts";
import type { SignedTx, TxBody, UnsignedTx } from "../../lib/chain/tx_types.ts";
import type { AbiValue } from "../../abi.ts";

/** The key of seed byte `fill` repeated 32 times. */
export function seedKey(fill: number): KeyPair {
  return keyFromSeed("ml-dsa-65", new Uint8Array(32).fill(fill));
}

/** Alice (seed 32 × 0x01) and Bob (32 × 0x02). */
export const ALICE: KeyPair = seedKey(1);
/** Bob. */
export const BOB: KeyPair = seedKey(2);

/** The example token's manifest text and source bytes. */
export const TOKEN = {
  manifest: await Deno.readFile(new URL("../../examples/token/manifest.json", import.meta.url)),
  code: await Deno.readFile(new URL("../../examples/token/token.py", import.meta.url)),
};

const tokenManifest = parseManifest(JSON.parse(new TextDecoder().decode(TOKEN.manifest)));

/** Calldata of the token's `fn` with `args`. */
export function tokenCall(fn: string, args: readonly AbiValue[]): Uint8Array {
  return encodeCall(findFunction(tokenManifest, fn), args);
}

/** Fields of a transaction other than the body, with test defaults. */
export interface TxFields {
  readonly chainId?: bigint;
  readonly nonce?: bigint;
  readonly sender?: Uint8Array;
  readonly gasLimit?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
}

/** An unsigned transaction of `key` with `body`. */
export function unsigned(key: KeyPair, body: TxBody, fields: TxFields = {}): UnsignedTx {
  return {
    v: 1,
    chainId: fields.chainId ?? 1n,
    nonce: fields.nonce ?? 0n,
    sender: fields.sender ?? key.address,
    gasLimit: fields.gasLimit ?? 2_000_000n,
    maxFeePerGas: fields.maxFeePerGas ?? 3n,
    maxPriorityFeePerGas: fields.maxPriorityFeePerGas ?? 1n,
    memo: null,
    body,
  };
}

/** `body` signed by `key`. */
export function signed(key: KeyPair, body: TxBody, fields: TxFields = {}): SignedTx {
  return signTx(unsigned(key, body, fields), key);
}

/** A deployment of the token minting `supply` to the sender. */
export function deployToken(supply: bigint): TxBody {
  return {
    kind: "deploy",
    manifest: TOKEN.manifest,
    code: TOKEN.code,
    initData: tokenCall("init", [supply]),
    value: 0n,
  };
}
