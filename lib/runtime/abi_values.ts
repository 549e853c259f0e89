/**
 * Conversions between runtime values and ABI values: what crosses the ABI
 * (call arguments, return data, event arguments, abi.encode/decode).
 *
 * `abiValueOf` walks a value by its ABI type (recursion follows the type,
 * whose depth is checked, at most MAX_TYPE_DEPTH): it pays one node before
 * each value below the root, and fails before the encoding would pass
 * bytes_length, so the encoding that follows never walks more than was
 * paid. `toAbiValue` (untyped) and `fromAbiValue` are depth- and
 * node-capped with a typed error.
 */

import { type AbiValue, ADDRESS_LENGTH, maxNodes } from "../abi/codec.ts";
import { ABI_LIMITS, checkTypeDepth } from "../abi/limits.ts";
import type { AbiType } from "../abi/types.ts";
import { CAPS } from "../compile/opcodes.ts";
import { AbiEncodeError } from "../errors.ts";
import { limitExceeded, vmError } from "./failure.ts";
import { utf8Length } from "./ops.ts";
import { intEncodingLength, uvarintLength } from "./value_walk.ts";
import { canonicalInt, PyList, PyTuple, typeName, type Value } from "./values.ts";

/** A typed conversion: what it pays and what its encoding may reach. */
export interface AbiConversion {
  /** Charged one node before each value below the root is visited. */
  readonly payNode: () => void;
  /** What is converted, for error messages ("abi.encode() value", "output 0"). */
  readonly what: string;
}

/**
 * The ABI value of `value` as `type`, with the exact size of its encoding;
 * a value of the wrong shape is a TypeError, an encoding longer than
 * bytes_length a LimitExceeded (both before the oversized work).
 */
export function abiValueOf(
  type: AbiType,
  value: Value,
  conversion: AbiConversion,
): { value: AbiValue; size: number } {
  checkTypeDepth(type);
  let size = 0;
  let nodes = 0;
  const grow = (bytes: number): void => {
    size += bytes;
    if (size > CAPS.bytes_length) {
      limitExceeded(
        "bytes_length",
        `${conversion.what} encodes to more than ${CAPS.bytes_length} bytes`,
      );
    }
  };
  const convert = (itemType: AbiType, item: Value, root: boolean): AbiValue => {
    if (!root) conversion.payNode();
    if (++nodes > maxNodes(ABI_LIMITS)) {
      limitExceeded(
        "bytes_length",
        `${conversion.what} has more than ${maxNodes(ABI_LIMITS)} parts`,
      );
    }
    const wrong = (expected: string): never =>
      vmError("TypeError", `${conversion.what}: expected ${expected}, got ${typeName(item)}`);
    switch (itemType.kind) {
      case "int":
        if (typeof item !== "number" && typeof item !== "bigint") return wrong("int");
        grow(intEncodingLength(item));
        return BigInt(item);
      case "bool":
        if (typeof item !== "boolean") return wrong("bool");
        grow(1);
        return item;
      case "bytes":
      case "address":
        if (!(item instanceof Uint8Array)) return wrong(itemType.kind);
        if (itemType.kind === "address" && item.length !== ADDRESS_LENGTH) {
          return vmError(
            "TypeError",
            `${conversion.what}: an address has ${ADDRESS_LENGTH} bytes, got ${item.length}`,
          );
        }
        grow(uvarintLength(item.length) + item.length);
        return item;
      case "str": {
        if (typeof item !== "string") return wrong("str");
        grow(item.length + 1);
        if (!item.isWellFormed()) {
          return vmError("TypeError", `${conversion.what}: str contains a lone surrogate`);
        }
        const bytes = utf8Length(item);
        grow(uvarintLength(bytes) + bytes - item.length - 1);
        return item;
      }
      case "list": {
        if (!(item instanceof PyList || item instanceof PyTuple)) return wrong("list or tuple");
        grow(uvarintLength(item.items.length));
        const out: AbiValue[] = [];
        for (const element of item.items) out.push(convert(itemType.item, element, false));
        return out;
      }
      case "tuple": {
        if (!(item instanceof PyList || item instanceof PyTuple)) return wrong("tuple or list");
        if (item.items.length !== itemType.items.length) {
          return vmError(
            "TypeError",
            `${conversion.what}: expected ${itemType.items.length} items, got ${item.items.length}`,
          );
        }
        return itemType.items.map((elementType, i) =>
          convert(elementType, item.items[i] ?? null, false)
        );
      }
    }
  };
  return { value: convert(type, value, true), size };
}

/**
 * The ABI value of a runtime value, or null when it has no ABI form.
 * Throws AbiEncodeError for a value nested deeper than value_depth or with
 * more parts than one encoding may hold.
 */
export function toAbiValue(value: Value): AbiValue | null {
  let nodes = 0;
  const convert = (item: Value, depth: number): AbiValue | null => {
    if (++nodes > maxNodes(ABI_LIMITS)) {
      throw new AbiEncodeError("", `the value has more than ${maxNodes(ABI_LIMITS)} parts`);
    }
    if (typeof item === "number") return BigInt(item);
    if (typeof item === "bigint" || typeof item === "boolean" || typeof item === "string") {
      return item;
    }
    if (item instanceof Uint8Array) return item;
    if (item instanceof PyList || item instanceof PyTuple) {
      if (depth >= CAPS.value_depth) {
        throw new AbiEncodeError("", `the value is nested deeper than ${CAPS.value_depth}`);
      }
      const items: AbiValue[] = [];
      for (const element of item.items) {
        const converted = convert(element, depth + 1);
        if (converted === null) return null;
        items.push(converted);
      }
      return items;
    }
    return null;
  };
  return convert(value, 0);
}

/** A runtime value of an ABI value (lists become list, tuples tuple). */
export function fromAbiValue(type: AbiType, value: AbiValue): Value {
  checkTypeDepth(type);
  return fromAbi(type, value);
}

function fromAbi(type: AbiType, value: AbiValue): Value {
  switch (type.kind) {
    case "int":
      return canonicalInt(value as bigint);
    case "list":
      return new PyList((value as readonly AbiValue[]).map((item) => fromAbi(type.item, item)));
    case "tuple":
      return new PyTuple(
        (value as readonly AbiValue[]).map((item, i) => fromAbi(type.items[i] as AbiType, item)),
      );
    default:
      return value as Value;
  }
}
