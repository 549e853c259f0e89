/**
 * Runtime values as output JSON (DESIGN §6): int as an exact JSON integer,
 * bytes as "0x" hex, str (a lone surrogate as a `\udXXX` escape), bool,
 * None as null, list/tuple as arrays, dict as an object (non-str keys
 * written as their repr). Event names and keys
 * print as text when valid UTF-8, else as 0x hex. Nesting beyond
 * value_depth is a typed error (AbiEncodeError), never a JS stack
 * overflow; a call's return value and events were measured (and paid)
 * under the call's gas before they reach here.
 */

import { toHex } from "../abi/hex.ts";
import { CAPS } from "../compile/opcodes.ts";
import { AbiEncodeError } from "../errors.ts";
import { type JsonOutput, OrderedJsonObject, rawJson } from "../abi/json.ts";
import type { EmittedEvent } from "./host/types.ts";
import { repr } from "./repr.ts";
import { strToUtf16 } from "../text_units.ts";
import { OUTPUT_METER } from "./walk.ts";
import { PyDict, PyList, PyTuple, type Value } from "./values.ts";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Output JSON of a runtime value. */
export function valueJson(value: Value): JsonOutput {
  return toJson(value, 0);
}

function toJson(value: Value, depth: number): JsonOutput {
  if (depth > CAPS.value_depth) {
    throw new AbiEncodeError("", `the value is nested deeper than ${CAPS.value_depth}`);
  }
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "string") return strToUtf16(value);
  if (typeof value === "number" || typeof value === "bigint") return rawJson(value.toString());
  if (value instanceof Uint8Array) return toHex(value);
  if (value instanceof PyList || value instanceof PyTuple) {
    return value.items.map((item) => toJson(item, depth + 1));
  }
  if (value instanceof PyDict) {
    return new OrderedJsonObject(
      [...value.ordered()].map((entry) => [
        typeof entry.key === "string" ? entry.key : repr(OUTPUT_METER, entry.key),
        toJson(entry.value, depth + 1),
      ]),
    );
  }
  return repr(OUTPUT_METER, value);
}

/** Text of bytes when they are valid UTF-8, else 0x hex. */
export function textOrHex(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return toHex(bytes);
  }
}

/** Output JSON of an emitted event. */
export function eventJson(event: EmittedEvent): JsonOutput {
  return { name: textOrHex(event.name), args: valueJson(event.args) };
}
