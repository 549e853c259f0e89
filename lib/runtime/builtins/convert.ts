/**
 * Conversion builtins: int (with int()'s parsing of text), bool, str,
 * bytes, list, tuple, dict, ord, chr, int.from_bytes and bytes.fromhex.
 * Each pays its scan or copy before doing it and checks the caps of what
 * it builds.
 */

import { CAPS } from "../../compile/opcodes.ts";
import { allocBytes, bytesFrom, copyBytes } from "../bytes.ts";
import { codecArgument, decodeBytes, encodeText } from "../codecs.ts";
import { limitExceeded, vmError } from "../failure.ts";
import { bitLength, iterableItems, type Meter, utf8Length } from "../ops.ts";
import { repr, safeIntRepr, strText } from "../repr.ts";
import { decimalValue, isSpace } from "../unicode.ts";
import { cappedInt, checkIntBits } from "../int_cap.ts";
import { cIntArgument } from "../indices.ts";
import { intFromBytes, smallIntFromBytes } from "../int_bytes.ts";
import { setEntry } from "../dict_table.ts";
import { updateFrom } from "../methods/dict.ts";
import { littleEndian } from "../methods/int.ts";
import {
  asBigInt,
  canonicalInt,
  dictKey,
  PyDict,
  PyList,
  PyTuple,
  truthy,
  typeName,
  type Value,
} from "../values.ts";
import type { Charge } from "../meter.ts";
import { type Builtin, containerItems, intArg } from "./common.ts";
import {
  asciiLowercase,
  codePointAt,
  codePointCount,
  codePoints,
  strFromCodePoint,
  unitWidth,
} from "../../text_units.ts";

/** str(value). */
export function toStr(meter: Meter, value: Value): string {
  return strText(meter, value);
}

/**
 * int()'s view of a str, as CPython prepares it: ASCII characters stay,
 * other whitespace becomes a space, other decimal digits (any script)
 * become ASCII digits; null when another non-ASCII character remains.
 */
function asciiDigits(text: string): string | null {
  let ascii = 0;
  while (ascii < text.length && text.charCodeAt(ascii) < 0x80) ascii++;
  if (ascii === text.length) return text;
  let out = "";
  for (const codePoint of codePoints(text)) {
    if (codePoint < 0x80) out += String.fromCharCode(codePoint);
    else if (isSpace(codePoint)) out += " ";
    else {
      const digit = decimalValue(codePoint);
      if (digit === null) return null;
      out += String(digit);
    }
  }
  return out;
}

/** int()'s view of bytes: ASCII only (null when any byte is not). */
function asciiBytes(bytes: Uint8Array): string | null {
  let out = "";
  for (const byte of bytes) {
    if (byte >= 0x80) return null;
    out += String.fromCharCode(byte);
  }
  return out;
}

function digitValue(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return -1;
}

/** Whether `code` is ASCII whitespace, the only kind int() strips after mapping. */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** `text` without leading and trailing ASCII whitespace, in one linear pass (no regex). */
function trimAscii(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Whether `body` is a base-0 zero: zeros with single underscores between them. */
function isZeroLiteral(body: string): boolean {
  if (!body.startsWith("0") || body.endsWith("_") || body.includes("__")) return false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char !== "0" && char !== "_") return false;
  }
  return true;
}

/**
 * The most significant digits a literal in `radix` can have and still be
 * below 2^int_bits: checked before the digits are converted, so the
 * conversion's work stays within the int cap.
 */
function maxDigits(radix: number): number {
  return Math.ceil(CAPS.int_bits / Math.log2(radix)) + 1;
}

/** The value of validated digits (no underscores) in `radix`, a few digits per BigInt step. */
function digitsValue(digits: string, radix: number): bigint {
  const chunk = Math.max(1, Math.floor(52 / Math.log2(radix)));
  const scale = BigInt(radix) ** BigInt(chunk);
  // The first chunk is the short one, so every later step scales by the same power.
  let at = digits.length % chunk === 0 ? chunk : digits.length % chunk;
  let result = BigInt(Number.parseInt(digits.slice(0, at), radix));
  for (; at < digits.length; at += chunk) {
    result = result * scale + BigInt(Number.parseInt(digits.slice(at, at + chunk), radix));
  }
  return result;
}

/** CPython's int_max_str_digits default: the most digits int() converts in a non-binary base. */
const MAX_STR_DIGITS = 4300;

/**
 * CPython's guard against quadratic conversions: in a radix that is not a
 * power of two, a run of more than 4300 valid digits (underscores not
 * counted; the run ends at the first character that is not one) is a
 * ValueError, before the rest of the literal is checked.
 */
function checkDigitLimit(body: string, radix: bigint): void {
  if ((radix & (radix - 1n)) === 0n) return;
  let digits = 0;
  let previous = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? "";
    if (char === "_") {
      if (previous === "_") return;
    } else {
      const digit = digitValue(char);
      if (digit < 0 || digit >= radix) break;
      digits++;
    }
    previous = char;
  }
  if (previous === "_" || digits <= MAX_STR_DIGITS) return;
  vmError(
    "ValueError",
    `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

function parseInt(meter: Meter, value: string | Uint8Array, base: bigint): bigint {
  if (base !== 0n && (base < 2n || base > 36n)) {
    vmError("ValueError", "int() base must be >= 2 and <= 36, or 0");
  }
  const fail = () =>
    vmError("ValueError", `invalid literal for int() with base ${base}: ${repr(meter, value)}`);
  const ascii = typeof value === "string" ? asciiDigits(value) : asciiBytes(value);
  if (ascii === null) return fail();
  // Only ASCII whitespace is stripped, as CPython does after the mapping above.
  let body = asciiLowercase(trimAscii(ascii));
  let sign = 1n;
  if (body.startsWith("-") || body.startsWith("+")) {
    sign = body.startsWith("-") ? -1n : 1n;
    body = body.slice(1);
  }
  let radix = base;
  const prefixes: [string, bigint][] = [["0x", 16n], ["0o", 8n], ["0b", 2n]];
  for (const [prefix, value] of prefixes) {
    if (body.startsWith(prefix) && (radix === value || radix === 0n)) {
      body = body.slice(2);
      if (body.startsWith("_")) body = body.slice(1);
      radix = value;
    }
  }
  // Base 0 without a prefix is decimal, and a leading zero allows only zeros.
  const zerosOnly = radix === 0n && body.startsWith("0");
  if (radix === 0n) radix = 10n;
  if (body === "" || body.startsWith("_")) fail();
  checkDigitLimit(body, radix);
  if (zerosOnly) return isZeroLiteral(body) ? 0n : fail();
  if (body.endsWith("_") || body.includes("__")) fail();
  const digits = body.replaceAll("_", "");
  for (let i = 0; i < digits.length; i++) {
    const digit = digitValue(digits[i] ?? "");
    if (digit < 0 || digit >= radix) fail();
  }
  let first = 0;
  while (first < digits.length - 1 && digits[first] === "0") first++;
  const significant = digits.slice(first);
  if (significant.length > maxDigits(Number(radix))) {
    limitExceeded("int_bits", "integer is too large");
  }
  const parsed = sign * digitsValue(significant, Number(radix));
  checkIntBits(bitLength(parsed), "integer");
  return parsed;
}

function toInt(meter: Charge, value: Value | undefined, baseArg: Value | undefined): Value {
  if (value === undefined) {
    if (baseArg !== undefined) vmError("TypeError", "int() missing string argument");
    return 0;
  }
  if (baseArg !== undefined) {
    if (typeof value !== "string" && !(value instanceof Uint8Array)) {
      vmError("TypeError", "int() can't convert non-string with explicit base");
    }
    meter.units(value.length);
    return canonicalInt(parseInt(meter, value, intArg(baseArg)));
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number" || typeof value === "bigint") return value;
  if (typeof value === "string" || value instanceof Uint8Array) {
    meter.units(value.length);
    return canonicalInt(parseInt(meter, value, 10n));
  }
  return vmError(
    "TypeError",
    `int() argument must be a string, a bytes-like object or a real number, not '${
      typeName(value)
    }'`,
  );
}

/**
 * bytes(source, encoding, errors), with CPython's checks: both text
 * arguments are parsed first, then encoding and errors call for a str
 * source, and a str source for an encoding.
 */
function toBytes(meter: Charge, args: readonly (Value | undefined)[]): Value {
  const [source, encodingArg, errorsArg] = args;
  const pay = (units: number) => meter.units(units);
  const encoding = codecArgument(pay, "bytes", "encoding", encodingArg);
  const errors = codecArgument(pay, "bytes", "errors", errorsArg);
  if (source === undefined) {
    if (encoding !== undefined) vmError("TypeError", "encoding without a string argument");
    if (errors !== undefined) vmError("TypeError", "errors without a string argument");
    return allocBytes(0);
  }
  if (encoding !== undefined) {
    if (typeof source !== "string") vmError("TypeError", "encoding without a string argument");
    return encodeText(pay, source, encoding, errors);
  }
  if (typeof source === "string") vmError("TypeError", "string argument without an encoding");
  if (errors !== undefined) vmError("TypeError", "errors without a string argument");
  if (typeof source === "number" || typeof source === "bigint" || typeof source === "boolean") {
    const n = asBigInt(source) ?? 0n;
    if (n < 0n) vmError("ValueError", "negative count");
    if (n > BigInt(CAPS.bytes_length)) limitExceeded("bytes_length", "bytes result is too long");
    meter.units(Number(n));
    return allocBytes(Number(n));
  }
  if (source instanceof Uint8Array) {
    meter.units(source.length);
    return copyBytes(source);
  }
  if (source === null) vmError("TypeError", "cannot convert 'NoneType' object to bytes");
  const items = iterableItems(source, "bytes()", (count) => meter.units(count));
  return bytesFrom(items.map((item) => {
    const byte = asBigInt(item);
    if (byte === null) {
      return vmError("TypeError", `'${typeName(item)}' object cannot be interpreted as an integer`);
    }
    if (byte < 0n || byte > 255n) vmError("ValueError", "bytes must be in range(0, 256)");
    return Number(byte);
  }));
}

/**
 * str(object, encoding, errors): with an encoding or errors, object must
 * be bytes and is decoded; both text arguments are parsed first.
 */
function toStrBuiltin(meter: Charge, args: readonly (Value | undefined)[]): Value {
  const [value, encodingArg, errorsArg] = args;
  // str(n) of a safe int, the commonest call, before the codec arguments (none are given).
  if (typeof value === "number" && encodingArg === undefined && errorsArg === undefined) {
    return safeIntStr(meter, value);
  }
  const pay = (units: number) => meter.units(units);
  const encoding = codecArgument(pay, "str", "encoding", encodingArg);
  const errors = codecArgument(pay, "str", "errors", errorsArg);
  if (value === undefined) return "";
  if (encoding !== undefined || errors !== undefined) {
    if (value instanceof Uint8Array) return decodeBytes(pay, value, encoding, errors);
    if (typeof value === "string") vmError("TypeError", "decoding str is not supported");
    return vmError(
      "TypeError",
      `decoding to str: need a bytes-like object, ${typeName(value)} found`,
    );
  }
  const text = toStr(meter, value);
  meter.units(utf8Length(text));
  return text;
}

/** str() of a safe int: its repr, paid as repr() pays it, and its digits (ASCII: a byte each). */
function safeIntStr(meter: Charge, value: number): string {
  const digits = safeIntRepr(meter, value);
  meter.units(digits.length);
  return digits;
}

/** dict(source, **keywords): the source as update() reads it, then each keyword set in turn. */
function toDict(meter: Charge, source: Value | undefined, keywords: ReadonlyMap<string, Value>) {
  const dict = new PyDict();
  if (source !== undefined) updateFrom(meter, dict, source, (count) => meter.units(count));
  meter.units(keywords.size);
  for (const [key, value] of keywords) setEntry(dict, dictKey(meter, key), key, value);
  return dict;
}

function fromBytes(meter: Charge, args: readonly (Value | undefined)[]): Value {
  const [source, order, signed] = args;
  const little = littleEndian(order);
  let bytes: Uint8Array;
  if (source instanceof Uint8Array) bytes = source;
  else if (
    source === undefined || source === null || typeof source === "string" ||
    asBigInt(source) !== null
  ) {
    return vmError("TypeError", `cannot convert '${typeName(source ?? null)}' object to bytes`);
  } else {
    const items = iterableItems(source, "from_bytes()", (count) => meter.units(count));
    bytes = allocBytes(items.length);
    items.forEach((item, i) => {
      const byte = asBigInt(item);
      if (byte === null) {
        vmError("TypeError", `'${typeName(item)}' object cannot be interpreted as an integer`);
      }
      if (byte < 0n || byte > 255n) vmError("ValueError", "bytes must be in range(0, 256)");
      bytes[i] = Number(byte);
    });
  }
  meter.units(bytes.length);
  const isSigned = truthy(signed ?? false);
  const small = smallIntFromBytes(bytes, isSigned, little);
  if (small !== null) return small;
  const ordered = little ? copyBytes(bytes).reverse() : bytes;
  // Leading zero bytes (or 0xff of a negative signed value) do not add bits.
  let first = 0;
  const pad = isSigned && ordered.length > 0 && ((ordered[0] ?? 0) & 0x80) !== 0 ? 0xff : 0;
  while (first < ordered.length - 1 && ordered[first] === pad) first++;
  if ((ordered.length - first) * 8 > CAPS.int_bits + 8) {
    limitExceeded("int_bits", "integer from bytes is too large");
  }
  return cappedInt(intFromBytes(ordered, isSigned), "integer from bytes");
}

/** The value of an ASCII hex digit's code, or -1. */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

function fromHex(meter: Charge, text: Value | undefined): Value {
  if (typeof text !== "string") {
    return vmError("TypeError", `fromhex() argument must be str, not ${typeName(text ?? null)}`);
  }
  meter.units(text.length);
  const out = allocBytes(text.length >> 1);
  let length = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // Whitespace bytes.fromhex skips: ASCII only, as in CPython.
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
      i++;
      continue;
    }
    const high = hexDigit(code);
    const low = i + 1 < text.length ? hexDigit(text.charCodeAt(i + 1)) : -1;
    if (high < 0 || low < 0) {
      vmError(
        "ValueError",
        `non-hexadecimal number found in fromhex() arg at position ${i + (high < 0 ? 0 : 1)}`,
      );
    }
    out[length++] = high * 16 + low;
    i += 2;
  }
  return length === out.length ? out : out.slice(0, length);
}

function ord(value: Value): Value {
  if (typeof value === "string") {
    const first = codePointAt(value, 0);
    if (value.length === 0 || value.length !== unitWidth(first)) {
      // The length is counted in code points only for a short str (the message's cost is fixed).
      const length = value.length <= 64 ? codePointCount(value) : value.length;
      vmError("TypeError", `ord() expected a character, but string of length ${length} found`);
    }
    return first;
  }
  if (value instanceof Uint8Array) {
    if (value.length !== 1) {
      vmError(
        "TypeError",
        `ord() expected a character, but string of length ${value.length} found`,
      );
    }
    return value[0] ?? 0;
  }
  return vmError("TypeError", `ord() expected string of length 1, but ${typeName(value)} found`);
}

/** The conversion builtins. */
export const CONVERT_BUILTINS = {
  int: (m, args) => toInt(m, args[0], args[1]),
  bool: (_m, args) => (args[0] === undefined ? false : truthy(args[0])),
  str: (m, args) => toStrBuiltin(m, args),
  bytes: (m, args) => toBytes(m, args),
  list: (m, args) => {
    const items = args[0] === undefined ? [] : containerItems(m, args[0], "list()");
    return new PyList(items);
  },
  tuple: (m, args) => {
    const items = args[0] === undefined ? [] : containerItems(m, args[0], "tuple()");
    return new PyTuple(items);
  },
  dict: (m, args, _rest, keywords) => toDict(m, args[0], keywords),
  ord: (_m, args) => ord(args[0] ?? null),
  chr: (_m, args) => {
    const code = cIntArgument(intArg(args[0]));
    if (code < 0n || code > 0x10ffffn) vmError("ValueError", "chr() arg not in range(0x110000)");
    return strFromCodePoint(Number(code));
  },
  "int.from_bytes": (m, args) => fromBytes(m, args),
  "bytes.fromhex": (m, args) => fromHex(m, args[0]),
} as const satisfies Readonly<Record<string, Builtin>>;
