/**
 * The ABI v1 shorthands of upstream Animica contracts: encode_int,
 * encode_bytes, decode_int (abi.encode/decode with the type fixed),
 * encode_struct (the ABI v1 tuple of a flat record's fields, each encoded
 * as its own scalar type) and hex. Each pays its bytes before the work
 * (spec/RUNTIME.md §stdlib, spec/ABI.md).
 */

import { decodeAbi, encodeAbi } from "../../abi/codec.ts";
import type { AbiType } from "../../abi/types.ts";
import { toHex } from "../../abi/hex.ts";
import { AbiDecodeError } from "../../errors.ts";
import { abiValueOf, fromAbiValue } from "../abi_values.ts";
import { limitExceeded, vmError } from "../failure.ts";
import { CAPS } from "../../compile/opcodes.ts";
import type { Charge } from "../meter.ts";
import { PyDict, PyList, PyTuple, typeName, type Value } from "../values.ts";
import { payItems } from "../walk.ts";
import { bytesArg } from "./args.ts";
import type { StdlibMember } from "./types.ts";

const INT: AbiType = { kind: "int" };
const BYTES: AbiType = { kind: "bytes" };

function encodeAs(meter: Charge, type: AbiType, value: Value, what: string): Uint8Array {
  const converted = abiValueOf(type, value, {
    payNode: () => payItems(meter, "abi_encode", 1),
    what,
  });
  meter.units(converted.size);
  return encodeAbi(type, converted.value);
}

/** The ABI scalar type a field of encode_struct is encoded as, by its own type. */
function fieldType(value: Value): AbiType {
  if (typeof value === "boolean") return { kind: "bool" };
  if (typeof value === "number" || typeof value === "bigint") return INT;
  if (value instanceof Uint8Array) return BYTES;
  if (typeof value === "string") return { kind: "str" };
  return vmError(
    "TypeError",
    `abi.encode_struct() fields must be int, bool, bytes or str, not ${typeName(value)}`,
  );
}

/** The fields of a record: a dict's values in insertion order, or a list's or tuple's items. */
function fields(value: Value): readonly Value[] {
  if (value instanceof PyDict) return [...value.ordered()].map((entry) => entry.value);
  if (value instanceof PyList || value instanceof PyTuple) return value.items;
  return vmError(
    "TypeError",
    `abi.encode_struct() needs a dict, list or tuple, not ${typeName(value)}`,
  );
}

/** The abi shorthand members by name. */
export const ABI_SHORTHAND = {
  "abi.encode_int": (_host, meter, args) =>
    encodeAs(meter, INT, args[0] ?? null, "abi.encode_int() value"),
  "abi.encode_bytes": (_host, meter, args) =>
    encodeAs(meter, BYTES, args[0] ?? null, "abi.encode_bytes() value"),
  "abi.decode_int": (_host, meter, args) => {
    const data = bytesArg(args[0], "abi.decode_int data");
    meter.units(data.length);
    try {
      return fromAbiValue(INT, decodeAbi(INT, data, { pay: () => {} }));
    } catch (error) {
      if (error instanceof AbiDecodeError) return vmError("ValueError", error.message);
      throw error;
    }
  },
  "abi.encode_struct": (_host, meter, args) => {
    const items = fields(args[0] ?? null);
    payItems(meter, "abi_encode", items.length);
    const type: AbiType = { kind: "tuple", items: items.map(fieldType) };
    return encodeAs(meter, type, new PyTuple(items), "abi.encode_struct() value");
  },
  "abi.hex": (_host, meter, args) => {
    const data = bytesArg(args[0], "abi.hex data");
    if (2 + 2 * data.length > CAPS.bytes_length) {
      limitExceeded("bytes_length", "abi.hex() result is too long");
    }
    meter.units(data.length);
    return toHex(data);
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
