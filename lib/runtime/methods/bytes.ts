/**
 * The methods of bytes: the shared text methods (search, split, padding,
 * class tests), the ASCII case maps, and hex (with CPython's separator
 * rules) and decode.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { CAPS } from "../../compile/opcodes.ts";
import type { Args } from "../bind.ts";
import { codecArgument, decodeBytes } from "../codecs.ts";
import { limitExceeded, vmError } from "../failure.ts";
import type { Charge } from "../meter.ts";
import { PyDict, PyDictView, PyList, PyRange, PyTuple, typeName, type Value } from "../values.ts";
import { cIntArg, type Method } from "./common.ts";
import { TEXT_METHODS } from "./text.ts";
import { codePointAt, codePointCount } from "../../text_units.ts";
import { BYTES_CASE_METHODS, CLASS_METHODS } from "./text_classes.ts";
import { LAYOUT_METHODS } from "./text_layout.ts";
import { SPLIT_METHODS } from "./text_split.ts";
import { BYTES_TRANSLATE_METHODS } from "./translate.ts";

/** The ASCII codes of the hex digits, by value. */
const HEX_DIGITS = new TextEncoder().encode("0123456789abcdef");
const ASCII = new TextDecoder("utf-8");

/** The separator code of bytes.hex(sep): one ASCII character, as str or bytes. */
function separatorCode(sep: Value): number {
  if (typeof sep !== "string" && !(sep instanceof Uint8Array)) {
    // CPython takes the separator's len() first: a sized value of another type fails later.
    const sized = sep instanceof PyList || sep instanceof PyTuple || sep instanceof PyDict ||
      sep instanceof PyDictView || sep instanceof PyRange;
    return vmError(
      "TypeError",
      sized ? "sep must be str or bytes." : `object of type '${typeName(sep)}' has no len()`,
    );
  }
  const length = typeof sep === "string" ? codePointCount(sep) : sep.length;
  if (length !== 1) vmError("ValueError", "sep must be length 1.");
  const code = typeof sep === "string" ? codePointAt(sep, 0) : sep[0] ?? 0;
  if (code > 0x7f) vmError("ValueError", "sep must be ASCII.");
  return code;
}

/**
 * bytes.hex(sep=?, bytes_per_sep=1): two digits a byte, and with a
 * separator one between every |bytes_per_sep| bytes, the groups counted
 * from the right (from the left when negative); 0 puts none. The result's
 * length is checked against bytes_length and paid before it is built.
 */
function hex(meter: Charge, self: Uint8Array, args: Args): string {
  const perSep = args[1] === undefined ? 1 : cIntArg(args[1]);
  const sep = args[0] === undefined ? null : separatorCode(args[0]);
  const group = Math.abs(perSep);
  const separators = sep === null || group === 0 || self.length === 0
    ? 0
    : Math.ceil(self.length / group) - 1;
  const length = 2 * self.length + separators;
  if (length > CAPS.bytes_length) limitExceeded("bytes_length", "hex result is too long");
  meter.units(length);
  const out = new Uint8Array(length);
  // With groups counted from the right, the first group holds the remainder.
  const first = perSep > 0 ? self.length % group || group : group;
  let at = 0;
  self.forEach((byte, i) => {
    if (separators > 0 && i > 0 && (i - first) % group === 0) out[at++] = sep ?? 0;
    out[at++] = HEX_DIGITS[byte >> 4] ?? 0;
    out[at++] = HEX_DIGITS[byte & 15] ?? 0;
  });
  return ASCII.decode(out);
}

/** The methods of bytes. */
export const BYTES_METHODS: { readonly [K in MethodNames["bytes"]]: Method<Uint8Array> } = {
  ...TEXT_METHODS,
  ...SPLIT_METHODS,
  ...LAYOUT_METHODS,
  ...CLASS_METHODS,
  ...BYTES_CASE_METHODS,
  ...BYTES_TRANSLATE_METHODS,
  hex: (m, self, args) => hex(m, self, args),
  decode: (m, self, args) => {
    const pay = (units: number) => m.units(units);
    const encoding = codecArgument(pay, "decode", "encoding", args[0]);
    const errors = codecArgument(pay, "decode", "errors", args[1]);
    return decodeBytes(pay, self, encoding, errors);
  },
};
