/**
 * Runtime values (DESIGN §3): int is a JS number while it is a safe
 * integer and a bigint beyond (one canonical form per value); bool is
 * boolean; None is null; str is a JS string with code-point semantics;
 * bytes is an immutable Uint8Array; list, tuple, dict, range and slice are
 * the classes below. This file owns the representation, type names,
 * truthiness and dict keys (where True and 1 are the same key, as in
 * Python; a dict key is paid through the Meter, the only gas this file
 * charges). It raises only VmError.
 */

import { EXCEPTIONS } from "../compile/opcodes.ts";
import { DictTable } from "./dict_table.ts";
import { DictIndex } from "./dict_index.ts";
import { LONG_TEXT } from "./long_texts.ts";
import { SetTable } from "./set_table.ts";
import { vmError } from "./failure.ts";
import { steppedLength } from "./indices.ts";
import { bitsOf, type Meter } from "./ops.ts";
import { checkDepth, payBytes, payItems } from "./walk.ts";

/** A contract-visible value. */
export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PyList
  | PyTuple
  | PyDict
  | PyRange
  | PySlice
  | PyIterator
  | PyDictView
  | PyException
  | PySet;

/**
 * A set: what CPython's dict-view set operators (`keys() & x`, `|`, `-`,
 * `^`) return (spec/LANGUAGE.md §7.9). Contracts cannot write one; its
 * elements sit in a CPython-layout table, written only through
 * lib/runtime/set_ops.ts.
 */
export class PySet {
  /** The elements. */
  readonly table: SetTable = new SetTable();
  /** Whether mutation is refused (module-level sets). */
  frozen = false;
}

/**
 * An exception object (spec/LANGUAGE.md §3): its class (an id of the
 * EXCEPTIONS table), its args, and the traceback recorded when it was
 * last raised (empty until then). Compared and hashed by identity, as
 * CPython's are.
 */
export class PyException {
  /** The class, by EXCEPTIONS id. */
  readonly cls: number;
  /** The arguments it was made with (`e.args`). */
  readonly args: PyTuple;
  /** Where it was last raised (function and pc per frame, outermost first); a re-raise keeps it. */
  traceback: readonly { readonly fn: number; readonly pc: number }[] = [];
  /** Its str() when the class formats one from its args (the codec errors); null otherwise. */
  readonly text: string | null;
  /** Its identity as a dict key (internal; never seen by a contract). */
  readonly serial: number;
  static #made = 0;

  /** An exception of class `cls` with `args` (and the str() text its class would format). */
  constructor(cls: number, args: PyTuple, text: string | null = null) {
    this.cls = cls;
    this.args = args;
    this.text = text;
    this.serial = PyException.#made++;
  }

  /** The Python class name. */
  get typeName(): string {
    return EXCEPTIONS[this.cls]?.name ?? "BaseException";
  }
}

/** A mutable list; module-level lists are frozen (mutation is an error). */
export class PyList {
  /** The elements, in order. */
  items: Value[];
  /** Whether mutation is refused (module-level lists). */
  frozen = false;

  /** A list of `items` (taken, not copied). */
  constructor(items: Value[]) {
    this.items = items;
  }
}

/** An immutable tuple. */
export class PyTuple {
  /** The elements, in order. */
  readonly items: readonly Value[];

  /** A tuple of `items` (taken, not copied). */
  constructor(items: readonly Value[]) {
    this.items = items;
  }
}

/** A dict entry: the first key inserted is kept, as in Python. */
export interface DictEntry {
  /** The key as first inserted. */
  readonly key: Value;
  /** Its {@link dictKey}. */
  readonly dk: DictKey;
  /** The current value. */
  value: Value;
  /** Its slot in the dict's {@link DictTable}. */
  slot: number;
  /**
   * The fixed hash of `dk` (key_hash.ts hashKey), once the dict's index
   * has hashed it; key_hash.ts UNHASHED before (./dict_index.ts sets it).
   */
  hash: number;
}

/**
 * An insertion-ordered dict keyed by {@link dictKey}, with CPython's slot
 * layout beside it; written only through lib/runtime/dict_table.ts.
 */
export class PyDict {
  /** The slots the entries sit in, as CPython lays them out (in insertion order, with holes). */
  readonly table: DictTable = new DictTable();
  /** The entries by {@link dictKey}, through their slots ({@link PyDict.ordered} walks them in order). */
  readonly entries: DictIndex = new DictIndex(this.table);
  /** Whether mutation is refused (module-level dicts). */
  frozen = false;

  /** The entries in insertion order (the table's live slots; the dict must not change meanwhile). */
  ordered(): IterableIterator<DictEntry> {
    return new LiveSlots(this.table.slots);
  }
}

/** The live slots of a slot array, in order. */
class LiveSlots implements IterableIterator<DictEntry> {
  #at = 0;

  constructor(readonly slots: readonly (DictEntry | null)[]) {}

  next(): IteratorResult<DictEntry> {
    const { slots } = this;
    while (this.#at < slots.length) {
      const entry = slots[this.#at++] ?? null;
      if (entry !== null) return { done: false, value: entry };
    }
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): IterableIterator<DictEntry> {
    return this;
  }
}

/** A live view of a dict's keys, values or items (dict.keys() and friends). */
export class PyDictView {
  /** A view of `dict`'s keys, values or items. */
  constructor(readonly dict: PyDict, readonly kind: "keys" | "values" | "items") {}

  /** The view's current elements. */
  items(): Value[] {
    // Made at its final length: growing it by push took two thirds of list(d.values()).
    const out = new Array<Value>(this.dict.entries.size);
    // The table's live slots hold the entries in their order, as a dict iterator walks them.
    const slots = this.dict.table.slots;
    const kind = this.kind;
    let at = 0;
    for (let i = 0; i < slots.length; i++) {
      const entry = slots[i];
      if (entry === null || entry === undefined) continue;
      out[at++] = kind === "keys"
        ? entry.key
        : kind === "values"
        ? entry.value
        : new PyTuple([entry.key, entry.value]);
    }
    return out;
  }
}

/** range(start, stop, step) with bigint bounds (exact at any size). */
export class PyRange {
  /** range(start, stop, step); range() refuses a zero step. */
  constructor(readonly start: bigint, readonly stop: bigint, readonly step: bigint) {}

  /** The number of items (0 when the range is empty). */
  get length(): bigint {
    return steppedLength(this.start, this.stop, this.step);
  }
}

const HALF_SAFE = BigInt(Number.MAX_SAFE_INTEGER) / 2n;

/** Whether a range's bounds are small enough to step with JS numbers (every item and one step past stay safe). */
export function isSmallRange(range: PyRange): boolean {
  return [range.start, range.stop, range.step].every((bound) =>
    bound < HALF_SAFE && bound > -HALF_SAFE
  );
}

/** A slice object (only as a subscript key). */
export class PySlice {
  /** The slice `start:stop:step` as written; its bounds are checked where it is used. */
  constructor(readonly start: Value, readonly stop: Value, readonly step: Value) {}
}

/** A one-shot iterator (iter(), enumerate, zip, reversed, range, ...). */
export abstract class PyIterator {
  /**
   * An iterator whose Python type name is `typeName`; `free` when its
   * next() never charges gas (ranges, lists, tuples, dicts), so the
   * compiled tier's FOR_ITER need not write the gas used around it.
   */
  constructor(readonly typeName: string, readonly free: boolean) {}

  /** The next item, or DONE when exhausted. */
  abstract next(): Value | typeof DONE;
}

/** An iterator driven by a step function. */
export class StepIterator extends PyIterator {
  readonly #step: () => Value | typeof DONE;

  constructor(step: () => Value | typeof DONE, typeName: string) {
    super(typeName, false);
    this.#step = step;
  }

  override next(): Value | typeof DONE {
    return this.#step();
  }
}

/**
 * Iteration over a list or tuple, live by index (a list may grow while it
 * is iterated); once it has ended it stays ended, as CPython's does, even
 * if the list grows later.
 */
export class PySequenceIterator extends PyIterator {
  index = 0;
  #sequence: PyList | PyTuple | null;

  constructor(sequence: PyList | PyTuple) {
    super(sequence instanceof PyList ? "list_iterator" : "tuple_iterator", true);
    this.#sequence = sequence;
  }

  override next(): Value | typeof DONE {
    const items = this.#sequence?.items;
    if (items !== undefined && this.index < items.length) return items[this.index++] as Value;
    this.#sequence = null;
    return DONE;
  }
}

/**
 * Iteration over a range whose bounds are safe integers with room for one
 * more step; the interpreter's FOR_ITER reads its fields directly.
 */
export class PyRangeIterator extends PyIterator {
  constructor(public at: number, readonly end: number, readonly by: number) {
    super("range_iterator", true);
  }

  override next(): Value | typeof DONE {
    const item = this.at;
    if (this.by > 0 ? item >= this.end : item <= this.end) return DONE;
    this.at = item + this.by;
    return item;
  }
}

/** What a dict iterator yields of each entry. */
type DictPart = "keys" | "values" | "items";

const ITERATOR_NAMES: { readonly [K in DictPart]: string } = {
  keys: "keyiterator",
  values: "valueiterator",
  items: "itemiterator",
};

/**
 * An iterator over a dict's slots, forward from the first or backward
 * from the last, as CPython's: it holds a slot position, never the
 * entries, so whatever the dict does meanwhile it reads the live table.
 * Once it has ended (or failed for changed keys) it stays ended; a change
 * of size fails every later step.
 */
export class DictIterator extends PyIterator {
  #dict: PyDict | null;
  #size: number;
  #left: number;
  #at: number;

  constructor(dict: PyDict, readonly part: DictPart, readonly backward: boolean) {
    super(`dict_${backward ? "reverse" : ""}${ITERATOR_NAMES[part]}`, true);
    this.#dict = dict;
    this.#size = dict.entries.size;
    this.#left = dict.entries.size;
    this.#at = backward ? dict.table.slots.length - 1 : 0;
  }

  override next(): Value | typeof DONE {
    const dict = this.#dict;
    if (dict === null) return DONE;
    if (dict.entries.size !== this.#size) {
      this.#size = -1;
      return vmError("RuntimeError", "dictionary changed size during iteration");
    }
    const table = dict.table;
    if (!this.backward && this.#left > 0) {
      // Forward onto a live slot (a dict without holes, always): no search for the next one.
      const live = table.slots[this.#at];
      if (live !== null && live !== undefined) {
        this.#at++;
        this.#left--;
        return this.part === "keys"
          ? live.key
          : this.part === "values"
          ? live.value
          : new PyTuple([live.key, live.value]);
      }
    }
    const at = this.backward
      ? (this.#at < 0 ? -1 : table.previousLive(this.#at))
      : table.nextLive(this.#at);
    const entry = at < 0 ? null : table.slots[at] ?? null;
    if (entry === null) {
      this.#dict = null;
      return DONE;
    }
    if (!this.backward && this.#left === 0) {
      this.#dict = null;
      return vmError("RuntimeError", "dictionary keys changed during iteration");
    }
    this.#at = this.backward ? at - 1 : at + 1;
    this.#left--;
    if (this.part === "keys") return entry.key;
    return this.part === "values" ? entry.value : new PyTuple([entry.key, entry.value]);
  }
}

/** Returned by an iterator's `next` when it is exhausted. */
export const DONE: unique symbol = Symbol("done");

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The canonical form of an integer. */
export function canonicalInt(value: bigint): number | bigint {
  return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value;
}

/** The int value of an int or bool (bool acts as int), or null. */
export function asBigInt(value: Value): bigint | null {
  if (typeof value === "number") return BigInt(value);
  if (typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1n : 0n;
  return null;
}

/** Python's type name of a value, as error messages show it. */
export function typeName(value: Value): string {
  if (value === null) return "NoneType";
  switch (typeof value) {
    case "boolean":
      return "bool";
    case "number":
    case "bigint":
      return "int";
    case "string":
      return "str";
  }
  if (value instanceof Uint8Array) return "bytes";
  if (value instanceof PyList) return "list";
  if (value instanceof PyTuple) return "tuple";
  if (value instanceof PyDict) return "dict";
  if (value instanceof PyRange) return "range";
  if (value instanceof PySlice) return "slice";
  if (value instanceof PyDictView) return `dict_${value.kind}`;
  if (value instanceof PySet) return "set";
  return value.typeName;
}

/** Python truthiness. */
export function truthy(value: Value): boolean {
  if (value === null) return false;
  switch (typeof value) {
    case "boolean":
      return value;
    case "number":
      return value !== 0;
    case "bigint":
      return value !== 0n;
    case "string":
      return value.length > 0;
  }
  if (value instanceof Uint8Array) return value.length > 0;
  if (value instanceof PyList || value instanceof PyTuple) return value.items.length > 0;
  if (value instanceof PyDict) return value.entries.size > 0;
  if (value instanceof PyRange) return value.length > 0n;
  if (value instanceof PyDictView) return value.dict.entries.size > 0;
  if (value instanceof PySet) return value.table.used > 0;
  return true;
}

/**
 * The internal key of a dict entry. Ints are their own key (canonical
 * numbers and bigints never collide) and so are bools (as 1 and 0, the key
 * of the equal int); a str is its own key unless it starts with NUL; every
 * other hashable value, and such a str, gets a NUL-led tagged string. Keys
 * are internal: nothing outside a dict sees them.
 */
export type DictKey = number | bigint | string;

const TAG = "\u0000";
const CHUNK = 4096;

/** Text with one char per byte (its char code), built a chunk at a time (never a string per byte). */
export function latin1Text(bytes: Uint8Array): string {
  let text = "";
  for (let at = 0; at < bytes.length; at += CHUNK) {
    text += Reflect.apply(String.fromCharCode, null, bytes.subarray(at, at + CHUNK));
  }
  return text;
}

const SINGLE_BYTE = new TextDecoder("windows-1252");

/** The unit SINGLE_BYTE gives each byte value, read from it once. */
const BYTE_UNITS: Uint16Array = (() => {
  const text = SINGLE_BYTE.decode(Uint8Array.from({ length: 256 }, (_, byte) => byte));
  return Uint16Array.from({ length: 256 }, (_, byte) => text.charCodeAt(byte));
})();

/**
 * The longest bytes byteText writes from BYTE_UNITS itself: a call into
 * the decoder costs more than that loop (about 600 ns against 60 ns for
 * 4 bytes, 800 against 340 for 64).
 */
const SHORT_BYTE_TEXT = 64;

/**
 * Text with one UTF-16 unit per byte, a different unit for each byte value
 * (the WHATWG windows-1252 table, the same everywhere): two texts are equal,
 * or one holds the other, exactly when their bytes are or do. Fast, for
 * keys and searches; not for turning back into bytes. Short bytes are
 * written unit by unit from the decoder's own table, so both ways give
 * the same text.
 */
export function byteText(bytes: Uint8Array): string {
  const length = bytes.length;
  if (length > SHORT_BYTE_TEXT) return SINGLE_BYTE.decode(bytes);
  const units = new Array<number>(length);
  for (let i = 0; i < length; i++) units[i] = BYTE_UNITS[bytes[i] as number] as number;
  return String.fromCharCode(...units);
}

/** Hex digits of an int; a big int's digits are paid before they are written. */
function intText(meter: Meter, value: number | bigint): string {
  if (typeof value === "bigint") payBytes(meter, "key", Math.ceil(bitsOf(value) / 4));
  return value.toString(16);
}

/** The key of a hashable value that is not a tuple. */
function scalarKey(meter: Meter, value: Value): DictKey {
  switch (typeof value) {
    case "number":
      return value;
    case "bigint":
      // Paid by its hex digits: a big int key is found by them once its table gives up on a flood
      // (RUNTIME.md §1.4), and any hash of part of it can be made to collide.
      payBytes(meter, "key", Math.ceil(bitsOf(value) / 4));
      return value;
    case "string":
      if (value.charCodeAt(0) !== 0) return value;
      payBytes(meter, "key", value.length);
      return `${TAG}s${value}`;
    case "boolean":
      return value ? 1 : 0;
  }
  if (value === null) return `${TAG}n`;
  if (value instanceof Uint8Array) {
    payBytes(meter, "key", value.length);
    return `${TAG}b${byteText(value)}`;
  }
  if (value instanceof PyRange) {
    // Equal ranges (the same items) share a key, as CPython hashes them: by length, then the
    // first item, then the step when there are two or more.
    const length = value.length;
    const first = length === 0n ? "" : `,${intText(meter, value.start)}`;
    const step = length < 2n ? "" : `,${intText(meter, value.step)}`;
    return `${TAG}r${intText(meter, canonicalInt(length))}${first}${step}`;
  }
  if (value instanceof PyException) return `${TAG}e${value.serial}`;
  return vmError("TypeError", `unhashable type: '${typeName(value)}'`);
}

/**
 * The dict key of a hashable value; lists and dicts are unhashable
 * (TypeError). A tuple's key is written by a walk with an explicit stack:
 * each item is paid before it is visited, and so are the bytes of the
 * strs, bytes and big ints it holds; a tuple nested deeper than
 * caps.value_depth raises RecursionError. Inside a tuple's key every item
 * is self-delimiting (`s<length>:<text>`, `j` and two UTF-16 units for an
 * int32, `i<hex>;` for another int, `(`...`)` for a nested tuple), so
 * distinct tuples never share a key. A tuple holding no tuple is written
 * in one loop, without the walk's stack.
 */
export function dictKey(meter: Meter, value: Value): DictKey {
  if (!(value instanceof PyTuple)) {
    // A long str is found by a digest of its whole text (./long_texts.ts); a NUL-led one pays its
    // text as any tagged key does, and strs inside a tuple pay theirs as items.
    if (typeof value === "string" && value.length >= LONG_TEXT && value.charCodeAt(0) !== 0) {
      payBytes(meter, "key", value.length);
    }
    return scalarKey(meter, value);
  }
  checkDepth("key", 1);
  payItems(meter, "key", value.items.length);
  const flat = flatTupleKey(meter, value.items);
  if (flat !== null) return flat;
  let text = `${TAG}t`;
  const parts: string[] = [];
  const frames: { readonly items: readonly Value[]; at: number }[] = [{
    items: value.items,
    at: 0,
  }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as { readonly items: readonly Value[]; at: number };
    if (frame.at >= frame.items.length) {
      frames.pop();
      if (frames.length > 0) parts.push(")");
      continue;
    }
    const item = frame.items[frame.at++] as Value;
    if (item instanceof PyTuple) {
      checkDepth("key", frames.length + 1);
      payItems(meter, "key", item.items.length);
      parts.push("(");
      frames.push({ items: item.items, at: 0 });
      continue;
    }
    parts.push(itemKey(meter, item));
    if (parts.length >= CHUNK) text += parts.splice(0).join("");
  }
  return text + parts.join("");
}

/** The key of a tuple whose items hold no tuple (each item paid by dictKey); null otherwise. */
function flatTupleKey(meter: Meter, items: readonly Value[]): string | null {
  if (items.length > CHUNK) return null;
  for (let i = 0; i < items.length; i++) if (items[i] instanceof PyTuple) return null;
  let text = `${TAG}t`;
  for (let i = 0; i < items.length; i++) text += itemKey(meter, items[i] as Value);
  return text;
}

/** A tuple item that is not a tuple, self-delimiting inside its tuple's key; its bytes are paid. */
function itemKey(meter: Meter, item: Value): string {
  if (typeof item === "string") payBytes(meter, "key", item.length);
  const key = scalarKey(meter, item);
  if (typeof key === "string") return `s${key.length}:${key}`;
  // An int32 in two units, without a conversion to digits; a big int's digits were paid as its key.
  if (typeof key === "number" && (key | 0) === key) {
    return String.fromCharCode(0x6a, key & 0xffff, key >>> 16);
  }
  return `i${key.toString(16)};`;
}

/**
 * Appends `items` to `target` in place. A loop, not `push(...items)`: a
 * spread passes every item as a call argument, and large arrays overflow
 * the JS stack.
 */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i] as T);
}

/** Raises when a frozen (module-level) container is mutated. */
export function checkMutable(container: PyList | PyDict | PySet): void {
  if (container.frozen) {
    vmError(
      "FrozenValueError",
      `module-level ${typeName(container)} values are frozen and cannot be modified`,
    );
  }
}
