/**
 * printf-style `str % args` with CPython 3.11 semantics for the conversions
 * a contract can use: d i u o x X c s r a and %%, with mapping keys
 * `%(name)s`, flags `- + 0 #` and space, width and precision (both may be
 * `*`). Float conversions (e E f F g G) raise NotImplementedError: there
 * are no floats in contracts. Errors are the TypeError/ValueError CPython
 * raises. A width or a zero-padding precision is checked against the
 * bytes_length cap before any padding is built; %r, %s and %a of a
 * container write its repr through the paid walk of repr.ts.
 */

import { CAPS } from "../compile/opcodes.ts";
import { limitExceeded, vmError } from "./failure.ts";
import { repr } from "./repr.ts";
import {
  asciiUppercase,
  codePointAt,
  codePointCount as strLength,
  strFromCodePoint,
} from "../text_units.ts";
import type { Meter } from "./ops.ts";
import { asBigInt, dictKey, latin1Text, PyDict, PyTuple, typeName, type Value } from "./values.ts";

const SPEC = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)?/y;

function asciiRepr(meter: Meter, value: Value): string {
  let out = "";
  for (const char of repr(meter, value)) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out += char;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return out;
}

function integerText(
  value: Value,
  type: string,
  alternate: boolean,
): { sign: string; body: string } {
  const number = asBigInt(value);
  if (number === null) {
    const what = type === "d" || type === "i" || type === "u" ? "a real number" : "an integer";
    return vmError("TypeError", `%${type} format: ${what} is required, not ${typeName(value)}`);
  }
  const magnitude = number < 0n ? -number : number;
  const sign = number < 0n ? "-" : "";
  switch (type) {
    case "o":
      return { sign, body: (alternate ? "0o" : "") + magnitude.toString(8) };
    case "x":
      return { sign, body: (alternate ? "0x" : "") + magnitude.toString(16) };
    case "X":
      return { sign, body: (alternate ? "0X" : "") + asciiUppercase(magnitude.toString(16)) };
    default:
      return { sign, body: magnitude.toString() };
  }
}

/** `template % args` for a bytes template: the same rules over Latin-1 text, bytes in and out. */
export function formatPercentBytes(meter: Meter, template: Uint8Array, args: Value): Uint8Array {
  const result = formatPercent(meter, latin1Text(template), args, true);
  return Uint8Array.from(result, (char) => char.charCodeAt(0));
}

/** The UTF-16 offset after the first `count` code points of `text` (its length when it has fewer). */
function codePointEnd(text: string, count: number): number {
  let at = 0;
  for (let seen = 0; seen < count && at < text.length; seen++) {
    const code = text.charCodeAt(at);
    at += code >= 0xd800 && code <= 0xdfff && at + 1 < text.length ? 2 : 1;
  }
  return at;
}

/** The number of code points of `text`, counted no further than `limit`. */
function codePointCount(text: string, limit: number): number {
  let at = 0;
  let seen = 0;
  while (seen < limit && at < text.length) {
    const code = text.charCodeAt(at);
    at += code >= 0xd800 && code <= 0xdfff && at + 1 < text.length ? 2 : 1;
    seen++;
  }
  return seen;
}

/** ValueError for the conversion character at unit `unit` of the template, placed by code point. */
function unsupportedCharacter(template: string, unit: number): never {
  const codePoint = codePointAt(template, unit);
  return vmError(
    "ValueError",
    `unsupported format character '${strFromCodePoint(codePoint)}' (0x${
      codePoint.toString(16)
    }) at index ${strLength(template.slice(0, unit))}`,
  );
}

/** Fails when `more` characters after `written` would pass the bytes_length cap (before they are built). */
function reserve(written: number, more: number, what: string): void {
  if (written + more > CAPS.bytes_length) {
    limitExceeded("bytes_length", `format ${what} is too large`);
  }
}

/** `template % args` for a str template (`bytesMode` for bytes templates). */
export function formatPercent(
  meter: Meter,
  template: string,
  args: Value,
  bytesMode = false,
): string {
  const mapping = args instanceof PyDict ? args : null;
  const positional = args instanceof PyTuple ? [...args.items] : [args];
  let next = 0;
  const take = (): Value => {
    if (next >= positional.length) vmError("TypeError", "not enough arguments for format string");
    return positional[next++] ?? null;
  };
  const count = (text: string | undefined): number | null => {
    if (text === undefined) return null;
    if (text !== "*") return Number(text);
    const value = asBigInt(take());
    if (value === null) vmError("TypeError", "* wants int");
    return Number(value);
  };
  let out = "";
  let at = 0;
  while (at < template.length) {
    const percent = template.indexOf("%", at);
    if (percent < 0) {
      out += template.slice(at);
      break;
    }
    out += template.slice(at, percent);
    SPEC.lastIndex = percent;
    const match = SPEC.exec(template);
    const type = match?.[5];
    if (match === null || type === undefined) vmError("ValueError", "incomplete format");
    at = SPEC.lastIndex;
    const [, key, flags = "", widthText, precisionText] = match;
    if (type === "%" && key === undefined) {
      out += "%";
      continue;
    }
    let width = count(widthText) ?? 0;
    const precision = count(precisionText);
    let value: Value;
    if (key !== undefined) {
      if (mapping === null) vmError("TypeError", "format requires a mapping");
      const entry = mapping.entries.get(dictKey(meter, key));
      if (entry === undefined) vmError("KeyError", repr(meter, key));
      value = entry.value;
    } else {
      value = take();
    }
    let left = flags.includes("-");
    if (width < 0) {
      left = true;
      width = -width;
    }
    reserve(out.length, width, "width");
    let text: string;
    let sign = "";
    let numeric = false;
    switch (type) {
      case "b":
      case "s":
      case "r":
      case "a": {
        if (bytesMode && (type === "s" || type === "b")) {
          if (!(value instanceof Uint8Array)) {
            return vmError(
              "TypeError",
              `%b requires a bytes-like object, or an object that implements __bytes__, not '${
                typeName(value)
              }'`,
            );
          }
          text = latin1Text(value);
        } else if (type === "b") {
          return unsupportedCharacter(template, at - 1);
        } else if (type === "s") {
          text = typeof value === "string" ? value : repr(meter, value);
        } else {
          text = bytesMode || type === "a" ? asciiRepr(meter, value) : repr(meter, value);
        }
        if (precision !== null) text = text.slice(0, codePointEnd(text, precision));
        break;
      }
      case "c": {
        if (bytesMode) {
          if (value instanceof Uint8Array && value.length === 1) {
            text = String.fromCharCode(value[0] ?? 0);
            break;
          }
          const byte = value instanceof Uint8Array ? null : asBigInt(value);
          if (byte === null) {
            return vmError("TypeError", "%c requires an integer in range(256) or a single byte");
          }
          if (byte < 0n || byte > 255n) vmError("OverflowError", "%c arg not in range(256)");
          text = String.fromCharCode(Number(byte));
          break;
        }
        if (typeof value === "string") {
          if (value.length === 0 || codePointEnd(value, 1) !== value.length) {
            vmError("TypeError", "%c requires int or char");
          }
          text = value;
        } else {
          const code = asBigInt(value);
          if (code === null) return vmError("TypeError", "%c requires int or char");
          if (code < 0n || code > 0x10ffffn) {
            vmError("OverflowError", "%c arg not in range(0x110000)");
          }
          text = strFromCodePoint(Number(code));
        }
        break;
      }
      case "d":
      case "i":
      case "u":
      case "o":
      case "x":
      case "X": {
        const parts = integerText(value, type, flags.includes("#"));
        numeric = true;
        let body = parts.body;
        const prefix = /^0[oxX]/.test(body) ? body.slice(0, 2) : "";
        let digits = body.slice(prefix.length);
        if (precision !== null && digits.length < precision) {
          reserve(out.length, precision, "precision");
          digits = digits.padStart(precision, "0");
        }
        body = prefix + digits;
        sign = parts.sign !== ""
          ? parts.sign
          : flags.includes("+")
          ? "+"
          : flags.includes(" ")
          ? " "
          : "";
        if (flags.includes("0") && !left && sign.length + body.length < width) {
          digits = digits.padStart(width - sign.length - prefix.length, "0");
          body = prefix + digits;
        }
        text = body;
        break;
      }
      case "e":
      case "E":
      case "f":
      case "F":
      case "g":
      case "G":
        return vmError(
          "NotImplementedError",
          `%${type} formats floats, which contracts do not have`,
        );
      default:
        return unsupportedCharacter(template, at - 1);
    }
    const full = numeric ? sign + text : text;
    // Only the first `width` code points matter to the padding: a long text is not counted through.
    const pad = width - codePointCount(full, width);
    out += left ? full + " ".repeat(pad) : " ".repeat(pad) + full;
    if (out.length > CAPS.bytes_length) {
      limitExceeded("bytes_length", "formatted string is too long");
    }
  }
  if (mapping === null && next < positional.length) {
    vmError("TypeError", "not all arguments converted during string formatting");
  }
  return out;
}
