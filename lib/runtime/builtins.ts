/**
 * The builtin functions of the subset (spec/LANGUAGE.md §4) with CPython
 * 3.11 behaviour, argument binding (TypeError on bad arity or keywords)
 * and size checks; plus iteration (GET_ITER) and str(). Builtins are
 * looked up by the ids of spec/opcodes_vm_py.yaml.
 */

import { decimalValue, isSpace } from "./unicode.ts";
import { allocBytes, bytesFrom, copyBytes } from "./bytes.ts";
import { CAPS } from "../compile/opcodes.ts";
import { limitExceeded, vmError } from "./failure.ts";
import { add, compare, divmod, iterableItems, type Meter, neg, pow, utf8Length } from "./ops.ts";
import { repr } from "./repr.ts";
import {
  asBigInt,
  canonicalInt,
  dictKey,
  DONE,
  isSmallRange,
  PyDict,
  PyDictView,
  PyIterator,
  PyList,
  PyRange,
  PyRangeIterator,
  PySequenceIterator,
  PyTuple,
  StepIterator,
  truthy,
  typeName,
  type Value,
} from "./values.ts";

/** A builtin or method: positional arguments and keyword arguments. */
export type HostFunction = (
  meter: Meter,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
) => Value;

/** Binds arguments like CPython: `names` in order, the first `required` mandatory. */
export function bind(
  fn: string,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
  names: readonly string[],
  required: number,
  positionalOnly = 0,
): (Value | undefined)[] {
  if (args.length > names.length) {
    vmError(
      "TypeError",
      `${fn}() takes at most ${names.length} argument${
        names.length === 1 ? "" : "s"
      } (${args.length} given)`,
    );
  }
  const bound: (Value | undefined)[] = [...args];
  for (const [key, value] of kwargs) {
    const index = names.indexOf(key);
    if (index < positionalOnly) {
      vmError("TypeError", `${fn}() got an unexpected keyword argument '${key}'`);
    }
    if (bound[index] !== undefined) {
      vmError("TypeError", `${fn}() got multiple values for argument '${key}'`);
    }
    bound[index] = value;
  }
  for (let i = 0; i < required; i++) {
    if (bound[i] === undefined) {
      vmError("TypeError", `${fn}() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  return bound;
}

function noKeywords(fn: string, kwargs: ReadonlyMap<string, Value>): void {
  if (kwargs.size === 0) return;
  for (const key of kwargs.keys()) {
    vmError("TypeError", `${fn}() takes no keyword arguments ('${key}' given)`);
  }
}

function intArg(fn: string, value: Value | undefined): bigint {
  const big = value === undefined ? null : asBigInt(value);
  if (big === null) {
    return vmError(
      "TypeError",
      `'${typeName(value ?? null)}' object cannot be interpreted as an integer (in ${fn}())`,
    );
  }
  return big;
}

/** An iterator over any iterable value (GET_ITER); lists are iterated live, by index. */
export function iterate(value: Value): PyIterator {
  if (value instanceof PyIterator) return value;
  if (value instanceof PyList || value instanceof PyTuple) return new PySequenceIterator(value);
  if (typeof value === "string") {
    // One code point per step: no scan of the whole str up front.
    let index = 0;
    return new StepIterator(() => {
      if (index >= value.length) return DONE;
      const codePoint = value.codePointAt(index) ?? 0;
      index += codePoint > 0xffff ? 2 : 1;
      return String.fromCodePoint(codePoint);
    }, "str_iterator");
  }
  if (value instanceof Uint8Array) {
    let index = 0;
    return new StepIterator(
      () => (index < value.length ? value[index++] ?? 0 : DONE),
      "bytes_iterator",
    );
  }
  if (value instanceof PyRange) {
    if (isSmallRange(value)) {
      return new PyRangeIterator(Number(value.start), Number(value.stop), Number(value.step));
    }
    let current = value.start;
    const { stop, step } = value;
    return new StepIterator(() => {
      if (step > 0n ? current >= stop : current <= stop) return DONE;
      const item = canonicalInt(current);
      current += step;
      return item;
    }, "range_iterator");
  }
  if (value instanceof PyDict || value instanceof PyDictView) {
    const dict = value instanceof PyDict ? value : value.dict;
    const keys = value instanceof PyDict
      ? [...dict.entries.values()].map((entry) => entry.key)
      : value.items();
    const size = dict.entries.size;
    let index = 0;
    return new StepIterator(() => {
      if (dict.entries.size !== size) {
        vmError("RuntimeError", "dictionary changed size during iteration");
      }
      return index < keys.length ? keys[index++] as Value : DONE;
    }, "dict_keyiterator");
  }
  return vmError("TypeError", `'${typeName(value)}' object is not iterable`);
}

/** str(value). */
export function toStr(meter: Meter, value: Value): string {
  return typeof value === "string" ? value : repr(meter, value);
}

/** The number of code points of a str: its UTF-16 length less its surrogate pairs. */
function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** len(value); a str is scanned, and that scan is paid first. */
function length(meter: Meter, value: Value): number | bigint {
  if (typeof value === "string") {
    meter.dynamic(1, value.length);
    return codePointCount(value);
  }
  if (value instanceof Uint8Array) return value.length;
  if (value instanceof PyList || value instanceof PyTuple) return value.items.length;
  if (value instanceof PyDict) return value.entries.size;
  if (value instanceof PyRange) return canonicalInt(value.length);
  if (value instanceof PyDictView) return value.dict.entries.size;
  return vmError("TypeError", `object of type '${typeName(value)}' has no len()`);
}

function minMax(
  meter: Meter,
  fn: "min" | "max",
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
): Value {
  for (const key of kwargs.keys()) {
    if (key !== "default") {
      vmError("TypeError", `${fn}() got an unexpected keyword argument '${key}'`);
    }
  }
  if (args.length === 0) vmError("TypeError", `${fn} expected at least 1 argument, got 0`);
  const candidates = args.length === 1
    ? iterableItems(meter, args[0] as Value, `${fn}()`)
    : [...args];
  if (args.length > 1 && kwargs.has("default")) {
    vmError("TypeError", `Cannot specify a default for ${fn}() with multiple positional arguments`);
  }
  meter.dynamic(1, candidates.length);
  if (candidates.length === 0) {
    const fallback = kwargs.get("default");
    if (fallback !== undefined) return fallback;
    return vmError("ValueError", `${fn}() arg is an empty sequence`);
  }
  let best = candidates[0] as Value;
  for (const candidate of candidates.slice(1)) {
    const order = compare(meter, fn === "min" ? "<" : ">", candidate, best);
    if (fn === "min" ? order < 0 : order > 0) best = candidate;
  }
  return best;
}

/**
 * int()'s view of a str, as CPython prepares it: ASCII characters stay,
 * other whitespace becomes a space, other decimal digits (any script)
 * become ASCII digits; null when another non-ASCII character remains.
 */
function asciiDigits(text: string): string | null {
  let out = "";
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0x80) out += char;
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

function parseInt(meter: Meter, value: string | Uint8Array, base: bigint): bigint {
  const fail = () =>
    vmError("ValueError", `invalid literal for int() with base ${base}: ${repr(meter, value)}`);
  const ascii = typeof value === "string" ? asciiDigits(value) : asciiBytes(value);
  if (ascii === null) return fail();
  // Only ASCII whitespace is stripped, as CPython does after the mapping above.
  let body = ascii.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, "").toLowerCase();
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
  if (radix === 0n) {
    if (/^0+(_?0)*$/.test(body)) return 0n;
    if (body.startsWith("0")) fail();
    radix = 10n;
  }
  if (radix < 2n || radix > 36n) vmError("ValueError", "int() base must be >= 2 and <= 36, or 0");
  if (body === "" || body.startsWith("_") || body.endsWith("_") || body.includes("__")) fail();
  if (body.length > CAPS.int_bits) limitExceeded("int_bits", "integer literal is too long");
  let result = 0n;
  for (const char of body.replaceAll("_", "")) {
    const digit = BigInt(parseInt36(char));
    if (digit < 0n || digit >= radix) fail();
    result = result * radix + digit;
  }
  return sign * result;
}

function parseInt36(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return -1;
}

function toInt(meter: Meter, args: readonly Value[], kwargs: ReadonlyMap<string, Value>): Value {
  const [value, baseArg] = bind("int", args, kwargs, ["x", "base"], 0, 1);
  if (value === undefined) return 0;
  if (baseArg !== undefined) {
    if (typeof value !== "string" && !(value instanceof Uint8Array)) {
      vmError("TypeError", "int() can't convert non-string with explicit base");
    }
    meter.dynamic(1, value.length);
    return canonicalInt(parseInt(meter, value, intArg("int", baseArg)));
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number" || typeof value === "bigint") return value;
  if (typeof value === "string" || value instanceof Uint8Array) {
    meter.dynamic(1, value.length);
    return canonicalInt(parseInt(meter, value, 10n));
  }
  return vmError(
    "TypeError",
    `int() argument must be a string, a bytes-like object or a real number, not '${
      typeName(value)
    }'`,
  );
}

function toBytes(meter: Meter, args: readonly Value[], kwargs: ReadonlyMap<string, Value>): Value {
  const [source, encoding] = bind("bytes", args, kwargs, ["source", "encoding", "errors"], 0);
  if (source === undefined) return allocBytes(0);
  if (typeof source === "string") {
    if (encoding === undefined) vmError("TypeError", "string argument without an encoding");
    if (
      typeof encoding !== "string" || !["utf-8", "utf8", "ascii"].includes(encoding.toLowerCase())
    ) {
      vmError("LookupError", `unknown encoding: ${String(encoding)}`);
    }
    const encoded = new TextEncoder().encode(source);
    if (encoding.toLowerCase() === "ascii" && encoded.some((byte) => byte > 0x7f)) {
      vmError("UnicodeEncodeError", "'ascii' codec can't encode characters");
    }
    meter.dynamic(1, encoded.length);
    return encoded;
  }
  if (encoding !== undefined) vmError("TypeError", "encoding without a string argument");
  if (typeof source === "number" || typeof source === "bigint" || typeof source === "boolean") {
    const n = asBigInt(source) ?? 0n;
    if (n < 0n) vmError("ValueError", "negative count");
    if (n > BigInt(CAPS.bytes_length)) limitExceeded("bytes_length", "bytes result is too long");
    meter.dynamic(1, Number(n));
    return allocBytes(Number(n));
  }
  if (source instanceof Uint8Array) return copyBytes(source);
  const items = iterableItems(meter, source, "bytes()");
  if (items.length > CAPS.bytes_length) limitExceeded("bytes_length", "bytes result is too long");
  return bytesFrom(items.map((item) => {
    const byte = asBigInt(item);
    if (byte === null) {
      return vmError("TypeError", `'${typeName(item)}' object cannot be interpreted as an integer`);
    }
    if (byte < 0n || byte > 255n) vmError("ValueError", "bytes must be in range(0, 256)");
    return Number(byte);
  }));
}

function toDict(meter: Meter, args: readonly Value[], kwargs: ReadonlyMap<string, Value>): Value {
  if (args.length > 1) vmError("TypeError", `dict expected at most 1 argument, got ${args.length}`);
  const dict = new PyDict();
  const put = (key: Value, value: Value) => {
    const dk = dictKey(meter, key);
    const existing = dict.entries.get(dk);
    if (existing !== undefined) existing.value = value;
    else dict.entries.set(dk, { key, value });
  };
  const source = args[0];
  if (source instanceof PyDict) {
    for (const entry of source.entries.values()) put(entry.key, entry.value);
  } else if (source !== undefined) {
    for (const [index, item] of iterableItems(meter, source, "dict()").entries()) {
      const pair = iterableItems(meter, item, "dict()");
      if (pair.length !== 2) {
        vmError(
          "ValueError",
          `dictionary update sequence element #${index} has length ${pair.length}; 2 is required`,
        );
      }
      put(pair[0] as Value, pair[1] as Value);
    }
  }
  for (const [key, value] of kwargs) put(key, value);
  meter.dynamic(2, dict.entries.size);
  return dict;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Items sorted without a comparison callback when they are all safe ints,
 * or all strs without surrogates (whose UTF-16 order is code-point order);
 * equal items of these kinds are indistinguishable, so stability holds.
 * Null when the fast path does not apply.
 */
function sortedPrimitives(items: readonly Value[], reverse: boolean): Value[] | null {
  const first = items[0];
  let sorted: Value[];
  if (typeof first === "number") {
    const numbers = new Float64Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item !== "number") return null;
      numbers[i] = item;
    }
    sorted = Array.from(numbers.sort());
  } else if (typeof first === "string") {
    const texts: string[] = [];
    for (const item of items) {
      if (typeof item !== "string" || SURROGATE.test(item)) return null;
      texts.push(item);
    }
    sorted = texts.sort();
  } else return null;
  return reverse ? sorted.reverse() : sorted;
}

function sortedItems(meter: Meter, items: Value[], reverse: boolean): Value[] {
  const n = items.length;
  meter.dynamic(2, n * Math.ceil(Math.log2(n + 1)));
  const primitive = sortedPrimitives(items, reverse);
  if (primitive !== null) return primitive;
  const indexed = items.map((item, index) => ({ item, index }));
  indexed.sort((a, b) => {
    const order = reverse
      ? compare(meter, "<", b.item, a.item)
      : compare(meter, "<", a.item, b.item);
    return order !== 0 ? order : a.index - b.index;
  });
  return indexed.map((entry) => entry.item);
}

/** sort()/sorted() take reverse= and key=None (no other key can exist in a contract). */
export function checkSortKeywords(kwargs: ReadonlyMap<string, Value>): void {
  for (const [key, value] of kwargs) {
    if (key === "key" && value !== null) {
      vmError("TypeError", `'${typeName(value)}' object is not callable`);
    }
    if (key !== "reverse" && key !== "key") {
      vmError("TypeError", `sort() got an unexpected keyword argument '${key}'`);
    }
  }
}

/** list.sort / sorted with Python's stable ordering. */
export function sortValues(meter: Meter, items: Value[], reverse: boolean): Value[] {
  return sortedItems(meter, items, reverse);
}

function fromBytes(
  meter: Meter,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
): Value {
  const [source, order, signed] = bind(
    "from_bytes",
    args,
    kwargs,
    ["bytes", "byteorder", "signed"],
    1,
  );
  const bytes = source instanceof Uint8Array ? source : Uint8Array.from(
    iterableItems(meter, source ?? null, "from_bytes()").map((item) =>
      Number(asBigInt(item) ?? 0n)
    ),
  );
  const byteorder = order === undefined ? "big" : order;
  if (typeof byteorder !== "string") {
    vmError("TypeError", `argument 'byteorder' must be str, not ${typeName(byteorder)}`);
  }
  if (byteorder !== "big" && byteorder !== "little") {
    vmError("ValueError", "byteorder must be either 'little' or 'big'");
  }
  meter.dynamic(1, bytes.length);
  const ordered = byteorder === "big" ? bytes : copyBytes(bytes).reverse();
  if (ordered.length * 8 > CAPS.int_bits + 8) {
    limitExceeded("int_bits", "integer from bytes is too large");
  }
  let value = 0n;
  for (const byte of ordered) value = (value << 8n) | BigInt(byte);
  if (truthy(signed ?? false) && ordered.length > 0 && ((ordered[0] ?? 0) & 0x80) !== 0) {
    value -= 1n << BigInt(ordered.length * 8);
  }
  return canonicalInt(value);
}

function fromHex(meter: Meter, args: readonly Value[], kwargs: ReadonlyMap<string, Value>): Value {
  noKeywords("fromhex", kwargs);
  const text = args[0];
  if (args.length !== 1 || typeof text !== "string") {
    return vmError("TypeError", "fromhex() argument must be str");
  }
  meter.dynamic(1, text.length);
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? "")) {
      i++;
      continue;
    }
    const pair = text.slice(i, i + 2);
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) {
      vmError(
        "ValueError",
        `non-hexadecimal number found in fromhex() arg at position ${
          i + (/^[0-9a-fA-F]/.test(pair) ? 1 : 0)
        }`,
      );
    }
    out.push(parseInt16(pair));
    i += 2;
  }
  return bytesFrom(out);
}

function parseInt16(pair: string): number {
  return Number.parseInt(pair, 16);
}

function zipIterators(args: readonly Value[]): Value {
  const iterators = args.map(iterate);
  return new StepIterator(() => {
    if (iterators.length === 0) return DONE;
    const items: Value[] = [];
    for (const iterator of iterators) {
      const item = iterator.next();
      if (typeof item === "symbol") return DONE;
      items.push(item);
    }
    return new PyTuple(items);
  }, "zip");
}

/** Builtins by name (CALL_BUILTIN resolves ids to these names). */
export const BUILTIN_FUNCTIONS: Readonly<Record<string, HostFunction>> = {
  len: (m, args, kwargs) => {
    noKeywords("len", kwargs);
    if (args.length !== 1) {
      vmError("TypeError", `len() takes exactly one argument (${args.length} given)`);
    }
    return length(m, args[0] as Value);
  },
  range: (_m, args, kwargs) => {
    noKeywords("range", kwargs);
    if (args.length < 1 || args.length > 3) {
      vmError("TypeError", `range expected at most 3 arguments, got ${args.length}`);
    }
    const values = args.map((arg) => intArg("range", arg));
    const [a, b, c] = values;
    const range = values.length === 1
      ? new PyRange(0n, a ?? 0n, 1n)
      : new PyRange(a ?? 0n, b ?? 0n, c ?? 1n);
    if (range.step === 0n) vmError("ValueError", "range() arg 3 must not be zero");
    return range;
  },
  min: (m, args, kwargs) => minMax(m, "min", args, kwargs),
  max: (m, args, kwargs) => minMax(m, "max", args, kwargs),
  abs: (m, args, kwargs) => {
    noKeywords("abs", kwargs);
    const value = args[0] ?? null;
    const big = asBigInt(value);
    if (args.length !== 1 || big === null) {
      return vmError("TypeError", `bad operand type for abs(): '${typeName(value)}'`);
    }
    return big < 0n ? neg(m, value) : typeof value === "boolean" ? (value ? 1 : 0) : value;
  },
  sum: (m, args, kwargs) => {
    const [iterable, start] = bind("sum", args, kwargs, ["iterable", "start"], 1, 1);
    let total: Value = start === undefined ? 0 : start;
    if (typeof total === "string") {
      vmError("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (total instanceof Uint8Array) {
      vmError("TypeError", "sum() can't sum bytes [use b''.join(seq) instead]");
    }
    const items = iterableItems(m, iterable ?? null, "sum()");
    m.dynamic(2, items.length);
    for (const item of items) total = add(m, total, item);
    return total;
  },
  all: (m, args, kwargs) => {
    noKeywords("all", kwargs);
    const iterator = iterate(args[0] ?? null);
    for (let item = iterator.next(); typeof item !== "symbol"; item = iterator.next()) {
      m.dynamic(1, 1);
      if (!truthy(item)) return false;
    }
    return true;
  },
  any: (m, args, kwargs) => {
    noKeywords("any", kwargs);
    const iterator = iterate(args[0] ?? null);
    for (let item = iterator.next(); typeof item !== "symbol"; item = iterator.next()) {
      m.dynamic(1, 1);
      if (truthy(item)) return true;
    }
    return false;
  },
  enumerate: (_m, args, kwargs) => {
    const [iterable, start] = bind("enumerate", args, kwargs, ["iterable", "start"], 1);
    const iterator = iterate(iterable ?? null);
    let index = intArg("enumerate", start === undefined ? 0 : start);
    return new StepIterator(() => {
      const item = iterator.next();
      if (typeof item === "symbol") return DONE;
      const pair = new PyTuple([canonicalInt(index), item]);
      index++;
      return pair;
    }, "enumerate");
  },
  zip: (m, args, kwargs) => {
    noKeywords("zip", kwargs);
    m.dynamic(1, args.length);
    return zipIterators(args);
  },
  sorted: (m, args, kwargs) => {
    if (args.length !== 1) vmError("TypeError", `sorted expected 1 argument, got ${args.length}`);
    checkSortKeywords(kwargs);
    return new PyList(
      sortedItems(
        m,
        iterableItems(m, args[0] as Value, "sorted()"),
        truthy(kwargs.get("reverse") ?? false),
      ),
    );
  },
  reversed: (_m, args, kwargs) => {
    noKeywords("reversed", kwargs);
    const value = args[0] ?? null;
    if (value instanceof PyDict || value instanceof PyDictView) {
      const keys = value instanceof PyDict
        ? [...value.entries.values()].map((entry) => entry.key)
        : value.items();
      let at = keys.length - 1;
      return new StepIterator(
        () => (at >= 0 ? keys[at--] as Value : DONE),
        "dict_reversekeyiterator",
      );
    }
    if (
      value instanceof PyIterator ||
      !(value instanceof PyList || value instanceof PyTuple || typeof value === "string" ||
        value instanceof Uint8Array || value instanceof PyRange)
    ) {
      return vmError("TypeError", `'${typeName(value)}' object is not reversible`);
    }
    const items = value instanceof PyList || value instanceof PyTuple
      ? value.items
      : typeof value === "string"
      ? Array.from(value)
      : value instanceof Uint8Array
      ? Array.from(value)
      : null;
    if (items === null) {
      const range = value as PyRange;
      const last = range.start + (range.length - 1n) * range.step;
      return iterate(new PyRange(last, range.start - range.step, -range.step));
    }
    let index = items.length - 1;
    return new StepIterator(() => (index >= 0 ? items[index--] as Value : DONE), "reversed");
  },
  bytes: toBytes,
  int: toInt,
  bool: (_m, args, kwargs) => {
    noKeywords("bool", kwargs);
    return args.length === 0 ? false : truthy(args[0] as Value);
  },
  str: (m, args, kwargs) => {
    const [value, encoding] = bind("str", args, kwargs, ["object", "encoding", "errors"], 0);
    if (value === undefined) return "";
    if (encoding !== undefined) {
      if (!(value instanceof Uint8Array)) {
        return vmError("TypeError", "decoding str is not supported");
      }
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(value);
      } catch {
        return vmError("UnicodeDecodeError", "'utf-8' codec can't decode bytes");
      }
    }
    const text = toStr(m, value);
    m.dynamic(1, utf8Length(text));
    return text;
  },
  list: (m, args, kwargs) => {
    noKeywords("list", kwargs);
    return new PyList(args.length === 0 ? [] : iterableItems(m, args[0] as Value, "list()"));
  },
  tuple: (m, args, kwargs) => {
    noKeywords("tuple", kwargs);
    return new PyTuple(args.length === 0 ? [] : iterableItems(m, args[0] as Value, "tuple()"));
  },
  dict: toDict,
  isinstance: () =>
    vmError("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union"),
  ord: (_m, args, kwargs) => {
    noKeywords("ord", kwargs);
    const value = args[0] ?? null;
    if (typeof value === "string") {
      const points = Array.from(value);
      if (points.length !== 1) {
        vmError(
          "TypeError",
          `ord() expected a character, but string of length ${points.length} found`,
        );
      }
      return points[0]?.codePointAt(0) ?? 0;
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
  },
  chr: (_m, args, kwargs) => {
    noKeywords("chr", kwargs);
    const code = intArg("chr", args[0]);
    if (code < 0n || code > 0x10ffffn) vmError("ValueError", "chr() arg not in range(0x110000)");
    return String.fromCodePoint(Number(code));
  },
  hex: (_m, args, kwargs) => {
    noKeywords("hex", kwargs);
    const value = intArg("hex", args[0]);
    return value < 0n ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`;
  },
  divmod: (m, args, kwargs) => {
    noKeywords("divmod", kwargs);
    if (args.length !== 2) vmError("TypeError", `divmod expected 2 arguments, got ${args.length}`);
    return divmod(m, args[0] as Value, args[1] as Value);
  },
  pow: (m, args, kwargs) => {
    const [base, exp, modulus] = bind("pow", args, kwargs, ["base", "exp", "mod"], 2);
    return pow(m, base as Value, exp as Value, modulus);
  },
  "int.from_bytes": fromBytes,
  "bytes.fromhex": fromHex,
};
