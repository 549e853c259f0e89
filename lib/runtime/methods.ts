/**
 * Methods of the value types (spec/LANGUAGE.md §4), dispatched on the
 * receiver's type as CPython does (AttributeError when the type lacks the
 * method). Mutating methods respect frozen module-level values.
 */

import { repr } from "./repr.ts";
import { everyCodePoint, isAlnum, isAlpha, isDigit, isSpace } from "./unicode.ts";
import { allocBytes, bytesFrom } from "./bytes.ts";
import { CAPS, METHODS } from "../compile/opcodes.ts";
import { limitExceeded, vmError } from "./failure.ts";
import { bind, checkSortKeywords, sortValues } from "./builtins.ts";
import { equals, iterableItems, type Meter } from "./ops.ts";
import {
  asBigInt,
  checkMutable,
  dictKey,
  pushAll,
  PyDict,
  PyDictView,
  PyList,
  PyTuple,
  truthy,
  typeName,
  type Value,
} from "./values.ts";

type Method<T> = (
  meter: Meter,
  self: T,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
) => Value;

function noKwargs(name: string, kwargs: ReadonlyMap<string, Value>): void {
  if (kwargs.size === 0) return;
  for (const key of kwargs.keys()) {
    vmError("TypeError", `${name}() takes no keyword arguments ('${key}' given)`);
  }
}

function arity(name: string, args: readonly Value[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    vmError(
      "TypeError",
      `${name}() takes ${min === max ? `exactly ${min}` : `from ${min} to ${max}`} argument${
        max === 1 ? "" : "s"
      } (${args.length} given)`,
    );
  }
}

function index(value: Value | undefined, name: string): bigint {
  const big = value === undefined || value === null ? null : asBigInt(value);
  if (big === null) {
    return vmError(
      "TypeError",
      `'${typeName(value ?? null)}' object cannot be interpreted as an integer (in ${name}())`,
    );
  }
  return big;
}

/** A bound of list.index/tuple.index: negative counts from the end, clamped to [0, length]. */
function searchBound(value: Value | undefined, length: number, fallback: number): number {
  if (value === undefined) return fallback;
  const big = asBigInt(value);
  if (big === null) {
    return vmError("TypeError", "slice indices must be integers or have an __index__ method");
  }
  const at = big < 0n ? big + BigInt(length) : big;
  return at < 0n ? 0 : at > BigInt(length) ? length : Number(at);
}

/** seq.index(x[, start[, stop]]) of a list or tuple: the first position in [start, stop) equal to x. */
function indexOf(
  meter: Meter,
  items: readonly Value[],
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
  notFound: string,
): Value {
  noKwargs("index", kwargs);
  arity("index", args, 1, 3);
  const start = searchBound(args[1], items.length, 0);
  const stop = searchBound(args[2], items.length, items.length);
  meter.dynamic(1, items.length);
  for (let at = start; at < stop; at++) {
    if (equals(meter, items[at] as Value, args[0] as Value)) return at;
  }
  return vmError("ValueError", notFound);
}

/** seq.count(x) of a list or tuple. */
function countOf(
  meter: Meter,
  items: readonly Value[],
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
): Value {
  noKwargs("count", kwargs);
  arity("count", args, 1, 1);
  meter.dynamic(1, items.length);
  return items.filter((item) => equals(meter, item, args[0] as Value)).length;
}

const TUPLE: Readonly<Record<string, Method<PyTuple>>> = {
  index: (m, self, args, kwargs) =>
    indexOf(m, self.items, args, kwargs, "tuple.index(x): x not in tuple"),
  count: (m, self, args, kwargs) => countOf(m, self.items, args, kwargs),
};

const LIST: Readonly<Record<string, Method<PyList>>> = {
  append: (_m, self, args, kwargs) => {
    noKwargs("append", kwargs);
    arity("append", args, 1, 1);
    checkMutable(self);
    if (self.items.length >= CAPS.container_length) {
      limitExceeded("container_length", "list is too long");
    }
    self.items.push(args[0] as Value);
    return null;
  },
  extend: (m, self, args, kwargs) => {
    noKwargs("extend", kwargs);
    arity("extend", args, 1, 1);
    checkMutable(self);
    const items = iterableItems(m, args[0] as Value, "extend()");
    if (self.items.length + items.length > CAPS.container_length) {
      limitExceeded("container_length", "list is too long");
    }
    m.dynamic(1, items.length);
    pushAll(self.items, items);
    return null;
  },
  insert: (m, self, args, kwargs) => {
    noKwargs("insert", kwargs);
    arity("insert", args, 2, 2);
    checkMutable(self);
    const n = BigInt(self.items.length);
    let at = index(args[0], "insert");
    if (at < 0n) at = at + n < 0n ? 0n : at + n;
    if (at > n) at = n;
    m.dynamic(1, self.items.length);
    self.items.splice(Number(at), 0, args[1] as Value);
    return null;
  },
  pop: (m, self, args, kwargs) => {
    noKwargs("pop", kwargs);
    arity("pop", args, 0, 1);
    checkMutable(self);
    if (self.items.length === 0) vmError("IndexError", "pop from empty list");
    let at = args.length === 0 ? BigInt(self.items.length - 1) : index(args[0], "pop");
    if (at < 0n) at += BigInt(self.items.length);
    if (at < 0n || at >= BigInt(self.items.length)) vmError("IndexError", "pop index out of range");
    m.dynamic(1, self.items.length - Number(at));
    return self.items.splice(Number(at), 1)[0] as Value;
  },
  remove: (m, self, args, kwargs) => {
    noKwargs("remove", kwargs);
    arity("remove", args, 1, 1);
    checkMutable(self);
    m.dynamic(1, self.items.length);
    const at = self.items.findIndex((item) => equals(m, item, args[0] as Value));
    if (at < 0) vmError("ValueError", "list.remove(x): x not in list");
    self.items.splice(at, 1);
    return null;
  },
  index: (m, self, args, kwargs) =>
    indexOf(m, self.items, args, kwargs, `${repr(m, args[0] ?? null)} is not in list`),
  count: (m, self, args, kwargs) => countOf(m, self.items, args, kwargs),
  sort: (m, self, args, kwargs) => {
    if (args.length > 0) vmError("TypeError", "sort() takes no positional arguments");
    checkSortKeywords(kwargs);
    checkMutable(self);
    self.items = sortValues(m, self.items, truthy(kwargs.get("reverse") ?? false));
    return null;
  },
  reverse: (m, self, args, kwargs) => {
    noKwargs("reverse", kwargs);
    arity("reverse", args, 0, 0);
    checkMutable(self);
    m.dynamic(1, self.items.length);
    self.items.reverse();
    return null;
  },
  copy: (m, self, args, kwargs) => {
    noKwargs("copy", kwargs);
    arity("copy", args, 0, 0);
    m.dynamic(1, self.items.length);
    return new PyList([...self.items]);
  },
  clear: (_m, self, args, kwargs) => {
    noKwargs("clear", kwargs);
    arity("clear", args, 0, 0);
    checkMutable(self);
    self.items = [];
    return null;
  },
};

const DICT: Readonly<Record<string, Method<PyDict>>> = {
  get: (m, self, args, kwargs) => {
    noKwargs("get", kwargs);
    arity("get", args, 1, 2);
    const entry = self.entries.get(dictKey(m, args[0] as Value));
    return entry === undefined ? args[1] ?? null : entry.value;
  },
  keys: (_m, self, args, kwargs) => {
    noKwargs("keys", kwargs);
    arity("keys", args, 0, 0);
    return new PyDictView(self, "keys");
  },
  values: (_m, self, args, kwargs) => {
    noKwargs("values", kwargs);
    arity("values", args, 0, 0);
    return new PyDictView(self, "values");
  },
  items: (_m, self, args, kwargs) => {
    noKwargs("items", kwargs);
    arity("items", args, 0, 0);
    return new PyDictView(self, "items");
  },
  pop: (m, self, args, kwargs) => {
    noKwargs("pop", kwargs);
    arity("pop", args, 1, 2);
    checkMutable(self);
    const key = dictKey(m, args[0] as Value);
    const entry = self.entries.get(key);
    if (entry === undefined) {
      if (args.length === 2) return args[1] as Value;
      return vmError("KeyError", String(args[0]));
    }
    self.entries.delete(key);
    return entry.value;
  },
  setdefault: (m, self, args, kwargs) => {
    noKwargs("setdefault", kwargs);
    arity("setdefault", args, 1, 2);
    const key = dictKey(m, args[0] as Value);
    const entry = self.entries.get(key);
    if (entry !== undefined) return entry.value;
    checkMutable(self);
    const value = args[1] ?? null;
    self.entries.set(key, { key: args[0] as Value, value });
    return value;
  },
  update: (m, self, args, kwargs) => {
    arity("update", args, 0, 1);
    checkMutable(self);
    const pairs: [Value, Value][] = [];
    const source = args[0];
    if (source instanceof PyDict) {
      for (const entry of source.entries.values()) pairs.push([entry.key, entry.value]);
    } else if (source !== undefined) {
      for (const item of iterableItems(m, source, "update()")) {
        const pair = iterableItems(m, item, "update()");
        if (pair.length !== 2) {
          vmError(
            "ValueError",
            "dictionary update sequence element has the wrong length; 2 is required",
          );
        }
        pairs.push([pair[0] as Value, pair[1] as Value]);
      }
    }
    for (const [key, value] of kwargs) pairs.push([key, value]);
    m.dynamic(2, pairs.length);
    for (const [key, value] of pairs) {
      const dk = dictKey(m, key);
      const existing = self.entries.get(dk);
      if (existing !== undefined) existing.value = value;
      else self.entries.set(dk, { key, value });
    }
    return null;
  },
  copy: (m, self, args, kwargs) => {
    noKwargs("copy", kwargs);
    arity("copy", args, 0, 0);
    m.dynamic(1, self.entries.size);
    const copy = new PyDict();
    for (const [key, entry] of self.entries) copy.entries.set(key, { ...entry });
    return copy;
  },
  clear: (_m, self, args, kwargs) => {
    noKwargs("clear", kwargs);
    arity("clear", args, 0, 0);
    checkMutable(self);
    self.entries.clear();
    return null;
  },
};

/** Text-like receivers (str and bytes) share most methods; both are handled as code sequences. */
type Text = string | Uint8Array;

function sameKind(self: Text, value: Value, name: string): Text {
  if (typeof self === "string" ? typeof value === "string" : value instanceof Uint8Array) {
    return value as Text;
  }
  return vmError(
    "TypeError",
    `${name}() argument must be ${typeof self === "string" ? "str" : "a bytes-like object"}, not '${
      typeName(value)
    }'`,
  );
}

function units(text: Text): number[] {
  return typeof text === "string"
    ? Array.from(text, (c) => c.codePointAt(0) ?? 0)
    : Array.from(text);
}

function rebuild(self: Text, codes: readonly number[]): Text {
  if (typeof self !== "string") return bytesFrom(codes);
  let out = "";
  for (const code of codes) out += String.fromCodePoint(code);
  return out;
}

/**
 * The [start, end) window of find, index, count, startswith and endswith,
 * adjusted as CPython does: negative indices count from the end, `end` is
 * clamped to the length, `start` is not (a start past the end finds
 * nothing, even an empty needle).
 */
function searchWindow(
  length: number,
  startArg: Value | undefined,
  endArg: Value | undefined,
): [number, number] {
  const bound = (value: Value | undefined, fallback: number): number => {
    if (value === undefined || value === null) return fallback;
    const big = asBigInt(value);
    if (big === null) {
      return vmError(
        "TypeError",
        "slice indices must be integers or None or have an __index__ method",
      );
    }
    // Beyond one past either end, every index behaves alike.
    const limit = BigInt(length + 1);
    return Number(big > limit ? limit : big < -limit ? -limit : big);
  };
  let start = bound(startArg, 0);
  let end = bound(endArg, length);
  if (end > length) end = length;
  else if (end < 0) end = Math.max(0, end + length);
  if (start < 0) start = Math.max(0, start + length);
  return [start, end];
}

/** Whether `needle` occurs in `codes` at `at`. */
function matchesAt(codes: readonly number[], needle: readonly number[], at: number): boolean {
  return needle.every((code, i) => codes[at + i] === code);
}

function findIn(haystack: number[], needle: number[], fromEnd: boolean): number {
  const last = haystack.length - needle.length;
  const matches = (at: number) => matchesAt(haystack, needle, at);
  if (fromEnd) {
    for (let at = last; at >= 0; at--) if (matches(at)) return at;
  } else {
    for (let at = 0; at <= last; at++) if (matches(at)) return at;
  }
  return -1;
}

/** bytes.strip() and bytes.split() whitespace: ASCII only. */
const ASCII_WHITESPACE: ReadonlySet<number> = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

/** Whitespace of a str (CPython's str.isspace) or of bytes (ASCII). */
function isWhitespace(self: Text, code: number): boolean {
  return typeof self === "string" ? isSpace(code) : ASCII_WHITESPACE.has(code);
}

function strip(self: Text, chars: Value | undefined, left: boolean, right: boolean): Text {
  const codes = units(self);
  const set = chars === undefined || chars === null
    ? null
    : new Set(units(sameKind(self, chars, "strip")));
  const strippable = (code: number) => (set === null ? isWhitespace(self, code) : set.has(code));
  let start = 0;
  let end = codes.length;
  while (left && start < end && strippable(codes[start] ?? 0)) start++;
  while (right && end > start && strippable(codes[end - 1] ?? 0)) end--;
  return rebuild(self, codes.slice(start, end));
}

function caseMap(self: Text, upper: boolean): Text {
  if (typeof self === "string") return upper ? self.toUpperCase() : self.toLowerCase();
  return Uint8Array.from(
    self,
    (
      byte,
    ) => (upper
      ? (byte >= 97 && byte <= 122 ? byte - 32 : byte)
      : (byte >= 65 && byte <= 90 ? byte + 32 : byte)),
  );
}

function split(
  meter: Meter,
  self: Text,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
): Value {
  const [sep, maxArg] = bind("split", args, kwargs, ["sep", "maxsplit"], 0);
  const maxsplit = maxArg === undefined ? -1n : index(maxArg, "split");
  const codes = units(self);
  meter.dynamic(2, codes.length);
  const parts: number[][] = [];
  if (sep === undefined || sep === null) {
    let i = 0;
    while (i < codes.length) {
      while (i < codes.length && isWhitespace(self, codes[i] ?? 0)) i++;
      if (i >= codes.length) break;
      if (maxsplit >= 0n && BigInt(parts.length) === maxsplit) {
        let end = codes.length;
        while (end > i && isSpace(codes[end - 1] ?? 0)) end--;
        parts.push(codes.slice(i, end));
        break;
      }
      const start = i;
      while (i < codes.length && !isWhitespace(self, codes[i] ?? 0)) i++;
      parts.push(codes.slice(start, i));
    }
  } else {
    const needle = units(sameKind(self, sep, "split"));
    if (needle.length === 0) vmError("ValueError", "empty separator");
    let rest = codes;
    while (maxsplit < 0n || BigInt(parts.length) < maxsplit) {
      const at = findIn(rest, needle, false);
      if (at < 0) break;
      parts.push(rest.slice(0, at));
      rest = rest.slice(at + needle.length);
    }
    parts.push(rest);
  }
  return new PyList(parts.map((part) => rebuild(self, part)));
}

const TEXT: Readonly<Record<string, Method<Text>>> = {
  startswith: (m, self, args, kwargs) => tailMatch(m, self, args, kwargs, "startswith", false),
  endswith: (m, self, args, kwargs) => tailMatch(m, self, args, kwargs, "endswith", true),
  find: (m, self, args, kwargs) => textFind(m, self, args, kwargs, "find", false, false),
  rfind: (m, self, args, kwargs) => textFind(m, self, args, kwargs, "rfind", true, false),
  index: (m, self, args, kwargs) => textFind(m, self, args, kwargs, "index", false, true),
  count: (m, self, args, kwargs) => {
    const { codes, start, end } = searchArgs(m, self, args, kwargs, "count");
    const needle = units(sameKind(self, args[0] as Value, "count"));
    if (end < start) return 0;
    if (needle.length === 0) return end - start + 1;
    let count = 0;
    for (let at = start; at <= end - needle.length;) {
      if (matchesAt(codes, needle, at)) {
        count++;
        at += needle.length;
      } else at++;
    }
    return count;
  },
  replace: (m, self, args, kwargs) => {
    noKwargs("replace", kwargs);
    arity("replace", args, 2, 3);
    const codes = units(self);
    const old = units(sameKind(self, args[0] as Value, "replace"));
    const replacement = units(sameKind(self, args[1] as Value, "replace"));
    const limit = args[2] === undefined ? -1n : index(args[2], "replace");
    const most = limit < 0n || limit > BigInt(codes.length + 1) ? codes.length + 1 : Number(limit);
    m.dynamic(2, codes.length);
    // Where `old` is replaced is found first, so the result's size is checked before it is built.
    const matches: number[] = [];
    for (let at = 0; at <= codes.length - old.length && matches.length < most;) {
      if (matchesAt(codes, old, at)) {
        matches.push(at);
        at += Math.max(1, old.length);
      } else at++;
    }
    if (codes.length + matches.length * (replacement.length - old.length) > CAPS.bytes_length) {
      limitExceeded("bytes_length", "replace result is too long");
    }
    const out: number[] = [];
    let from = 0;
    for (const at of matches) {
      pushAll(out, codes.slice(from, at));
      pushAll(out, replacement);
      from = at + old.length;
    }
    pushAll(out, codes.slice(from));
    return rebuild(self, out);
  },
  split: (m, self, args, kwargs) => split(m, self, args, kwargs),
  join: (m, self, args, kwargs) => {
    noKwargs("join", kwargs);
    arity("join", args, 1, 1);
    const items = iterableItems(m, args[0] as Value, "join()");
    items.forEach((item, i) => {
      if (typeof self === "string" ? typeof item !== "string" : !(item instanceof Uint8Array)) {
        vmError(
          "TypeError",
          `sequence item ${i}: expected ${
            typeof self === "string" ? "str" : "a bytes-like object"
          } instance, ${typeName(item)} found`,
        );
      }
    });
    const separator = units(self);
    // Fail on a cheap lower bound of the result before converting any part
    // (a str of n UTF-16 units has at least n / 2 code points).
    let atLeast = separator.length * Math.max(0, items.length - 1);
    for (const item of items) {
      atLeast += typeof item === "string"
        ? Math.ceil(item.length / 2)
        : (item as Uint8Array).length;
      if (atLeast > CAPS.bytes_length) limitExceeded("bytes_length", "join result is too long");
    }
    const parts = items.map((item) => units(item as Text));
    const length = parts.reduce((sum, part) => sum + part.length, 0) +
      separator.length * Math.max(0, parts.length - 1);
    if (length > CAPS.bytes_length) limitExceeded("bytes_length", "join result is too long");
    m.dynamic(1, length);
    const out: number[] = [];
    parts.forEach((part, i) => {
      if (i > 0) pushAll(out, separator);
      pushAll(out, part);
    });
    return rebuild(self, out);
  },
  strip: (_m, self, args, kwargs) => (noKwargs("strip", kwargs), strip(self, args[0], true, true)),
  lstrip: (
    _m,
    self,
    args,
    kwargs,
  ) => (noKwargs("lstrip", kwargs), strip(self, args[0], true, false)),
  rstrip: (
    _m,
    self,
    args,
    kwargs,
  ) => (noKwargs("rstrip", kwargs), strip(self, args[0], false, true)),
  removeprefix: (_m, self, args, kwargs) => {
    noKwargs("removeprefix", kwargs);
    arity("removeprefix", args, 1, 1);
    const codes = units(self);
    const prefix = units(sameKind(self, args[0] as Value, "removeprefix"));
    return prefix.every((code, i) => codes[i] === code) && prefix.length <= codes.length
      ? rebuild(self, codes.slice(prefix.length))
      : self;
  },
  removesuffix: (_m, self, args, kwargs) => {
    noKwargs("removesuffix", kwargs);
    arity("removesuffix", args, 1, 1);
    const codes = units(self);
    const suffix = units(sameKind(self, args[0] as Value, "removesuffix"));
    const start = codes.length - suffix.length;
    return suffix.length > 0 && start >= 0 && suffix.every((code, i) => codes[start + i] === code)
      ? rebuild(self, codes.slice(0, start))
      : self;
  },
  upper: (
    m,
    self,
    args,
    kwargs,
  ) => (noKwargs("upper", kwargs),
    arity("upper", args, 0, 0),
    m.dynamic(1, units(self).length),
    caseMap(self, true)),
  lower: (
    m,
    self,
    args,
    kwargs,
  ) => (noKwargs("lower", kwargs),
    arity("lower", args, 0, 0),
    m.dynamic(1, units(self).length),
    caseMap(self, false)),
};

/**
 * The common start of find, index, count, startswith and endswith: the
 * arguments checked, the receiver as code units, the [start, end) window,
 * and the scan paid.
 */
function searchArgs(
  m: Meter,
  self: Text,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
  name: string,
): { codes: number[]; start: number; end: number } {
  noKwargs(name, kwargs);
  arity(name, args, 1, 3);
  const codes = units(self);
  const [start, end] = searchWindow(codes.length, args[1], args[2]);
  m.dynamic(1, codes.length);
  return { codes, start, end };
}

function textFind(
  m: Meter,
  self: Text,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
  name: string,
  fromEnd: boolean,
  raise: boolean,
): Value {
  const { codes, start, end } = searchArgs(m, self, args, kwargs, name);
  const needle = units(sameKind(self, args[0] as Value, name));
  let at = -1;
  if (end - start >= needle.length) {
    if (needle.length === 0) at = fromEnd ? end : start;
    else {
      const found = findIn(codes.slice(start, end), needle, fromEnd);
      at = found < 0 ? -1 : found + start;
    }
  }
  if (at < 0 && raise) vmError("ValueError", "substring not found");
  return at;
}

/** startswith/endswith: one needle or a tuple of them, within the optional [start, end) window. */
function tailMatch(
  m: Meter,
  self: Text,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
  name: string,
  fromEnd: boolean,
): Value {
  const { codes, start, end } = searchArgs(m, self, args, kwargs, name);
  const candidates = args[0] instanceof PyTuple ? args[0].items : [args[0] as Value];
  return candidates.some((candidate) => {
    const needle = units(sameKind(self, candidate, name));
    const last = end - needle.length;
    if (last < start) return false;
    return matchesAt(codes, needle, fromEnd ? last : start);
  });
}

const STR_ONLY: Readonly<Record<string, Method<string>>> = {
  encode: (m, self, args, kwargs) => {
    const [encoding] = bind("encode", args, kwargs, ["encoding", "errors"], 0);
    const name = typeof encoding === "string" ? encoding.toLowerCase() : "utf-8";
    if (!["utf-8", "utf8", "ascii"].includes(name)) {
      vmError("LookupError", `unknown encoding: ${String(encoding)}`);
    }
    if (!self.isWellFormed()) {
      vmError("UnicodeEncodeError", "'utf-8' codec can't encode surrogates");
    }
    const bytes = new TextEncoder().encode(self);
    if (name === "ascii" && bytes.some((byte) => byte > 0x7f)) {
      vmError("UnicodeEncodeError", "'ascii' codec can't encode characters");
    }
    m.dynamic(1, bytes.length);
    return bytes;
  },
  isdigit: (_m, self) => everyCodePoint(self, isDigit),
  isalpha: (_m, self) => everyCodePoint(self, isAlpha),
  isalnum: (_m, self) => everyCodePoint(self, isAlnum),
  zfill: (_m, self, args, kwargs) => {
    noKwargs("zfill", kwargs);
    const width = Number(index(args[0], "zfill"));
    const points = Array.from(self);
    if (points.length >= width) return self;
    const sign = points[0] === "-" || points[0] === "+" ? points.shift() ?? "" : "";
    if (width > CAPS.bytes_length) limitExceeded("bytes_length", "zfill result is too long");
    return sign + "0".repeat(width - points.length - sign.length) + points.join("");
  },
};

const BYTES_ONLY: Readonly<Record<string, Method<Uint8Array>>> = {
  hex: (m, self, args, kwargs) => {
    noKwargs("hex", kwargs);
    arity("hex", args, 0, 0);
    m.dynamic(2, self.length);
    return Array.from(self, (byte) => byte.toString(16).padStart(2, "0")).join("");
  },
  decode: (m, self, args, kwargs) => {
    const [encoding] = bind("decode", args, kwargs, ["encoding", "errors"], 0);
    const name = typeof encoding === "string" ? encoding.toLowerCase() : "utf-8";
    if (!["utf-8", "utf8", "ascii"].includes(name)) {
      vmError("LookupError", `unknown encoding: ${String(encoding)}`);
    }
    m.dynamic(1, self.length);
    if (name === "ascii" && self.some((byte) => byte > 0x7f)) {
      vmError("UnicodeDecodeError", "'ascii' codec can't decode bytes");
    }
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(self);
    } catch {
      return vmError("UnicodeDecodeError", "'utf-8' codec can't decode bytes");
    }
  },
};

const INT: Readonly<Record<string, Method<number | bigint>>> = {
  bit_length: (_m, self) => {
    const big = BigInt(self);
    return (big < 0n ? -big : big).toString(2).length - (big === 0n ? 1 : 0);
  },
  to_bytes: (m, self, args, kwargs) => {
    const [lengthArg, orderArg, signed] = bind("to_bytes", args, kwargs, [
      "length",
      "byteorder",
      "signed",
    ], 0);
    const length = lengthArg === undefined ? 1n : index(lengthArg, "to_bytes");
    const byteorder = orderArg === undefined ? "big" : orderArg;
    if (typeof byteorder !== "string") {
      vmError("TypeError", `argument 'byteorder' must be str, not ${typeName(byteorder)}`);
    }
    if (byteorder !== "big" && byteorder !== "little") {
      vmError("ValueError", "byteorder must be either 'little' or 'big'");
    }
    if (length < 0n) vmError("ValueError", "length argument must be non-negative");
    if (length > BigInt(CAPS.bytes_length)) {
      limitExceeded("bytes_length", "to_bytes length is too large");
    }
    m.dynamic(1, Number(length));
    const isSigned = truthy(signed ?? false);
    if (typeof self === "number" && length <= 6n) {
      const bits = 8 * Number(length);
      const fits = isSigned
        ? self >= -(2 ** Math.max(0, bits - 1)) && self < (bits === 0 ? 1 : 2 ** (bits - 1)) &&
          !(bits === 0 && self !== 0)
        : self >= 0 && self < 2 ** bits;
      if (self < 0 && !isSigned) vmError("OverflowError", "can't convert negative int to unsigned");
      if (!fits) vmError("OverflowError", "int too big to convert");
      let small = self < 0 ? self + 2 ** bits : self;
      const out = allocBytes(Number(length));
      for (let i = out.length - 1; i >= 0; i--) {
        out[i] = small % 256;
        small = Math.floor(small / 256);
      }
      return byteorder === "big" ? out : out.reverse();
    }
    let value = BigInt(self);
    if (value < 0n && !isSigned) vmError("OverflowError", "can't convert negative int to unsigned");
    const bits = length * 8n;
    const fits = isSigned
      ? value >= -(1n << (bits - 1n > 0n ? bits - 1n : 0n)) &&
        value < (bits === 0n ? 1n : 1n << (bits - 1n)) && !(bits === 0n && value !== 0n)
      : value < (1n << bits);
    if (!fits) vmError("OverflowError", "int too big to convert");
    if (value < 0n) value += 1n << bits;
    const out = allocBytes(Number(length));
    for (let i = out.length - 1; i >= 0; i--) {
      out[i] = Number(value & 0xffn);
      value >>= 8n;
    }
    return byteorder === "big" ? out : out.reverse();
  },
};

/** A method's implementation for each receiver type that has it. */
interface MethodsByType {
  readonly list: Method<PyList> | undefined;
  readonly tuple: Method<PyTuple> | undefined;
  readonly dict: Method<PyDict> | undefined;
  readonly str: Method<string> | undefined;
  readonly bytes: Method<Uint8Array> | undefined;
  readonly int: Method<number | bigint> | undefined;
}

/** Implementations by method id (spec/opcodes_vm_py.yaml), resolved once. */
const BY_ID: readonly (MethodsByType | null)[] = METHODS.map((info) =>
  info === null ? null : {
    list: LIST[info.name],
    tuple: TUPLE[info.name],
    dict: DICT[info.name],
    str: STR_ONLY[info.name] ?? TEXT[info.name],
    bytes: BYTES_ONLY[info.name] ?? TEXT[info.name],
    int: INT[info.name],
  }
);

/** Calls the method with table id `id` on `self`; AttributeError when its type has no such method. */
export function callMethod(
  meter: Meter,
  id: number,
  self: Value,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
): Value {
  const methods = BY_ID[id];
  if (methods !== null && methods !== undefined) {
    if (self instanceof PyList) {
      if (methods.list !== undefined) return methods.list(meter, self, args, kwargs);
    } else if (self instanceof PyTuple) {
      if (methods.tuple !== undefined) return methods.tuple(meter, self, args, kwargs);
    } else if (self instanceof PyDict) {
      if (methods.dict !== undefined) return methods.dict(meter, self, args, kwargs);
    } else if (typeof self === "string") {
      if (methods.str !== undefined) return methods.str(meter, self, args, kwargs);
    } else if (self instanceof Uint8Array) {
      if (methods.bytes !== undefined) return methods.bytes(meter, self, args, kwargs);
    } else if (typeof self === "number" || typeof self === "bigint") {
      if (methods.int !== undefined) return methods.int(meter, self, args, kwargs);
    } else if (typeof self === "boolean") {
      if (methods.int !== undefined) return methods.int(meter, self ? 1 : 0, args, kwargs);
    }
  }
  return vmError(
    "AttributeError",
    `'${typeName(self)}' object has no attribute '${METHODS[id]?.name ?? id}'`,
  );
}
