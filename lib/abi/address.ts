/**
 * Human form of addresses: bech32m with the human-readable part "anim"
 * over the 33-byte payload (algorithm id || sha3-256 of the public key).
 * Only the edges (CLI, JSON) use it; the ABI carries the 33 bytes.
 */

import { decodeBech32m, encodeBech32m, fromWords, toWords } from "./bech32m.ts";
import { ADDRESS_LENGTH } from "./codec.ts";

/** Human-readable part of animica addresses. */
export const ADDRESS_HRP = "anim";

/** `anim1...` form of a 33-byte address payload. */
export function encodeAddress(payload: Uint8Array): string {
  if (payload.length !== ADDRESS_LENGTH) {
    throw new RangeError(`an address has ${ADDRESS_LENGTH} bytes, got ${payload.length}`);
  }
  return encodeBech32m(ADDRESS_HRP, toWords(payload));
}

/** The 33-byte payload of an `anim1...` address, or a reason it is not one. */
export function decodeAddress(text: string): Uint8Array | string {
  const decoded = decodeBech32m(text);
  if (typeof decoded === "string") return `not a valid bech32m address (${decoded})`;
  if (decoded.prefix !== ADDRESS_HRP) {
    return `address prefix must be '${ADDRESS_HRP}', got '${decoded.prefix}'`;
  }
  const payload = fromWords(decoded.words);
  if (payload === null) return "address payload has invalid padding";
  if (payload.length !== ADDRESS_LENGTH) {
    return `an address has ${ADDRESS_LENGTH} bytes, got ${payload.length}`;
  }
  return payload;
}
