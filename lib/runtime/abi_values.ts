/**
 * Conversions between runtime values and ABI values: what crosses the ABI
 * (call arguments, return data, event arguments, abi.encode/decode).
 */

import type { AbiValue } from "../abi/codec.ts";
import type { AbiType } from "../abi/types.ts";
import { canonicalInt, PyList, PyTuple, type Value } from "./values.ts";

/** The ABI value of a runtime value, or null when it has no ABI form. */
export function toAbiValue(value: Value): AbiValue | null {
  if (typeof value === "number") return BigInt(value);
  if (typeof value === "bigint" || typeof value === "boolean" || typeof value === "string") {
    return value;
  }
  if (value instanceof Uint8Array) return value;
  if (value instanceof PyList || value instanceof PyTuple) {
    const items = value.items.map(toAbiValue);
    return items.some((item) => item === null) ? null : items as AbiValue[];
  }
  return null;
}

/** A runtime value of an ABI value (lists become list, tuples tuple). */
export function fromAbiValue(type: AbiType, value: AbiValue): Value {
  switch (type.kind) {
    case "int":
      return canonicalInt(value as bigint);
    case "list":
      return new PyList(
        (value as readonly AbiValue[]).map((item) => fromAbiValue(type.item, item)),
      );
    case "tuple":
      return new PyTuple(
        (value as readonly AbiValue[]).map((item, i) =>
          fromAbiValue(type.items[i] as AbiType, item)
        ),
      );
    default:
      return value as Value;
  }
}
