/**
 * PLACEHOLDER (tx-apply) for tx-receipts' lib/chain/roots.ts; replaced by the merge.
 */

import { sha3_256 } from "npm:@noble/hashes@2.4.0/sha3.js";
import { concatBytes } from "../abi/hex.ts";

/** Receipts root. */
export function receiptsRoot(hashes: readonly Uint8Array[]): Uint8Array {
  return sha3_256(concatBytes(...hashes));
}

/** State root over sorted entries. */
export function stateRoot(entries: Iterable<readonly [Uint8Array, Uint8Array]>): Uint8Array {
  return sha3_256(concatBytes(...[...entries].flat()));
}
