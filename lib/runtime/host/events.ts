/**
 * stdlib.events: emit(name, args) records an event for the receipt,
 * checked against the manifest's declarations when it declares any, and
 * capped in count and size. The size is the name's bytes plus the
 * canonical size of the args dict (spec/ABI.md §6), measured by a walk
 * that pays events.emit's per-byte rate before each node and stops at
 * event_size or value_depth. Argument names are str, or bytes whose UTF-8
 * text is an identifier (kept as that text, as upstream Animica does).
 */

import { type AbiValue } from "../../abi/codec.ts";
import { checkEventArgs } from "../../abi/events.ts";
import type { Manifest } from "../../abi/manifest.ts";
import { AbiEncodeError } from "../../errors.ts";
import { CAPS } from "../../compile/opcodes.ts";
import { toAbiValue } from "../abi_values.ts";
import { setEntry } from "../dict_table.ts";
import { limitExceeded, vmError } from "../failure.ts";
import { copyMeasured, measureValue } from "../value_walk.ts";
import { PyDict, typeName, type Value } from "../values.ts";
import { isIdentifierContinue, isIdentifierStart } from "../unicode.ts";
import { bytesArg } from "./args.ts";
import type { StdlibMember } from "./types.ts";

function checkDeclared(manifest: Manifest | null, name: Uint8Array, args: PyDict): void {
  if (manifest === null || manifest.events.length === 0) return;
  const text = new TextDecoder().decode(name);
  const values = new Map<string, AbiValue>();
  for (const entry of args.ordered()) {
    const value = toAbiValue(entry.value);
    if (value === null) {
      vmError("TypeError", `event ${text} argument '${String(entry.key)}' has no ABI form`);
    }
    values.set(entry.key as string, value);
  }
  try {
    checkEventArgs(manifest, text, values);
  } catch (error) {
    if (error instanceof AbiEncodeError) vmError("EventError", error.message);
    throw error;
  }
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A bytes argument name as text: upstream contracts write `{b"new": v}`.
 * Accepted when its UTF-8 text is an identifier (its bytes were paid by
 * the size walk); anything else is refused as a str key would be.
 */
function bytesArgumentName(key: Value): string {
  if (key instanceof Uint8Array) {
    let text: string | null = null;
    try {
      text = strictUtf8.decode(key);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
    const [first, ...rest] = text === null ? [] : [...text].map((c) => c.codePointAt(0) ?? 0);
    if (
      text !== null && first !== undefined && isIdentifierStart(first) &&
      rest.every(isIdentifierContinue)
    ) return text;
    return vmError("TypeError", "a bytes event argument name must be an identifier in UTF-8");
  }
  return vmError("TypeError", "event argument names must be str or bytes");
}

/** The events members by name. */
export const EVENTS = {
  "events.emit": (host, meter, args) => {
    const name = bytesArg(args[0], "event name");
    const fields = args[1] ?? new PyDict();
    if (!(fields instanceof PyDict)) {
      return vmError("TypeError", `event args must be a dict, not ${typeName(fields)}`);
    }
    if (host.events.length >= CAPS.events_per_call) {
      limitExceeded("events_per_call", "too many events");
    }
    if (name.length > CAPS.event_size) limitExceeded("event_size", "event is too large");
    meter.units(name.length);
    measureValue(fields, {
      payNode: () => {},
      payBytes: (bytes) => meter.units(bytes),
      limit: CAPS.event_size - name.length,
      cap: "event_size",
      what: "event",
    });
    const snapshot = new PyDict();
    for (const entry of fields.ordered()) {
      const name = typeof entry.key === "string" ? entry.key : bytesArgumentName(entry.key);
      // An identifier never starts with NUL, so its text is its own dict key.
      const nameKey = name === entry.key ? entry.dk : name;
      if (snapshot.entries.has(nameKey)) {
        vmError("TypeError", `event argument name '${name}' is given twice`);
      }
      setEntry(snapshot, nameKey, name, copyMeasured(entry.value));
    }
    checkDeclared(host.manifest, name, snapshot);
    host.events.push({ name, args: snapshot });
    return null;
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
