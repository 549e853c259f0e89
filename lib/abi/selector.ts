/**
 * Function selectors: the first 8 bytes of
 * sha3-256("animica:abi:v1|" + name + "(" + canonical input types + ")").
 * Changing the domain tag or the signature spelling changes every selector.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import { type AbiType, canonicalType } from "./types.ts";

/** Domain tag hashed in front of every signature. */
export const SELECTOR_DOMAIN = "animica:abi:v1|";
/** Length of a selector in bytes. */
export const SELECTOR_LENGTH = 8;

/** The canonical signature `name(t1,t2)` of a function. */
export function signature(name: string, inputs: readonly AbiType[]): string {
  return `${name}(${inputs.map(canonicalType).join(",")})`;
}

/** The 8-byte selector of a canonical signature. */
export function selectorOf(signatureText: string): Uint8Array {
  return sha3_256(new TextEncoder().encode(SELECTOR_DOMAIN + signatureText)).slice(
    0,
    SELECTOR_LENGTH,
  );
}
