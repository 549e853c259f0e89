/**
 * str.translate and bytes.translate. A str is mapped character by
 * character through any subscriptable table (a dict from str.maketrans, a
 * list, a str...), each lookup made and paid as `table[ord(c)]` is, a
 * missing entry (KeyError, IndexError) keeping the character (a dict is
 * looked up directly, without building a KeyError); each str
 * inserted is paid and checked against bytes_length before it is added.
 * bytes maps through a 256-byte table (or none) after deleting bytes.
 */

import { CAPS } from "../../compile/opcodes.ts";
import { CallFailure } from "../../errors.ts";
import type { Args } from "../bind.ts";
import { allocBytes } from "../bytes.ts";
import { limitExceeded, vmError } from "../failure.ts";
import type { Charge } from "../meter.ts";
import { utf8Length } from "../ops.ts";
import { subscript } from "../subscript.ts";
import { asBigInt, dictKey, PyDict, typeName, type Value } from "../values.ts";
import type { Method } from "./common.ts";
import { codes, textUnits } from "./text.ts";
import { strFromCodePoint } from "../../text_units.ts";

/** The table's entry for `code`, or undefined when the table has none (LookupError). */
function lookUp(meter: Charge, table: Value, code: number): Value | undefined {
  // A dict is looked up directly: a missing key is no error, so no KeyError message is built.
  if (table instanceof PyDict) return table.entries.get(dictKey(meter, code))?.value;
  try {
    return subscript(meter, table, code);
  } catch (error) {
    if (
      error instanceof CallFailure && (error.type === "KeyError" || error.type === "IndexError")
    ) {
      return undefined;
    }
    throw error;
  }
}

function translateStr(meter: Charge, self: string, table: Value): string {
  meter.units(textUnits(self));
  const parts: string[] = [];
  let size = 0;
  for (const code of codes(self)) {
    const mapped = lookUp(meter, table, code);
    let part: string;
    if (mapped === undefined) part = strFromCodePoint(code);
    else if (mapped === null) continue;
    else if (typeof mapped === "string") {
      meter.units(mapped.length);
      part = mapped;
    } else {
      const big = asBigInt(mapped);
      if (big === null) {
        return vmError("TypeError", "character mapping must return integer, None or str");
      }
      if (big < 0n || big > 0x10ffffn) {
        return vmError("ValueError", "character mapping must be in range(0x110000)");
      }
      part = strFromCodePoint(Number(big));
    }
    size += utf8Length(part);
    if (size > CAPS.bytes_length) limitExceeded("bytes_length", "translate result is too long");
    parts.push(part);
  }
  return parts.join("");
}

function bytesArg(value: Value): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return vmError("TypeError", `a bytes-like object is required, not '${typeName(value)}'`);
}

function translateBytes(meter: Charge, self: Uint8Array, args: Args): Uint8Array {
  const tableArg = args[0] ?? null;
  const table = tableArg === null ? null : bytesArg(tableArg);
  if (table !== null && table.length !== 256) {
    vmError("ValueError", "translation table must be 256 characters long");
  }
  const deleted = args[1] === undefined ? new Uint8Array(0) : bytesArg(args[1]);
  meter.units(self.length + deleted.length);
  const drop = new Uint8Array(256);
  for (const byte of deleted) drop[byte] = 1;
  let length = 0;
  for (const byte of self) if (drop[byte] === 0) length++;
  const out = allocBytes(length);
  let at = 0;
  for (const byte of self) {
    if (drop[byte] === 0) out[at++] = table === null ? byte : table[byte] ?? byte;
  }
  return out;
}

/** str.translate(table, /). */
export const STR_TRANSLATE_METHODS = {
  translate: (m, self, args) => translateStr(m, self, args[0] ?? null),
} as const satisfies Readonly<Record<string, Method<string>>>;

/** bytes.translate(table, /, delete=b''). */
export const BYTES_TRANSLATE_METHODS = {
  translate: (m, self, args) => translateBytes(m, self, args),
} as const satisfies Readonly<Record<string, Method<Uint8Array>>>;
