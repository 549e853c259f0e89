/**
 * stdlib.abi: require/revert (failing the call with reason bytes) and the
 * ABI v1 codec for contract values, encode(type, value) and
 * decode(type, data).
 */

import { decodeAbi, encodeAbi } from "../../abi/codec.ts";
import { type AbiType, parseAbiType } from "../../abi/types.ts";
import { AbiDecodeError, AbiEncodeError, AbiTypeError } from "../../errors.ts";
import { allocBytes } from "../bytes.ts";
import { fromAbiValue, toAbiValue } from "../abi_values.ts";
import { revert, vmError } from "../failure.ts";
import { truthy, typeName, type Value } from "../values.ts";
import { bytesArg } from "./args.ts";
import type { StdlibMember } from "./types.ts";

function reasonBytes(value: Value | undefined): Uint8Array {
  if (value === undefined || value === null) return allocBytes(0);
  if (value instanceof Uint8Array) return value;
  if (typeof value === "string") return new TextEncoder().encode(value);
  return vmError("TypeError", `revert reason must be bytes or str, not ${typeName(value)}`);
}

function abiType(name: string, text: Value | undefined): AbiType {
  if (typeof text !== "string") {
    return vmError("TypeError", `${name}() needs an ABI type string first`);
  }
  try {
    return parseAbiType(text);
  } catch (error) {
    if (error instanceof AbiTypeError) return vmError("ValueError", error.message);
    throw error;
  }
}

/** The abi members by name. */
export const ABI = {
  "abi.require": (_host, _meter, args) => {
    if (!truthy(args[0] ?? null)) revert(reasonBytes(args[1]), "requirement failed");
    return null;
  },
  "abi.revert": (_host, _meter, args) => revert(reasonBytes(args[0])),
  "abi.encode": (_host, meter, args) => {
    const type = abiType("abi.encode", args[0]);
    const value = toAbiValue(args[1] ?? null);
    if (value === null) {
      return vmError("TypeError", `abi.encode() cannot encode ${typeName(args[1] ?? null)}`);
    }
    try {
      const encoded = encodeAbi(type, value);
      meter.dynamic(2, encoded.length);
      return encoded;
    } catch (error) {
      if (error instanceof AbiEncodeError) return vmError("TypeError", error.message);
      throw error;
    }
  },
  "abi.decode": (_host, meter, args) => {
    const type = abiType("abi.decode", args[0]);
    const data = bytesArg(args[1], "abi.decode data");
    meter.dynamic(2, data.length);
    try {
      return fromAbiValue(type, decodeAbi(type, data));
    } catch (error) {
      if (error instanceof AbiDecodeError) return vmError("ValueError", error.message);
      throw error;
    }
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
