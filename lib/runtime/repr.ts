/**
 * Python's repr() of runtime values, as CPython 3.11 prints them (error
 * messages, str() of containers, printf-style %r). A walk with an explicit
 * stack: every item is paid before it is written and every str, bytes or
 * int before its text is built (spec/GAS.md §8); the text is held to the
 * bytes_length cap as it grows; a container that is being written when it
 * is met again prints as `[...]`, `{...}`, `(...)` or `...`, as in
 * CPython; nesting deeper than caps.value_depth raises RecursionError.
 */

import { CAPS } from "../compile/opcodes.ts";
import { limitExceeded } from "./failure.ts";
import { bitsOf, type Meter, utf8Length } from "./ops.ts";
import { isPrintable } from "./unicode.ts";
import { codePoints, strFromCodePoint } from "../text_units.ts";
import {
  PyDict,
  PyDictView,
  PyException,
  PyList,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  typeName,
  type Value,
} from "./values.ts";
import { checkDepth, payBytes, payItems } from "./walk.ts";

/** A container being written: its items still to come and how it closes. */
interface ReprFrame {
  readonly container: object;
  readonly items: Iterator<Value>;
  /** A dict's items alternate key, value: separated by ": " then ", ". */
  readonly pairs: boolean;
  written: number;
  readonly close: string;
  readonly level: number;
}

/** Collects the text, paying for each piece before it is added and holding it to the bytes_length cap (UTF-8). */
class ReprText {
  readonly #meter: Meter;
  readonly #chunks: string[] = [];
  readonly #parts: string[] = [];
  #bytes = 0;

  constructor(meter: Meter) {
    this.#meter = meter;
  }

  /** Appends ASCII punctuation. */
  ascii(text: string): void {
    this.#grow(text.length);
    this.#parts.push(text);
  }

  /** Appends text of any kind, measured in UTF-8. */
  text(text: string): void {
    this.#grow(utf8Length(text));
    this.#parts.push(text);
  }

  /** Fails before a piece of at least `bytes` bytes would pass the cap. */
  reserve(bytes: number): void {
    if (this.#bytes + bytes > CAPS.bytes_length) {
      limitExceeded("bytes_length", "repr of the value is too long");
    }
  }

  #grow(bytes: number): void {
    this.reserve(bytes);
    payBytes(this.#meter, "repr", bytes);
    this.#bytes += bytes;
    if (this.#parts.length >= 4096) this.#chunks.push(this.#parts.splice(0).join(""));
  }

  toString(): string {
    return this.#chunks.join("") + this.#parts.join("");
  }
}

function* dictItems(dict: PyDict): Iterator<Value> {
  for (const entry of dict.ordered()) {
    yield entry.key;
    yield entry.value;
  }
}

function* viewItems(view: PyDictView): Iterator<Value> {
  for (const entry of view.dict.ordered()) {
    yield view.kind === "keys"
      ? entry.key
      : view.kind === "values"
      ? entry.value
      : new PyTuple([entry.key, entry.value]);
  }
}

/** Decimal digits of an int, at most (paid before they are written). */
function digitBound(value: number | bigint): number {
  return Math.ceil(bitsOf(value) * Math.LOG10E * Math.LN2) + 2;
}

/** The text of a value that is not a container, paid before it is built. */
function leafText(meter: Meter, value: Value, out: ReprText): string {
  if (value === null) return "None";
  switch (typeof value) {
    case "boolean":
      return value ? "True" : "False";
    case "number":
    case "bigint":
      payBytes(meter, "repr", digitBound(value));
      return value.toString();
    case "string":
      payBytes(meter, "repr", value.length);
      // Escapes never make the text shorter than the str and its quotes.
      out.reserve(utf8Length(value) + 2);
      return reprString(value);
  }
  if (value instanceof Uint8Array) {
    payBytes(meter, "repr", value.length);
    out.reserve(value.length + 3);
    return reprBytes(value);
  }
  if (value instanceof PyRange) {
    payBytes(
      meter,
      "repr",
      digitBound(value.start) + digitBound(value.stop) + digitBound(value.step) + 8,
    );
    return value.step === 1n
      ? `range(${value.start}, ${value.stop})`
      : `range(${value.start}, ${value.stop}, ${value.step})`;
  }
  return `<${typeName(value)} object>`;
}

/** The frame of a container once its opening is written. */
function frame(
  container: object,
  items: Iterator<Value>,
  open: string,
  close: string,
  pairs: boolean,
  level: number,
  out: ReprText,
): ReprFrame {
  checkDepth("repr", level);
  out.ascii(open);
  return { container, items, pairs, written: 0, close, level };
}

/** The frame of a container (and writes its opening), or null for a value with no items. */
function openFrame(value: Value, level: number, out: ReprText): ReprFrame | null {
  if (value instanceof PyList) {
    return frame(value, value.items.values(), "[", "]", false, level, out);
  }
  if (value instanceof PyTuple) {
    const close = value.items.length === 1 ? ",)" : ")";
    return frame(value, value.items.values(), "(", close, false, level, out);
  }
  if (value instanceof PyDict) return frame(value, dictItems(value), "{", "}", true, level, out);
  if (value instanceof PyDictView) {
    return frame(value, viewItems(value), `dict_${value.kind}([`, "])", false, level, out);
  }
  if (value instanceof PyException) {
    return frame(value, value.args.items.values(), `${value.typeName}(`, ")", false, level, out);
  }
  if (value instanceof PySlice) {
    const items = [value.start, value.stop, value.step].values();
    return frame(value, items, "slice(", ")", false, level, out);
  }
  if (value instanceof PySet) {
    const members = value.table.settled().map((member) => member.value).values();
    return value.table.used === 0
      ? frame(value, members, "set(", ")", false, level, out)
      : frame(value, members, "{", "}", false, level, out);
  }
  return null;
}

/** What a container prints as when it is met inside itself. */
function recursionMark(value: object): string {
  if (value instanceof PyList) return "[...]";
  if (value instanceof PyDict) return "{...}";
  if (value instanceof PyTuple) return "(...)";
  return "...";
}

function itemCount(value: Value): number {
  if (value instanceof PyList || value instanceof PyTuple) return value.items.length;
  if (value instanceof PyDict) return 2 * value.entries.size;
  if (value instanceof PyDictView) return value.dict.entries.size;
  if (value instanceof PyException) return value.args.items.length;
  if (value instanceof PySet) return value.table.used;
  return value instanceof PySlice ? 3 : 0;
}

/** Writes `value` at `level`: its text, or its opening (returning its frame). */
function write(
  meter: Meter,
  value: Value,
  level: number,
  out: ReprText,
  open: Set<object>,
): ReprFrame | null {
  if (typeof value === "number") {
    // At most 17 characters, paid as they are written.
    out.ascii(String(value));
    return null;
  }
  if (typeof value === "object" && value !== null && open.has(value)) {
    out.ascii(recursionMark(value));
    return null;
  }
  const count = itemCount(value);
  if (count > 0) payItems(meter, "repr", count);
  const frame = openFrame(value, level, out);
  if (frame === null) out.text(leafText(meter, value, out));
  // CPython guards containers, not exceptions, against printing themselves (args is a tuple made
  // before the exception, so a cycle through one always passes a list or dict).
  else if (!(value instanceof PyException)) open.add(frame.container);
  return frame;
}

/**
 * The repr of a safe int (the most common one), paid as repr() pays any
 * piece: its digits, one piece far below the bytes_length cap, written
 * without the walk's frames or text buffer.
 */
export function safeIntRepr(meter: Meter, value: number): string {
  const text = String(value);
  payBytes(meter, "repr", text.length);
  return text;
}

/** Python repr of a value, paid through `meter` (used in messages and str() of containers). */
export function repr(meter: Meter, value: Value): string {
  if (typeof value === "number") return safeIntRepr(meter, value);
  const out = new ReprText(meter);
  const open = new Set<object>();
  const frames: ReprFrame[] = [];
  const root = write(meter, value, 1, out, open);
  if (root !== null) frames.push(root);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as ReprFrame;
    const next = frame.items.next();
    if (next.done === true) {
      out.ascii(frame.close);
      open.delete(frame.container);
      frames.pop();
      continue;
    }
    if (frame.written > 0) out.ascii(frame.pairs && frame.written % 2 === 1 ? ": " : ", ");
    frame.written++;
    const child = write(meter, next.value, frame.level + 1, out, open);
    if (child !== null) frames.push(child);
  }
  return out.toString();
}

/** str() of a value: a str itself, an exception's message text, else repr(). */
export function strText(meter: Meter, value: Value): string {
  if (typeof value === "string") return value;
  return value instanceof PyException ? exceptionText(meter, value) : repr(meter, value);
}

/**
 * str() of an exception, as BaseException.__str__ writes it: "" without
 * args, str() of a lone arg (repr() for a KeyError's), else the args tuple.
 * A lone arg that is itself an exception is followed in a loop, each step
 * paid as a repr item and counted against caps.value_depth.
 */
function exceptionText(meter: Meter, exception: PyException): string {
  let current: Value = exception;
  for (let level = 1; current instanceof PyException; level++) {
    // CPython's str() recurses here: RecursionError past the nesting cap, as for containers.
    checkDepth("repr", level);
    payItems(meter, "repr", 1);
    if (current.text !== null) return current.text;
    const args: readonly Value[] = current.args.items;
    if (args.length === 0) return "";
    if (args.length > 1) return repr(meter, current.args);
    const arg = args[0] ?? null;
    if (current.typeName === "KeyError") return repr(meter, arg);
    current = arg;
  }
  return typeof current === "string" ? current : repr(meter, current);
}

/** repr of a str: CPython escapes the quote, backslash, \t \n \r and every character str.isprintable() rejects. */
function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const code of codePoints(text)) {
    const char = strFromCodePoint(code);
    if (char === quote || char === "\\") out += `\\${char}`;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (isPrintable(code)) out += char;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return out + quote;
}

function reprBytes(bytes: Uint8Array): string {
  const hasSingle = bytes.includes(0x27);
  const quote = hasSingle && !bytes.includes(0x22) ? '"' : "'";
  let out = `b${quote}`;
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (char === quote || char === "\\") out += `\\${char}`;
    else if (byte === 0x0a) out += "\\n";
    else if (byte === 0x0d) out += "\\r";
    else if (byte === 0x09) out += "\\t";
    else if (byte < 0x20 || byte >= 0x7f) out += `\\x${byte.toString(16).padStart(2, "0")}`;
    else out += char;
  }
  return out + quote;
}
