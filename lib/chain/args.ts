/**
 * Call arguments from plain JS values (spec/CHAIN.md §7), by the manifest's
 * parameter types: int from a bigint or a safe-integer number (anything else
 * is refused, never rounded), bool, str, bytes from a Uint8Array or `0x`
 * hex, address from 33 bytes, `0x` hex or `anim1...`, list and tuple from
 * arrays; the arguments as an array (by position) or an object (by
 * parameter name). Every mismatch is an AbiEncodeError naming the
 * parameter. The caps are checked by the ABI's JSON mapping, which this
 * file feeds.
 */

import { argsFromJson } from "../abi/calls.ts";
import type { AbiValue } from "../abi/codec.ts";
import { toHex } from "../abi/hex.ts";
import type { JsonValue } from "../abi/json.ts";
import type { AbiFunction } from "../abi/manifest.ts";
import type { AbiType } from "../abi/types.ts";
import { AbiEncodeError } from "../errors.ts";
import { fromAbiValue } from "../runtime/abi_values.ts";
import type { Value } from "../runtime/values.ts";

/** Arguments of a call: by position, or by parameter name. */
export type CallArgs = readonly unknown[] | { readonly [name: string]: unknown };

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Uint8Array) return "a Uint8Array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** `value` as the JSON the ABI mapping reads, guided by `type` (so its depth is the type's). */
function asJson(type: AbiType, value: unknown, path: string): JsonValue {
  const wrong = (expected: string): never => {
    throw new AbiEncodeError(path, `expected ${expected}, got ${describe(value)}`);
  };
  switch (type.kind) {
    case "int":
      if (typeof value === "bigint") return value;
      if (typeof value !== "number") return wrong("an integer (bigint or number)");
      if (!Number.isSafeInteger(value)) {
        throw new AbiEncodeError(
          path,
          `${value} is not an exact integer (a number must be a safe integer; use a bigint)`,
        );
      }
      return BigInt(value);
    case "bool":
      return typeof value === "boolean" ? value : wrong("true or false");
    case "str":
      return typeof value === "string" ? value : wrong("a string");
    case "bytes":
    case "address":
      if (value instanceof Uint8Array) return toHex(value);
      if (typeof value === "string") return value;
      return wrong(type.kind === "bytes" ? 'a Uint8Array or "0x..." hex' : "an address");
    case "list":
      if (!Array.isArray(value)) return wrong("an array");
      return value.map((item, i) => asJson(type.item, item, `${path}[${i}]`));
    case "tuple":
      if (!Array.isArray(value)) return wrong(`an array of ${type.items.length}`);
      if (value.length !== type.items.length) {
        throw new AbiEncodeError(
          path,
          `expected an array of ${type.items.length}, got ${value.length} items`,
        );
      }
      return type.items.map((item, i) => asJson(item, value[i], `${path}[${i}]`));
  }
}

function isPlainObject(value: unknown): value is { readonly [name: string]: unknown } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The ABI values of `args` for `fn` (AbiEncodeError on any mismatch). */
export function abiArgs(fn: AbiFunction, args: CallArgs): AbiValue[] {
  let json: JsonValue;
  if (Array.isArray(args)) {
    json = args.map((arg, i) => {
      const param = fn.inputs[i];
      return param === undefined ? null : asJson(param.type, arg, param.name);
    });
  } else if (isPlainObject(args)) {
    const record: Record<string, JsonValue> = {};
    for (const [name, arg] of Object.entries(args)) {
      const param = fn.inputs.find((candidate) => candidate.name === name);
      record[name] = param === undefined ? null : asJson(param.type, arg, name);
    }
    json = record;
  } else {
    throw new AbiEncodeError("", "arguments must be an array (by position) or object (by name)");
  }
  return argsFromJson(fn, json);
}

/** The runtime values of ABI arguments of `fn`. */
export function runtimeArgs(fn: AbiFunction, args: readonly AbiValue[]): Value[] {
  return args.map((arg, i) => fromAbiValue(fn.inputs[i]?.type ?? { kind: "int" }, arg));
}
