/**
 * The methods of dict. Keys are compared as Python compares them (dictKey:
 * True and 1 are one key); mutating methods respect frozen module-level
 * dicts.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { vmError } from "../failure.ts";
import { iterableItems } from "../ops.ts";
import { repr } from "../repr.ts";
import {
  checkMutable,
  dictKey,
  PyDict,
  PyDictView,
  PyList,
  PyTuple,
  type Value,
} from "../values.ts";
import type { Method } from "./common.ts";

/**
 * One element of dict()'s or update()'s iterable as a (key, value) pair.
 * A list, tuple, str or bytes element is read in place (its length is known
 * at once, so nothing unpaid is copied); any other iterable is drawn
 * through `pay`. ValueError unless it has exactly two items.
 */
export function dictPair(item: Value, index: number, pay: (items: number) => void): [Value, Value] {
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
    const key = dictKey(m, args[0] ?? null);
    const entry = self.entries.get(key);
    if (entry === undefined) {
      const fallback = args[1];
      if (fallback !== undefined) return fallback;
      return vmError("KeyError", repr(m, args[0] ?? null));
    }
    self.entries.delete(key);
    return entry.value;
  },
  setdefault: (m, self, args) => {
    const key = dictKey(m, args[0] ?? null);
    const entry = self.entries.get(key);
    if (entry !== undefined) return entry.value;
    checkMutable(self);
    const value = args[1] ?? null;
    self.entries.set(key, { key: args[0] ?? null, value });
    return value;
  },
  update: (m, self, args, keywords) => {
    checkMutable(self);
    const pairs: [Value, Value][] = [];
    const source = args[0];
    const pay = (count: number) => m.units(count);
    if (source instanceof PyDict) {
      pay(source.entries.size);
      for (const entry of source.entries.values()) pairs.push([entry.key, entry.value]);
    } else if (source !== undefined) {
      iterableItems(source, "update()", pay).forEach((item, index) => {
        pairs.push(dictPair(item, index, pay));
      });
    }
    pay(keywords.size);
    for (const [key, value] of keywords) pairs.push([key, value]);
    for (const [key, value] of pairs) {
      const dk = dictKey(m, key);
      const existing = self.entries.get(dk);
      if (existing !== undefined) existing.value = value;
      else self.entries.set(dk, { key, value });
    }
    return null;
  },
  copy: (m, self) => {
    m.units(self.entries.size);
    const copy = new PyDict();
    for (const [key, entry] of self.entries) copy.entries.set(key, { ...entry });
    return copy;
  },
  clear: (_m, self) => {
    checkMutable(self);
    self.entries.clear();
    return null;
  },
};
