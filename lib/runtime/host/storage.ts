/**
 * stdlib.storage: the contract's own key space, read and written through
 * the call's journal. Keys are capped; an empty value deletes.
 */

import { allocBytes } from "../bytes.ts";
import { CAPS } from "../../compile/opcodes.ts";
import { limitExceeded, vmError } from "../failure.ts";
import { decodeStoredInt, encodeStoredInt } from "../int_bytes.ts";
import { canonicalInt, type Value } from "../values.ts";
import { bytesArg, intArg } from "./args.ts";
import type { StdlibMember } from "./types.ts";

function storageKey(value: Value | undefined): Uint8Array {
  const key = bytesArg(value, "storage key");
  if (key.length > CAPS.storage_key) limitExceeded("storage_key", "storage key is too long");
  if (key[0] === 0xff) vmError("ValueError", "storage keys starting with 0xff are reserved");
  return key;
}

/** The storage members by name. */
export const STORAGE = {
  "storage.get": (host, meter, args) => {
    const key = storageKey(args[0]);
    const value = host.journal.get(key) ?? allocBytes(0);
    meter.dynamic(1, value.length);
    return value;
  },
  "storage.set": (host, meter, args) => {
    const key = storageKey(args[0]);
    const value = bytesArg(args[1], "storage value");
    if (value.length > CAPS.storage_value) {
      limitExceeded("storage_value", "storage value is too large");
    }
    meter.dynamic(5, key.length + value.length);
    host.journal.set(key, value);
    return null;
  },
  "storage.delete": (host, _meter, args) => {
    host.journal.set(storageKey(args[0]), null);
    return null;
  },
  "storage.get_int": (host, meter, args) => {
    const key = storageKey(args[0]);
    const fallback = args[1] === undefined ? 0 : args[1];
    const stored = host.journal.get(key);
    if (stored === null) return fallback;
    meter.dynamic(1, Math.ceil(stored.length / 8));
    return canonicalInt(decodeStoredInt(stored));
  },
  "storage.set_int": (host, meter, args) => {
    const key = storageKey(args[0]);
    const value = encodeStoredInt(intArg(args[1], "storage int"));
    meter.dynamic(5, Math.max(1, Math.ceil(value.length / 8)));
    host.journal.set(key, value);
    return null;
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
