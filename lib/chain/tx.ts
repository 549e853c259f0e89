/**
 * PLACEHOLDER (tx-apply) for tx-codec's lib/chain/tx.ts, per
 * /work/wt/TX_CONTRACT.md, so the applier compiles until the codec lands;
 * replaced wholesale by the merge. Not canonical CBOR.
 */

import { sha3_256 } from "npm:@noble/hashes@2.4.0/sha3.js";
import { concatBytes, fromHex, toHex } from "../abi/hex.ts";
import { AnimicaError } from "../errors.ts";
import { keyAddress } from "./address.ts";
import { isKeyAlgorithm, type KeyAlgorithm, type KeyPair, sign, verify } from "./keys.ts";
import type { SignedTx, UnsignedTx } from "./tx_types.ts";

/** Malformed transaction bytes. */
export class TxError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "tx-error";
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = "TxError";
  }
}

/** The size cap. */
export const MAX_TX_BYTES = 1 << 20;

const IDS: Record<KeyAlgorithm, number> = { "ml-dsa-65": 1, "ml-dsa-44": 3, "ml-dsa-87": 4 };

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return `n${value}`;
  if (value instanceof Uint8Array) return `x${toHex(value)}`;
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === "string" && value.startsWith("n")) return BigInt(value.slice(1));
  if (typeof value === "string" && value.startsWith("x")) return fromHex(value.slice(1));
  return value;
}

/** Bytes of a signed transaction. */
export function encodeTx(signed: SignedTx): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(signed, replacer));
}

/** The signed transaction of `bytes`. */
export function decodeTx(bytes: Uint8Array): SignedTx {
  if (bytes.length > MAX_TX_BYTES) throw new TxError("over the size cap");
  try {
    const value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes), reviver);
    if (typeof value !== "object" || value === null || !("tx" in value)) throw new TxError("shape");
    return value as SignedTx;
  } catch (error) {
    if (error instanceof TxError) throw error;
    throw new TxError("not a transaction");
  }
}

/** Bytes without auth. */
export function encodeUnsignedTx(tx: UnsignedTx): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(tx, replacer));
}

/** Sign bytes. */
export function signBytes(tx: UnsignedTx, alg: KeyAlgorithm): Uint8Array {
  return concatBytes(new TextEncoder().encode(`tx|${tx.chainId}|${alg}|`), encodeUnsignedTx(tx));
}

/** Hash. */
export function txHash(signed: SignedTx): Uint8Array {
  return sha3_256(concatBytes(new TextEncoder().encode("txhash|"), encodeTx(signed)));
}

/** Signs. */
export function signTx(tx: UnsignedTx, key: KeyPair): SignedTx {
  return {
    tx,
    auth: [{
      alg: key.alg,
      publicKey: key.publicKey,
      signature: sign(key, signBytes(tx, key.alg)),
    }],
  };
}

/** Why the auth is not acceptable. */
export function authProblem(signed: SignedTx): string | null {
  const [auth, ...extra] = signed.auth;
  if (auth === undefined || extra.length > 0) return "exactly one signature";
  if (!isKeyAlgorithm(auth.alg)) return "unknown algorithm";
  if (auth.alg !== "ml-dsa-65" && signed.tx.sender[0] !== IDS[auth.alg]) return "alg mismatch";
  if (toHex(keyAddress(IDS[auth.alg], auth.publicKey)) !== toHex(signed.tx.sender)) {
    return "signed by a key that does not own the sender";
  }
  if (!verify(auth.alg, auth.publicKey, signBytes(signed.tx, auth.alg), auth.signature)) {
    return "bad signature";
  }
  return null;
}
