/**
 * The checks a parameter may carry besides its type (spec/ABI.md §7.1): a
 * `range` every int inside the argument must fall in, a `length` every
 * bytes inside it must have. Upstream sized types (`uint64`, `bytes32`)
 * map to these. Checked when a call is encoded and when calldata is
 * decoded, so an out-of-range argument never reaches the contract.
 */

import { AbiEncodeError } from "../errors.ts";
import type { AbiValue } from "./codec.ts";
import type { AbiParam } from "./manifest.ts";
import type { AbiType } from "./types.ts";

/** Inclusive bounds of an int. */
export interface IntBounds {
  /** Smallest value allowed. */
  readonly min: bigint;
  /** Largest value allowed. */
  readonly max: bigint;
}

/** Throws AbiEncodeError, naming the parameter and the place, for the first argument out of its checks. */
export function checkBounds(params: readonly AbiParam[], args: readonly AbiValue[]): void {
  params.forEach((param, index) => {
    if (param.range === undefined && param.length === undefined) return;
    const value = args[index];
    if (value !== undefined) checkValue(param, value);
  });
}

/** Walks one argument along its type, iteratively (types nest at most 16 deep, lists may be long). */
function checkValue(param: AbiParam, root: AbiValue): void {
  const pending: { type: AbiType; value: AbiValue; path: string }[] = [
    { type: param.type, value: root, path: param.name },
  ];
  while (pending.length > 0) {
    const top = pending.pop();
    if (top === undefined) break;
    const { type, value, path } = top;
    if (type.kind === "int" && typeof value === "bigint" && param.range !== undefined) {
      if (value < param.range.min || value > param.range.max) {
        throw new AbiEncodeError(
          path,
          `${value} is out of range [${param.range.min}, ${param.range.max}]`,
        );
      }
    } else if (type.kind === "bytes" && value instanceof Uint8Array && param.length !== undefined) {
      if (value.length !== param.length) {
        throw new AbiEncodeError(
          path,
          `must be exactly ${param.length} bytes, got ${value.length}`,
        );
      }
    } else if (type.kind === "list" && Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item = value[i];
        if (item !== undefined) {
          pending.push({ type: type.item, value: item, path: `${path}[${i}]` });
        }
      }
    } else if (type.kind === "tuple" && Array.isArray(value)) {
      for (let i = type.items.length - 1; i >= 0; i--) {
        const itemType = type.items[i];
        const item = value[i];
        if (itemType !== undefined && item !== undefined) {
          pending.push({ type: itemType, value: item, path: `${path}[${i}]` });
        }
      }
    }
  }
}
