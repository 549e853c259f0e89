/**
 * Human form of addresses: bech32m with the human-readable part "anim"
 * over the 33-byte payload (algorithm id || sha3-256 of the public key).
 * Only the edges (CLI, JSON) use it; the ABI carries the 33 bytes.
 */

import { bech32m } from "npm:@scure/base@2.4.0";
import { ADDRESS_LENGTH } from "./codec.ts";

/** Human-readable part of animica addresses. */
export const ADDRESS_HRP = "anim";

/** `anim1...` form of a 33-byte address payload. */
export function encodeAddress(payload: Uint8Array): string {
  if (payload.length !== ADDRESS_LENGTH) {
    throw new RangeError(`an address has ${ADDRESS_LENGTH} bytes, got ${payload.length}`);
  }
  return bech32m.encode(ADDRESS_HRP, bech32m.toWords(payload));
}

/** The 33-byte payload of an `anim1...` address, or a reason it is not one. */
export function decodeAddress(text: string): Uint8Array | string {
  let decoded: { prefix: string; words: number[] };
  try {
    decoded = bech32m.decode(text as `${string}1${string}`);
  } catch (error) {
    return `not a valid bech32m address (${
      error instanceof Error ? error.message : String(error)
    })`;
  }
  if (decoded.prefix !== ADDRESS_HRP) {
    return `address prefix must be '${ADDRESS_HRP}', got '${decoded.prefix}'`;
  }
  let payload: Uint8Array;
  try {
    payload = bech32m.fromWords(decoded.words);
  } catch {
    return "address payload has invalid padding";
  }
  if (payload.length !== ADDRESS_LENGTH) {
    return `an address has ${ADDRESS_LENGTH} bytes, got ${payload.length}`;
  }
  return payload;
}
