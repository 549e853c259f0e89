/**
 * Two's-complement byte codecs of ints: the shortest big-endian form used
 * by storage.get_int/set_int (0 is empty).
 */

import { allocBytes } from "./bytes.ts";

/** Shortest big-endian two's complement of an int (0 is empty). */
export function encodeStoredInt(value: bigint): Uint8Array {
  if (value === 0n) return allocBytes(0);
  if (value >= -0x800000000000n && value < 0x800000000000n) {
    let small = Number(value);
    let length = 1;
    while (small < -(2 ** (8 * length - 1)) || small >= 2 ** (8 * length - 1)) length++;
    if (small < 0) small += 2 ** (8 * length);
    const out = allocBytes(length);
    for (let i = length - 1; i >= 0; i--) {
      out[i] = small % 256;
      small = Math.floor(small / 256);
    }
    return out;
  }
  let length = 1;
  while (value < -(1n << BigInt(8 * length - 1)) || value >= 1n << BigInt(8 * length - 1)) length++;
  let unsigned = value < 0n ? value + (1n << BigInt(8 * length)) : value;
  const out = allocBytes(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(unsigned & 0xffn);
    unsigned >>= 8n;
  }
  return out;
}

/** Inverse of {@link encodeStoredInt}. */
export function decodeStoredInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  if (bytes.length > 0 && ((bytes[0] ?? 0) & 0x80) !== 0) value -= 1n << BigInt(8 * bytes.length);
  return value;
}
