/**
 * The caps every ABI value holds, on every path that builds one (decoding,
 * JSON arguments, encoding): int_bits, bytes_length (bytes, and str in
 * UTF-8 bytes), container_length (items of one list), and the nesting of
 * ABI types. The defaults are the VM's caps (spec/opcodes_vm_py.yaml).
 * Checks only: no walking here.
 */

import { CAPS } from "../compile/opcodes.ts";
import { AbiTypeError } from "../errors.ts";
import { MAX_TYPE_DEPTH } from "./types.ts";
import type { AbiType } from "./types.ts";

/** The caps an ABI value must hold. */
export interface AbiLimits {
  /** Largest |int| is below 2^intBits. */
  readonly intBits: number;
  /** Longest bytes, and longest str in bytes of UTF-8; also the longest encoding. */
  readonly bytesLength: number;
  /** Most items of one list. */
  readonly containerLength: number;
}

/** The VM's caps. */
export const ABI_LIMITS: AbiLimits = {
  intBits: CAPS.int_bits,
  bytesLength: CAPS.bytes_length,
  containerLength: CAPS.container_length,
};

const bounds = new Map<number, bigint>();

/** True when |value| < 2^bits. */
export function intFits(value: bigint, bits: number): boolean {
  if (value >= -0x7fffffffn && value <= 0x7fffffffn && bits >= 31) return true;
  let bound = bounds.get(bits);
  if (bound === undefined) {
    bound = 1n << BigInt(bits);
    bounds.set(bits, bound);
  }
  return value < bound && value > -bound;
}

/** Longest uvarint (in bytes) of zigzag(x) for an int that fits in `bits`. */
export function maxIntVarintLength(bits: number): number {
  return Math.ceil((bits + 1) / 7);
}

/**
 * Checks that a type (possibly built by hand, possibly shared or cyclic)
 * nests at most MAX_TYPE_DEPTH levels; throws AbiTypeError otherwise.
 * Iterative, and each distinct type node is looked at once.
 */
export function checkTypeDepth(root: AbiType): void {
  const height = new Map<AbiType, number>();
  const stack: { type: AbiType; depth: number; expanded: boolean }[] = [
    { type: root, depth: 0, expanded: false },
  ];
  const children = (type: AbiType): readonly AbiType[] =>
    type.kind === "list" ? [type.item] : type.kind === "tuple" ? type.items : [];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top === undefined) break;
    if (top.depth > MAX_TYPE_DEPTH) {
      throw new AbiTypeError(`type nested deeper than ${MAX_TYPE_DEPTH} levels`);
    }
    const known = height.get(top.type);
    if (known !== undefined && top.depth + known > MAX_TYPE_DEPTH) {
      throw new AbiTypeError(`type nested deeper than ${MAX_TYPE_DEPTH} levels`);
    }
    if (known !== undefined || top.expanded) {
      stack.pop();
      if (known === undefined) {
        let below = -1;
        for (const child of children(top.type)) below = Math.max(below, height.get(child) ?? 0);
        height.set(top.type, below + 1);
      }
      continue;
    }
    top.expanded = true;
    for (const child of children(top.type)) {
      if (!height.has(child)) stack.push({ type: child, depth: top.depth + 1, expanded: false });
    }
  }
}
