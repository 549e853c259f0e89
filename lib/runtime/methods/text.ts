/**
 * The methods str and bytes share (search, join, replace, strip, prefix
 * removal, case mapping) and the code-sequence helpers of the other text
 * method files, written once over code sequences: code points for str,
 * byte values for bytes. Each pays its scan before doing
 * it (a str counts its UTF-16 length, which is known without a scan and
 * never exceeds its UTF-8 length), and searches are linear (search.ts).
 */

import { CAPS } from "../../compile/opcodes.ts";
import { allocBytes, bytesFrom } from "../bytes.ts";
import { limitExceeded, vmError } from "../failure.ts";
import type { Charge } from "../meter.ts";
import { iterableItems, utf8Length } from "../ops.ts";
import { findFirst, findLast, occurrences } from "../search.ts";
import { isSpace } from "../unicode.ts";
import { asBigInt, PyList, PyTuple, typeName, type Value } from "../values.ts";
import type { Args } from "../bind.ts";
import { type Method, ssizeArg } from "./common.ts";
import { codePoints, hasSurrogateUnits, strFromCodePoints } from "../../text_units.ts";
import { strLower, strUpper } from "./str_case.ts";

/** A text-like receiver: str or bytes. */
export type Text = string | Uint8Array;

/** The receiver's size as the `bytes` unit counts it, known without a scan. */
export function textUnits(text: Text): number {
  return text.length;
}

const BYTES_NEEDLE_METHODS: ReadonlySet<string> = new Set([
  "find",
  "rfind",
  "index",
  "rindex",
  "count",
]);

/**
 * CPython's message when method `name` of a str (bytes) receiver is given
 * a `type` where a str (bytes) belongs: argument `position` when CPython
 * numbers it, or an item of a tuple of prefixes or suffixes.
 */
function wrongKindMessage(
  self: Text,
  name: string,
  type: string,
  position: number,
  inTuple: boolean,
): string {
  const affix = name === "startswith" || name === "endswith";
  if (typeof self !== "string") {
    if (affix && !inTuple) {
      return `${name} first arg must be bytes or a tuple of bytes, not ${type}`;
    }
    if (BYTES_NEEDLE_METHODS.has(name)) {
      return `argument should be integer or bytes-like object, not '${type}'`;
    }
    return `a bytes-like object is required, not '${type}'`;
  }
  if (affix) {
    return inTuple
      ? `tuple for ${name} must only contain str, not ${type}`
      : `${name} first arg must be str or a tuple of str, not ${type}`;
  }
  switch (name) {
    case "split":
    case "rsplit":
      return `must be str or None, not ${type}`;
    case "strip":
    case "lstrip":
    case "rstrip":
      return `${name} arg must be None or str`;
    case "replace":
    case "removeprefix":
    case "removesuffix":
      return `${name}() argument ${position > 0 ? `${position} ` : ""}must be str, not ${type}`;
    default:
      return `must be str, not ${type}`;
  }
}

/**
 * `value` as the receiver's own kind of text, or CPython's TypeError for
 * method `name` (its argument `position` where CPython numbers it, or an
 * item of a startswith/endswith tuple).
 */
export function sameKind(
  self: Text,
  value: Value | undefined,
  name: string,
  position = 0,
  inTuple = false,
): Text {
  const given = value ?? null;
  if (typeof self === "string" && typeof given === "string") return given;
  if (self instanceof Uint8Array && given instanceof Uint8Array) return given;
  return vmError("TypeError", wrongKindMessage(self, name, typeName(given), position, inTuple));
}

/** The code sequence of text: code points of a str, byte values of bytes. */
export function codes(text: Text): number[] {
  if (typeof text !== "string") {
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) out.push(text[i] ?? 0);
    return out;
  }
  return codePoints(text);
}

/** Text of the receiver's kind from a code sequence. */
export function rebuild(self: Text, sequence: readonly number[]): Text {
  return typeof self === "string" ? strFromCodePoints(sequence) : bytesFrom(sequence);
}

/** The size of text in the unit of bytes_length: UTF-8 bytes for a str. */
function capLength(text: Text): number {
  return typeof text === "string" ? utf8Length(text) : text.length;
}

/** Raises LimitExceeded when a built text is over bytes_length (its work is already paid). */
export function checkTextCap(text: Text, name: string): Text {
  if (capLength(text) > CAPS.bytes_length) {
    limitExceeded("bytes_length", `${name} result is too long`);
  }
  return text;
}

/** Raises LimitExceeded when a split would make more parts than a list may hold. */
export function checkParts(count: number): void {
  if (count > CAPS.container_length) limitExceeded("container_length", "split result is too long");
}

/** The start and end arguments of a search: ints, or null for None or absent. */
type SearchBounds = readonly [bigint | null, bigint | null];

/**
 * The start and end arguments of find, index, count, startswith and
 * endswith, checked first, before the needle and before any scan is paid,
 * as CPython checks them: `"x".find(1, "a")` reports the bad slice index.
 */
function searchBounds(args: Args): SearchBounds {
  const bound = (value: Value | undefined): bigint | null => {
    if (value === undefined || value === null) return null;
    const big = asBigInt(value);
    if (big === null) {
      return vmError(
        "TypeError",
        "slice indices must be integers or None or have an __index__ method",
      );
    }
    return big;
  };
  return [bound(args[1]), bound(args[2])];
}

/**
 * The [start, end) window of a search, adjusted as CPython does: negative
 * indices count from the end, `end` is clamped to the length, `start` is
 * not (a start past the end finds nothing, even an empty needle).
 */
function searchWindow(length: number, [startBound, endBound]: SearchBounds): [number, number] {
  // Beyond one past either end, every index behaves alike.
  const limit = BigInt(length + 1);
  const clamp = (big: bigint | null, fallback: number): number =>
    big === null ? fallback : Number(big > limit ? limit : big < -limit ? -limit : big);
  let start = clamp(startBound, 0);
  let end = clamp(endBound, length);
  if (end > length) end = length;
  else if (end < 0) end = Math.max(0, end + length);
  if (start < 0) start = Math.max(0, start + length);
  return [start, end];
}

/** Whether `needle` occurs in `sequence` at `at`. */
function matchesAt(sequence: readonly number[], needle: readonly number[], at: number): boolean {
  return needle.every((code, i) => sequence[at + i] === code);
}

/** bytes.strip() and bytes.split() whitespace: ASCII only. */
const ASCII_WHITESPACE: ReadonlySet<number> = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

/** Whitespace of a str (CPython's str.isspace) or of bytes (ASCII). */
export function isWhitespace(self: Text, code: number): boolean {
  return typeof self === "string" ? isSpace(code) : ASCII_WHITESPACE.has(code);
}

function strip(meter: Charge, self: Text, chars: Value | undefined, left: boolean, right: boolean) {
  const name = left && right ? "strip" : left ? "lstrip" : "rstrip";
  const set = chars === undefined || chars === null ? null : sameKind(self, chars, name);
  meter.units(textUnits(self) + (set === null ? 0 : textUnits(set)));
  const sequence = codes(self);
  const strippable = set === null ? null : new Set(codes(set));
  const stripped = (code: number) =>
    strippable === null ? isWhitespace(self, code) : strippable.has(code);
  let start = 0;
  let end = sequence.length;
  while (left && start < end && stripped(sequence[start] ?? 0)) start++;
  while (right && end > start && stripped(sequence[end - 1] ?? 0)) end--;
  return rebuild(self, sequence.slice(start, end));
}

function caseMap(meter: Charge, self: Text, upper: boolean): Text {
  meter.units(textUnits(self));
  if (typeof self === "string") {
    // A case mapping can lengthen a str (up to 3 code points for one), so its result is capped.
    return checkTextCap(upper ? strUpper(self) : strLower(self), upper ? "upper" : "lower");
  }
  return Uint8Array.from(
    self,
    (byte) =>
      upper
        ? (byte >= 97 && byte <= 122 ? byte - 32 : byte)
        : (byte >= 65 && byte <= 90 ? byte + 32 : byte),
  );
}

/**
 * The common start of find, index, count, startswith and endswith, once
 * their arguments are checked: the scan of the receiver and the needles paid, the receiver as a code
 * sequence, the [start, end) window.
 */
function searchArgs(
  meter: Charge,
  self: Text,
  bounds: SearchBounds,
  needles: readonly Text[],
): { sequence: number[]; start: number; end: number } {
  meter.units(needles.reduce((sum, needle) => sum + textUnits(needle), textUnits(self)));
  const sequence = codes(self);
  const [start, end] = searchWindow(sequence.length, bounds);
  return { sequence, start, end };
}

/**
 * The needle of find, rfind, index, rindex and count: text of the
 * receiver's kind, or for bytes also an int, the one byte of that value.
 */
function needleOf(self: Text, value: Value | undefined, name: string): Text {
  const byte = self instanceof Uint8Array && value !== undefined ? asBigInt(value) : null;
  if (byte === null) return sameKind(self, value, name);
  if (byte < 0n || byte > 255n) vmError("ValueError", "byte must be in range(0, 256)");
  return Uint8Array.of(Number(byte));
}

function textFind(
  meter: Charge,
  self: Text,
  args: Args,
  name: string,
  fromEnd: boolean,
  raise: boolean,
): Value {
  const bounds = searchBounds(args);
  const needleText = needleOf(self, args[0], name);
  const { sequence, start, end } = searchArgs(meter, self, bounds, [needleText]);
  const needle = codes(needleText);
  let at = -1;
  if (end - start >= needle.length) {
    if (needle.length === 0) at = fromEnd ? end : start;
    else {
      at = fromEnd
        ? findLast(sequence, needle, start, end)
        : findFirst(sequence, needle, start, end);
    }
  }
  if (at < 0 && raise) {
    vmError(
      "ValueError",
      typeof self === "string" ? "substring not found" : "subsection not found",
    );
  }
  return at;
}

/**
 * startswith/endswith: one needle or a tuple of them, within the optional
 * [start, end) window. The window is checked first, then a single
 * needle; a tuple's items are checked and paid one at a time, up to the
 * first that matches, as CPython checks them.
 */
function tailMatch(meter: Charge, self: Text, args: Args, name: string, fromEnd: boolean): Value {
  const bounds = searchBounds(args);
  const first = args[0] ?? null;
  const candidates = first instanceof PyTuple ? first.items : [sameKind(self, first, name)];
  if (typeof self === "string" && !hasSurrogateUnits(self)) {
    return unitTailMatch(meter, self, bounds, name, candidates, fromEnd);
  }
  const { sequence, start, end } = searchArgs(meter, self, bounds, []);
  return candidates.some((candidate) => {
    const needleText = sameKind(self, candidate, name, 0, true);
    meter.units(textUnits(needleText));
    const needle = codes(needleText);
    const last = end - needle.length;
    if (last < start) return false;
    return matchesAt(sequence, needle, fromEnd ? last : start);
  });
}

/**
 * tailMatch of a str without surrogate units, whose units are its code
 * points: paid and checked in the same order, each needle compared in
 * place by the engine (a needle with a surrogate unit holds a code point
 * the receiver does not, so it matches nowhere, as the engine finds).
 */
function unitTailMatch(
  meter: Charge,
  self: string,
  bounds: SearchBounds,
  name: string,
  candidates: readonly Value[],
  fromEnd: boolean,
): boolean {
  meter.units(textUnits(self));
  const [start, end] = searchWindow(self.length, bounds);
  return candidates.some((candidate) => {
    const needle = sameKind(self, candidate, name, 0, true) as string;
    meter.units(textUnits(needle));
    const last = end - needle.length;
    if (last < start) return false;
    return self.startsWith(needle, fromEnd ? last : start);
  });
}

function replace(meter: Charge, self: Text, args: Args): Text {
  const oldText = sameKind(self, args[0], "replace", 1);
  const newText = sameKind(self, args[1], "replace", 2);
  meter.units(textUnits(self) + textUnits(oldText) + textUnits(newText));
  const sequence = codes(self);
  const old = codes(oldText);
  const replacement = codes(newText);
  const limit = args[2] === undefined ? -1n : ssizeArg(args[2]);
  const most = limit < 0n || limit > BigInt(sequence.length + 1)
    ? sequence.length + 1
    : Number(limit);
  // Where `old` is replaced is found first, so the result's size is checked before it is built.
  const matches = old.length === 0
    ? Array.from({ length: Math.min(most, sequence.length + 1) }, (_, i) => i)
    : occurrences(sequence, old, 0, sequence.length, most);
  const length = sequence.length + matches.length * (replacement.length - old.length);
  if (length > CAPS.bytes_length) limitExceeded("bytes_length", "replace result is too long");
  meter.units(length);
  const out: number[] = [];
  let from = 0;
  for (const at of matches) {
    while (from < at) out.push(sequence[from++] ?? 0);
    for (let i = 0; i < replacement.length; i++) out.push(replacement[i] ?? 0);
    from = at + old.length;
  }
  while (from < sequence.length) out.push(sequence[from++] ?? 0);
  return checkTextCap(rebuild(self, out), "replace");
}

function joinTypeError(self: Text, item: Value, index: number): never {
  return vmError(
    "TypeError",
    `sequence item ${index}: expected ${
      typeof self === "string" ? "str instance" : "a bytes-like object"
    }, ${typeName(item)} found`,
  );
}

/**
 * sep.join(items): the result's size is bounded from the parts' lengths
 * (a str of n UTF-16 units has at least n bytes of UTF-8) and checked
 * against the cap, then paid, then built in one pass (a str by JS string
 * joining, which keeps code points intact; bytes into one allocation).
 */
function join(meter: Charge, self: Text, iterable: Value): Text {
  // A list or tuple is read in place, its parts paid before they are visited; any other iterable
  // is materialised first (iterableItems pays for that).
  const sequence = iterable instanceof PyList || iterable instanceof PyTuple;
  if (sequence) meter.units(iterable.items.length);
  const items = sequence
    ? iterable.items
    : iterableItems(iterable, "join()", (count) => meter.units(count));
  // The result's size in UTF-16 units (for bytes, in bytes) is known without
  // a scan and never exceeds its UTF-8 size: checked against the cap and
  // paid before anything is built.
  let length = textUnits(self) * Math.max(0, items.length - 1);
  if (typeof self === "string") {
    const texts: string[] = [];
    items.forEach((item, i) => {
      if (typeof item !== "string") joinTypeError(self, item, i);
      else texts.push(item);
      length += item.length;
      if (length > CAPS.bytes_length) limitExceeded("bytes_length", "join result is too long");
    });
    meter.units(length);
    return checkTextCap(texts.join(self), "join");
  }
  const parts: Uint8Array[] = [];
  items.forEach((item, i) => {
    if (!(item instanceof Uint8Array)) joinTypeError(self, item, i);
    else parts.push(item);
    length += item.length;
    if (length > CAPS.bytes_length) limitExceeded("bytes_length", "join result is too long");
  });
  meter.units(length);
  const out = allocBytes(length);
  let at = 0;
  parts.forEach((part, i) => {
    if (i > 0) {
      out.set(self, at);
      at += self.length;
    }
    out.set(part, at);
    at += part.length;
  });
  return out;
}

function removePrefix(meter: Charge, self: Text, value: Value | undefined): Text {
  const prefixText = sameKind(self, value, "removeprefix");
  meter.units(textUnits(self) + textUnits(prefixText));
  if (prefixText.length === 0 || prefixText.length > self.length) return self;
  const sequence = codes(self);
  const prefix = codes(prefixText);
  return matchesAt(sequence, prefix, 0) ? rebuild(self, sequence.slice(prefix.length)) : self;
}

function removeSuffix(meter: Charge, self: Text, value: Value | undefined): Text {
  const suffixText = sameKind(self, value, "removesuffix");
  meter.units(textUnits(self) + textUnits(suffixText));
  if (suffixText.length === 0 || suffixText.length > self.length) return self;
  const sequence = codes(self);
  const suffix = codes(suffixText);
  const start = sequence.length - suffix.length;
  return start >= 0 && matchesAt(sequence, suffix, start)
    ? rebuild(self, sequence.slice(0, start))
    : self;
}

/** The methods every text type has, by name. */
export const TEXT_METHODS = {
  startswith: (m, self, args) => tailMatch(m, self, args, "startswith", false),
  endswith: (m, self, args) => tailMatch(m, self, args, "endswith", true),
  find: (m, self, args) => textFind(m, self, args, "find", false, false),
  rfind: (m, self, args) => textFind(m, self, args, "rfind", true, false),
  index: (m, self, args) => textFind(m, self, args, "index", false, true),
  rindex: (m, self, args) => textFind(m, self, args, "rindex", true, true),
  count: (m, self, args) => {
    const bounds = searchBounds(args);
    const needleText = needleOf(self, args[0], "count");
    const { sequence, start, end } = searchArgs(m, self, bounds, [needleText]);
    const needle = codes(needleText);
    if (end < start) return 0;
    if (needle.length === 0) return end - start + 1;
    return occurrences(sequence, needle, start, end, sequence.length + 1).length;
  },
  replace: (m, self, args) => replace(m, self, args),
  join: (m, self, args) => join(m, self, args[0] ?? null),
  strip: (m, self, args) => strip(m, self, args[0], true, true),
  lstrip: (m, self, args) => strip(m, self, args[0], true, false),
  rstrip: (m, self, args) => strip(m, self, args[0], false, true),
  removeprefix: (m, self, args) => removePrefix(m, self, args[0]),
  removesuffix: (m, self, args) => removeSuffix(m, self, args[0]),
  upper: (m, self) => caseMap(m, self, true),
  lower: (m, self) => caseMap(m, self, false),
} as const satisfies Readonly<Record<string, Method<Text>>>;
