/**
 * stdlib.abi: require/revert (failing the call with reason bytes) and the
 * ABI v1 codec for contract values, encode(type, value) and
 * decode(type, data). Both walks pay walks.abi_encode / walks.abi_decode
 * per node below the root before visiting it, and encode pays its output
 * bytes before writing them (spec/ABI.md §6).
 */

import type { Charge } from "../meter.ts";
import { payItems } from "../walk.ts";
import { decodeAbi, encodeAbi } from "../../abi/codec.ts";
import { type AbiType, parseAbiType } from "../../abi/types.ts";
import { AbiDecodeError, AbiTypeError } from "../../errors.ts";
import { allocBytes } from "../bytes.ts";
import { abiValueOf, fromAbiValue } from "../abi_values.ts";
import { replaceSurrogates } from "../../text_units.ts";
import { revert, vmError } from "../failure.ts";
import { truthy, typeName, type Value } from "../values.ts";
import { bytesArg } from "./args.ts";
import type { StdlibMember } from "./types.ts";

/** The reason bytes of a revert, paid per byte (a str per UTF-16 unit) before it is encoded. */
function reasonBytes(meter: Charge, value: Value | undefined): Uint8Array {
  if (value === undefined || value === null) return allocBytes(0);
  if (value instanceof Uint8Array) {
    meter.units(value.length);
    return value;
  }
  if (typeof value === "string") {
    meter.units(value.length);
    return new TextEncoder().encode(replaceSurrogates(value));
  }
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
  "abi.require": (_host, meter, args) => {
    if (!truthy(args[0] ?? null)) revert(reasonBytes(meter, args[1]), "requirement failed");
    return null;
  },
  "abi.revert": (_host, meter, args) => revert(reasonBytes(meter, args[0])),
  "abi.encode": (_host, meter, args) => {
    const type = abiType("abi.encode", args[0]);
    const { value, size } = abiValueOf(type, args[1] ?? null, {
      payNode: () => payItems(meter, "abi_encode", 1),
      what: "abi.encode() value",
    });
    meter.units(size);
    return encodeAbi(type, value);
  },
  "abi.decode": (_host, meter, args) => {
    const type = abiType("abi.decode", args[0]);
    const data = bytesArg(args[1], "abi.decode data");
    meter.units(data.length);
    try {
      const value = decodeAbi(type, data, {
        pay: (nodes) => payItems(meter, "abi_decode", nodes),
      });
      return fromAbiValue(type, value);
    } catch (error) {
      if (error instanceof AbiDecodeError) return vmError("ValueError", error.message);
      throw error;
    }
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
