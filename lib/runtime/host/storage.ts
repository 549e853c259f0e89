/**
 * stdlib.storage: the contract's own key space, read and written through
 * the call's journal (which places it in the storage space of the calling
 * contract: no key a contract can write reaches a balance or another
 * contract). Keys and values are capped; an empty value deletes, so
 * exists(key) is true exactly when get(key) would return non-empty bytes. The int
 * members pay for the bytes they read or the words they write before
 * decoding or encoding, and hold the int_bits cap both ways.
 */

import { cappedInt, checkIntBits } from "../int_cap.ts";
import { allocBytes } from "../bytes.ts";
import { CAPS } from "../../compile/opcodes.ts";
import { limitExceeded } from "../failure.ts";
import {
  decodeStoredInt,
  encodeStoredInt,
  MAX_STORED_INT_BYTES,
  smallIntFromBytes,
  storedIntLength,
  storedSmallIntLength,
} from "../int_bytes.ts";
import { bitsOf } from "../ops.ts";
import type { Value } from "../values.ts";
import { bytesArg, intValueArg } from "./args.ts";
import type { StdlibMember } from "./types.ts";

function storageKey(value: Value | undefined): Uint8Array {
  const key = bytesArg(value, "storage key");
  if (key.length > CAPS.storage_key) limitExceeded("storage_key", "storage key is too long");
  return key;
}

/** The storage members by name. */
export const STORAGE = {
  "storage.get": (host, meter, args) => {
    const key = storageKey(args[0]);
    const stored = host.journal.storage(host.context.address, key);
    if (stored === null) return args[1] === undefined ? allocBytes(0) : args[1];
    meter.units(stored.length);
    return stored;
  },
  "storage.exists": (host, _meter, args) =>
    host.journal.storage(host.context.address, storageKey(args[0])) !== null,
  "storage.set": (host, meter, args) => {
    const key = storageKey(args[0]);
    const value = bytesArg(args[1], "storage value");
    if (value.length > CAPS.storage_value) {
      limitExceeded("storage_value", "storage value is too large");
    }
    meter.units(key.length + value.length);
    host.journal.setStorage(host.context.address, key, value);
    return null;
  },
  "storage.delete": (host, _meter, args) => {
    host.journal.setStorage(host.context.address, storageKey(args[0]), null);
    return null;
  },
  "storage.get_int": (host, meter, args) => {
    const key = storageKey(args[0]);
    const fallback = args[1] === undefined ? 0 : args[1];
    const stored = host.journal.storedValue(host.context.address, key);
    if (stored === null) return fallback;
    if (typeof stored === "number") {
      meter.units(storedSmallIntLength(stored));
      return stored;
    }
    if (stored.length > MAX_STORED_INT_BYTES) {
      limitExceeded("int_bits", "stored value is too long for an int");
    }
    meter.units(stored.length);
    return smallIntFromBytes(stored, true, false) ??
      cappedInt(decodeStoredInt(stored), "stored int");
  },
  "storage.set_int": (host, meter, args) => {
    const key = storageKey(args[0]);
    const value = intValueArg(args[1], "storage int");
    const bits = bitsOf(value);
    checkIntBits(bits, "storage int");
    if (storedIntLength(bits) > CAPS.storage_value) {
      limitExceeded("storage_value", "storage value is too large");
    }
    meter.units(Math.max(1, Math.ceil(bits / 64)));
    if (typeof value === "number") host.journal.setStorageInt(host.context.address, key, value);
    else host.journal.setStorage(host.context.address, key, encodeStoredInt(value, bits));
    return null;
  },
} as const satisfies Readonly<Record<string, StdlibMember>>;
