/**
 * The methods of list. Mutating methods respect frozen module-level lists
 * and the container cap.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { CAPS } from "../../compile/opcodes.ts";
import { limitExceeded, vmError } from "../failure.ts";
import { equals, iterableItems } from "../ops.ts";
import { repr } from "../repr.ts";
import { sortValues } from "../sort.ts";
import { checkMutable, pushAll, PyList, type Value } from "../values.ts";
import { clampIndex, itemIndex, ssizeArgument } from "../indices.ts";
import { indexArg, type Method } from "./common.ts";
import { countOf, indexOf } from "./sequence.ts";

/** The methods of list. */
export const LIST_METHODS: { readonly [K in MethodNames["list"]]: Method<PyList> } = {
  append: (_m, self, args) => {
    checkMutable(self);
    if (self.items.length >= CAPS.container_length) {
      limitExceeded("container_length", "list is too long");
    }
    self.items.push(args[0] ?? null);
    return null;
  },
  extend: (m, self, args) => {
    checkMutable(self);
    const items = iterableItems(args[0] ?? null, "extend()", (count) => m.units(count));
    if (self.items.length + items.length > CAPS.container_length) {
      limitExceeded("container_length", "list is too long");
    }
    pushAll(self.items, items);
    return null;
  },
  insert: (m, self, args) => {
    checkMutable(self);
    const at = clampIndex(ssizeArgument(indexArg(args[0])), self.items.length);
    if (self.items.length >= CAPS.container_length) {
      limitExceeded("container_length", "list is too long");
    }
    m.units(self.items.length);
    self.items.splice(at, 0, args[1] ?? null);
    return null;
  },
  pop: (m, self, args) => {
    checkMutable(self);
    const index = args[0] === undefined ? -1n : ssizeArgument(indexArg(args[0]));
    if (self.items.length === 0) vmError("IndexError", "pop from empty list");
    const at = itemIndex(index, self.items.length);
    if (at === null) return vmError("IndexError", "pop index out of range");
    m.units(self.items.length - at);
    // The ends without a removed-items array: the engine moves a shift's items in place.
    if (at === self.items.length - 1) return self.items.pop() as Value;
    if (at === 0) return self.items.shift() as Value;
    return self.items.splice(at, 1)[0] as Value;
  },
  remove: (m, self, args) => {
    checkMutable(self);
    m.units(self.items.length);
    const needle = args[0] ?? null;
    const at = self.items.findIndex((item) => equals(m, item, needle));
    if (at < 0) vmError("ValueError", "list.remove(x): x not in list");
    self.items.splice(at, 1);
    return null;
  },
  index: (m, self, args) =>
    indexOf(m, self.items, args, () => `${repr(m, args[0] ?? null)} is not in list`),
  count: (m, self, args) => countOf(m, self.items, args),
  sort: (m, self, args) => {
    checkMutable(self);
    // As CPython, the list is empty while it is sorted: an item that holds it compares it as [].
    const items = self.items;
    self.items = [];
    try {
      self.items = sortValues(m, items, args[0] ?? null, args[1] === undefined ? false : args[1]);
    } catch (error) {
      self.items = items;
      throw error;
    }
    return null;
  },
  reverse: (m, self) => {
    checkMutable(self);
    m.units(self.items.length);
    self.items.reverse();
    return null;
  },
  copy: (m, self) => {
    m.units(self.items.length);
    return new PyList([...self.items]);
  },
  clear: (_m, self) => {
    checkMutable(self);
    self.items = [];
    return null;
  },
};
