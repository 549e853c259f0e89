/**
 * The padding methods of str and bytes: center, ljust, rjust, zfill and
 * expandtabs. A width is converted as CPython converts it (OverflowError
 * beyond a C ssize_t; a tab size beyond a C int), checked against
 * bytes_length, and the result's length paid before it is built.
 */

import { CAPS } from "../../compile/opcodes.ts";
import type { Args } from "../bind.ts";
import { limitExceeded, vmError } from "../failure.ts";
import type { Charge } from "../meter.ts";
import { utf8Length } from "../ops.ts";
import { typeName, type Value } from "../values.ts";
import { cIntArg, type Method, ssizeArg } from "./common.ts";
import { codes, rebuild, type Text, textUnits } from "./text.ts";
import { codePointAt, codePointCount } from "../../text_units.ts";

const SPACE = 0x20;
const ZERO = 0x30;

/** The fill character of center/ljust/rjust as a code: one character of the receiver's kind. */
function fillCode(self: Text, value: Value | undefined, name: string): number {
  if (value === undefined) return SPACE;
  if (typeof self === "string") {
    if (typeof value !== "string") {
      return vmError(
        "TypeError",
        `The fill character must be a unicode character, not ${typeName(value)}`,
      );
    }
    if (codePointCount(value) !== 1) {
      return vmError("TypeError", "The fill character must be exactly one character long");
    }
    return codePointAt(value, 0);
  }
  if (value instanceof Uint8Array && value.length === 1) return value[0] ?? SPACE;
  return vmError(
    "TypeError",
    `${name}() argument 2 must be a byte string of length 1, not ${typeName(value)}`,
  );
}

/**
 * The size of one code in the unit of bytes_length (UTF-8 bytes of a str's
 * character; a surrogate counts 3, as utf8Length counts it).
 */
function codeSize(self: Text, code: number): number {
  if (typeof self !== "string" || code < 0x80) return 1;
  return code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/**
 * The receiver padded to `width` characters (args[0]) with `left` fill
 * codes (args[1], zfill: "0") before and the rest after (`left` is given
 * the padding); the width is checked
 * against the cap and max(width, n(receiver)) paid before the scan.
 */
function pad(
  meter: Charge,
  self: Text,
  args: Args,
  name: string,
  left: (padding: number, width: number) => number,
): Text {
  const requested = ssizeArg(args[0]);
  const fill = name === "zfill" ? ZERO : fillCode(self, args[1], name);
  if (requested > BigInt(CAPS.bytes_length)) {
    limitExceeded("bytes_length", `${name} result is too long`);
  }
  const width = Number(requested);
  meter.units(Math.max(width, textUnits(self)));
  const sequence = codes(self);
  const padding = width - sequence.length;
  if (padding <= 0) return self;
  const size = (typeof self === "string" ? utf8Length(self) : self.length) +
    padding * codeSize(self, fill);
  if (size > CAPS.bytes_length) limitExceeded("bytes_length", `${name} result is too long`);
  const before = left(padding, width);
  const out: number[] = new Array(width);
  out.fill(fill, 0, before);
  for (let i = 0; i < sequence.length; i++) out[before + i] = sequence[i] ?? 0;
  out.fill(fill, before + sequence.length);
  if (name === "zfill") {
    const sign = sequence[0];
    if (sign === 0x2b || sign === 0x2d) {
      out[0] = sign;
      out[padding] = ZERO;
    }
  }
  return rebuild(self, out);
}

/** expandtabs(tabsize=8): each tab becomes the spaces to the next multiple of tabsize. */
function expandTabs(meter: Charge, self: Text, args: Args): Text {
  const tabsize = args[0] === undefined ? 8 : cIntArg(args[0]);
  meter.units(textUnits(self));
  const sequence = codes(self);
  // The result's size is counted first (and capped) without building it.
  let column = 0;
  let added = 0;
  const base = typeof self === "string" ? utf8Length(self) : self.length;
  for (const code of sequence) {
    if (code === 0x09) {
      const spaces = tabsize > 0 ? tabsize - (column % tabsize) : 0;
      column += spaces;
      added += spaces - 1;
      if (base + added > CAPS.bytes_length) {
        limitExceeded("bytes_length", "expandtabs result is too long");
      }
    } else {
      column = code === 0x0a || code === 0x0d ? 0 : column + 1;
    }
  }
  meter.units(textUnits(self) + added);
  const out: number[] = [];
  column = 0;
  for (const code of sequence) {
    if (code === 0x09) {
      const spaces = tabsize > 0 ? tabsize - (column % tabsize) : 0;
      for (let i = 0; i < spaces; i++) out.push(SPACE);
      column += spaces;
    } else {
      out.push(code);
      column = code === 0x0a || code === 0x0d ? 0 : column + 1;
    }
  }
  return rebuild(self, out);
}

/** The padding methods, shared by str and bytes. */
export const LAYOUT_METHODS = {
  center: (m, self, args) =>
    pad(m, self, args, "center", (padding, width) => (padding >> 1) + (padding & width & 1)),
  ljust: (m, self, args) => pad(m, self, args, "ljust", () => 0),
  rjust: (m, self, args) => pad(m, self, args, "rjust", (padding) => padding),
  zfill: (m, self, args) => pad(m, self, args, "zfill", (padding) => padding),
  expandtabs: (m, self, args) => expandTabs(m, self, args),
} as const satisfies Readonly<Record<string, Method<Text>>>;
