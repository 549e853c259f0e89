/**
 * str.maketrans and bytes.maketrans, the translation tables of
 * str.translate (a dict from ordinals) and bytes.translate (256 bytes),
 * with CPython's argument checks. Each pays the entries it builds before
 * building them.
 */

import { setEntry } from "../dict_table.ts";
import { vmError } from "../failure.ts";
import type { Charge } from "../meter.ts";
import { asBigInt, dictKey, PyDict, typeName, type Value } from "../values.ts";
import type { Builtin } from "./common.ts";
import { codePoints } from "../../text_units.ts";

function strArgument(value: Value, position: number): string {
  if (typeof value === "string") return value;
  return vmError(
    "TypeError",
    `maketrans() argument ${position} must be str, not ${typeName(value)}`,
  );
}

/** str.maketrans(x[, y[, z]]): a dict of ordinals, from a dict or from two (three) strs. */
function strMaketrans(meter: Charge, args: readonly (Value | undefined)[]): PyDict {
  const [x = null, y, z] = args;
  const out = new PyDict();
  // A key seen again keeps its first spelling and takes the new value, as a dict store does.
  const put = (key: Value, value: Value) => setEntry(out, dictKey(meter, key), key, value);
  if (y === undefined) {
    if (!(x instanceof PyDict)) {
      return vmError("TypeError", "if you give only one argument to maketrans it must be a dict");
    }
    meter.units(x.entries.size);
    for (const { key, value } of x.ordered()) {
      if (typeof key === "string") {
        const [code, ...rest] = codePoints(key);
        if (code === undefined || rest.length > 0) {
          vmError("ValueError", "string keys in translate table must be of length 1");
        }
        put(code, value);
      } else if (asBigInt(key) !== null) put(key, value);
      else vmError("TypeError", "keys in translate table must be strings or integers");
    }
    return out;
  }
  if (typeof x !== "string") {
    return vmError(
      "TypeError",
      "first maketrans argument must be a string if there is a second argument",
    );
  }
  const to = strArgument(y, 2);
  const deleted = z === undefined ? "" : strArgument(z, 3);
  meter.units(x.length + deleted.length);
  const from = codePoints(x);
  const into = codePoints(to);
  if (from.length !== into.length) {
    vmError("ValueError", "the first two maketrans arguments must have equal length");
  }
  from.forEach((code, i) => put(code, into[i] ?? 0));
  for (const code of codePoints(deleted)) put(code, null);
  return out;
}

function bytesArgument(value: Value | undefined): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return vmError(
    "TypeError",
    `a bytes-like object is required, not '${typeName(value ?? null)}'`,
  );
}

/** bytes.maketrans(frm, to): the identity table with frm[i] mapped to to[i]. */
function bytesMaketrans(meter: Charge, args: readonly (Value | undefined)[]): Uint8Array {
  const from = bytesArgument(args[0]);
  const to = bytesArgument(args[1]);
  if (from.length !== to.length) vmError("ValueError", "maketrans arguments must have same length");
  meter.units(256 + from.length);
  const table = Uint8Array.from({ length: 256 }, (_, i) => i);
  from.forEach((byte, i) => table[byte] = to[i] ?? byte);
  return table;
}

/** The maketrans builtins, by table name. */
export const MAKETRANS_BUILTINS = {
  "str.maketrans": (m, args) => strMaketrans(m, args),
  "bytes.maketrans": (m, args) => bytesMaketrans(m, args),
} as const satisfies Readonly<Record<string, Builtin>>;
