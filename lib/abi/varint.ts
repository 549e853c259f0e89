/**
 * Unsigned LEB128 varints (7 bits a byte, least significant group first)
 * in shortest form, and the zigzag mapping of signed integers onto them.
 * Work is linear in the size of the number, however large.
 */

import { AbiDecodeError } from "../errors.ts";

/** Zigzag: 0, -1, 1, -2, 2 ... map to 0, 1, 2, 3, 4 ... */
export function zigzag(value: bigint): bigint {
  return value >= 0n ? value << 1n : ((-value) << 1n) - 1n;
}

/** Inverse of {@link zigzag}. */
export function unzigzag(value: bigint): bigint {
  return (value & 1n) === 0n ? value >> 1n : -((value + 1n) >> 1n);
}

/** Appends the shortest uvarint of a non-negative integer to `out`. */
export function writeUvarint(out: number[], value: bigint | number): void {
  if (typeof value === "number" || value <= 0xffffffffn) {
    let small = Number(value);
    while (small >= 0x80) {
      out.push((small % 0x80) | 0x80);
      small = Math.floor(small / 0x80);
    }
    out.push(small);
    return;
  }
  const bits = value.toString(2);
  for (let end = bits.length; end > 0; end -= 7) {
    const group = parseInt(bits.slice(Math.max(0, end - 7), end), 2);
    out.push(end > 7 ? group | 0x80 : group);
  }
}

/** A decoded uvarint and the offset just past it. */
export interface Varint {
  readonly value: bigint;
  readonly next: number;
}

/**
 * Reads a shortest-form uvarint at `offset`; rejects truncated or overlong
 * forms, and forms longer than `maxLength` bytes before building the number.
 */
export function readUvarint(bytes: Uint8Array, offset: number, maxLength = Infinity): Varint {
  let end = offset;
  while (true) {
    const byte = bytes[end];
    if (byte === undefined) throw new AbiDecodeError(offset, "truncated varint");
    end++;
    if (end - offset > maxLength) {
      throw new AbiDecodeError(offset, `varint is longer than ${maxLength} bytes`);
    }
    if (byte < 0x80) break;
  }
  const length = end - offset;
  if (length > 1 && bytes[end - 1] === 0) throw new AbiDecodeError(offset, "overlong varint");
  if (length <= 4) {
    let small = 0;
    for (let i = end - 1; i >= offset; i--) small = small * 0x80 + ((bytes[i] ?? 0) & 0x7f);
    return { value: BigInt(small), next: end };
  }
  const groups: string[] = [];
  for (let i = end - 1; i >= offset; i--) {
    groups.push(((bytes[i] ?? 0) & 0x7f).toString(2).padStart(7, "0"));
  }
  return { value: BigInt(`0b${groups.join("")}`), next: end };
}
