/**
 * The methods of dict. Keys are compared as Python compares them (dictKey:
 * True and 1 are one key); mutating methods respect frozen module-level
 * dicts.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import {
  clearEntries,
  copyEntries,
  deleteEntry,
  mergeEntries,
  presize,
  setEntry,
} from "../dict_table.ts";
import { vmError } from "../failure.ts";
import { keyError } from "../exceptions.ts";
import { iterate } from "../iterate.ts";
import { iterableItems, type Meter } from "../ops.ts";
import {
  checkMutable,
  dictKey,
  DONE,
  PyDict,
  PyDictView,
  PyIterator,
  PyList,
  PyRange,
  PyTuple,
  type Value,
} from "../values.ts";
import type { Method } from "./common.ts";

/** Whether a value can be iterated (what dict()'s and update()'s elements must be). */
function isIterable(value: Value): boolean {
  return typeof value === "string" || value instanceof Uint8Array || value instanceof PyList ||
    value instanceof PyTuple || value instanceof PyDict || value instanceof PyRange ||
    value instanceof PyDictView || value instanceof PyIterator;
}

/**
 * Element `index` of dict()'s or update()'s iterable as a (key, value)
 * pair. A list, tuple, str or bytes element is read in place (its length
 * is known at once, so nothing unpaid is copied); any other iterable is
 * drawn through `pay`. TypeError when it is not iterable, ValueError
 * unless it has exactly two items, worded as CPython words them.
 */
export function dictPair(item: Value, index: number, pay: (items: number) => void): [Value, Value] {
  if (!isIterable(item)) {
    vmError(
      "TypeError",
      `cannot convert dictionary update sequence element #${index} to a sequence`,
    );
  }
  // A long str or bytes is refused by its length alone (a str of more than 4 UTF-16 units has
  // more than 2 code points); short ones and other iterables are read item by item.
  const long = (typeof item === "string" && item.length > 4) ||
    (item instanceof Uint8Array && item.length !== 2);
  const pair = long
    ? null
    : item instanceof PyList || item instanceof PyTuple
    ? item.items
    : iterableItems(item, "dict update", pay);
  if (pair === null || pair.length !== 2) {
    const length = pair?.length ??
      (typeof item === "string" || item instanceof Uint8Array ? item.length : 0);
    vmError(
      "ValueError",
      `dictionary update sequence element #${index} has length ${length}; 2 is required`,
    );
  }
  return [pair[0] as Value, pair[1] as Value];
}

/**
 * `dict.update(source)`, `dict |= source` and `dict(source)`: a dict
 * source is merged; any other iterable yields (key, value) pairs, each
 * set as it is drawn (an error midway leaves the pairs before it set, and
 * a dict mutated by its own update fails as CPython's does). Each pair is
 * paid through `pay` before it is set.
 */
export function updateFrom(
  meter: Meter,
  dict: PyDict,
  source: Value,
  pay: (items: number) => void,
): void {
  if (source instanceof PyDict) {
    pay(source.entries.size);
    mergeEntries(dict, source);
    return;
  }
  if (source instanceof PyList || source instanceof PyTuple) {
    // Setting a pair runs no contract code, so the items cannot change meanwhile: paid at once.
    const items = source.items;
    pay(items.length);
    for (let index = 0; index < items.length; index++) {
      const [key, value] = dictPair(items[index] ?? null, index, pay);
      setEntry(dict, dictKey(meter, key), key, value);
    }
    return;
  }
  const pairs = iterate(source);
  for (let index = 0;; index++) {
    const item = pairs.next();
    if (item === DONE) return;
    pay(1);
    const [key, value] = dictPair(item, index, pay);
    setEntry(dict, dictKey(meter, key), key, value);
  }
}

/** The methods of dict. */
export const DICT_METHODS: { readonly [K in MethodNames["dict"]]: Method<PyDict> } = {
  get: (m, self, args) => {
    const entry = self.entries.get(dictKey(m, args[0] ?? null));
    return entry === undefined ? args[1] ?? null : entry.value;
  },
  keys: (_m, self) => new PyDictView(self, "keys"),
  values: (_m, self) => new PyDictView(self, "values"),
  items: (_m, self) => new PyDictView(self, "items"),
  pop: (m, self, args) => {
    checkMutable(self);
    const fallback = args[1];
    // An empty dict answers before the key is hashed, as CPython's does.
    const entry = self.entries.size === 0
      ? undefined
      : deleteEntry(self, dictKey(m, args[0] ?? null));
    if (entry !== undefined) return entry.value;
    if (fallback !== undefined) return fallback;
    return keyError(m, args[0] ?? null);
  },
  setdefault: (m, self, args) => {
    const key = args[0] ?? null;
    const dk = dictKey(m, key);
    const entry = self.entries.get(dk);
    if (entry !== undefined) return entry.value;
    checkMutable(self);
    const value = args[1] ?? null;
    setEntry(self, dk, key, value);
    return value;
  },
  update: (m, self, args, keywords) => {
    checkMutable(self);
    const pay = (count: number) => m.units(count);
    const source = args[0];
    if (source !== undefined) updateFrom(m, self, source, pay);
    if (keywords.size === 0) return null;
    // CPython gathers the keyword arguments into a dict of their own (str keys), then merges it.
    pay(keywords.size);
    const named = new PyDict();
    presize(named, keywords.size, true);
    for (const [key, value] of keywords) setEntry(named, dictKey(m, key), key, value);
    mergeEntries(self, named);
    return null;
  },
  copy: (m, self) => {
    m.units(self.entries.size);
    const copy = new PyDict();
    copyEntries(copy, self);
    return copy;
  },
  clear: (_m, self) => {
    checkMutable(self);
    clearEntries(self);
    return null;
  },
};
