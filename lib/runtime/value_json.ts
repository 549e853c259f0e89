/**
 * Runtime values as output JSON (DESIGN §6): int as an exact JSON integer,
 * bytes as "0x" hex, str, bool, None as null, list/tuple as arrays, dict as
 * an object (non-str keys written as their repr). Event names and keys
 * print as text when valid UTF-8, else as 0x hex.
 */

import { toHex } from "../abi/hex.ts";
import { type JsonOutput, rawJson } from "../abi/json.ts";
import type { EmittedEvent } from "./host/types.ts";
import { repr } from "./repr.ts";
import { PyDict, PyList, PyTuple, type Value } from "./values.ts";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Output JSON of a runtime value. */
export function valueJson(value: Value): JsonOutput {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return rawJson(value.toString());
  if (value instanceof Uint8Array) return toHex(value);
  if (value instanceof PyList || value instanceof PyTuple) return value.items.map(valueJson);
  if (value instanceof PyDict) {
    return Object.fromEntries(
      [...value.entries.values()].map((
        entry,
      ) => [typeof entry.key === "string" ? entry.key : repr(entry.key), valueJson(entry.value)]),
    );
  }
  return repr(value);
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
