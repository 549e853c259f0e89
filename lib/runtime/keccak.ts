/**
 * The runtime's Keccak hashes (sha3_256, sha3_512, keccak256) as bytes
 * values, on the WebAssembly sponge of ../keccak_sponge.ts: each digest is
 * copied once out of the sponge's memory into a new bytes value, or into a
 * caller's array.
 */

import { absorb, spongeMemory } from "../keccak_sponge.ts";
import { allocBytes } from "./bytes.ts";

/** The digest of `message`, copied once out of the sponge's memory into a new bytes value. */
function digest(message: Uint8Array, rate: number, suffix: number, outLength: number): Uint8Array {
  const output = absorb(message, rate, suffix);
  const memory = spongeMemory();
  const out = allocBytes(outLength);
  for (let i = 0; i < outLength; i++) out[i] = memory[output + i] ?? 0;
  return out;
}

/** SHA3-256 of `message`, its first `length` bytes written into `out` at `offset` (no allocation). */
export function sha3_256Into(
  message: Uint8Array,
  out: Uint8Array,
  offset: number,
  length: number,
): void {
  const output = absorb(message, 136, 0x06);
  const memory = spongeMemory();
  for (let i = 0; i < length; i++) out[offset + i] = memory[output + i] ?? 0;
}

/** SHA3-256 (FIPS 202). */
export function sha3_256(message: Uint8Array): Uint8Array {
  return digest(message, 136, 0x06, 32);
}

/** SHA3-512 (FIPS 202). */
export function sha3_512(message: Uint8Array): Uint8Array {
  return digest(message, 72, 0x06, 64);
}

/** Keccak-256 with the original padding (as Ethereum uses it). */
export function keccak256(message: Uint8Array): Uint8Array {
  return digest(message, 136, 0x01, 32);
}
