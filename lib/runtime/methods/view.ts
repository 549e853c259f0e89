/**
 * The methods of the set-like dict views (keys and items): isdisjoint,
 * which looks each element of one side up in the other, iterating the
 * side CPython iterates (the other operand, unless it is a bigger view).
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { isSetView } from "../compare.ts";
import { iterate } from "../iterate.ts";
import { contains } from "../ops.ts";
import { DONE, type PyDictView, type Value } from "../values.ts";
import type { Method } from "./common.ts";

/** view.isdisjoint(other): True when no element of `other` is in the view; paid per element. */
const isdisjoint: Method<PyDictView> = (m, self, args) => {
  const other = args[0] ?? null;
  if (other === self) return self.dict.entries.size === 0;
  const [drawn, within] = isSetView(other) && other.dict.entries.size > self.dict.entries.size
    ? [self, other]
    : [other, self];
  const elements = iterate(drawn);
  for (let item = elements.next(); item !== DONE; item = elements.next()) {
    m.units(1);
    if (contains(m, within, item as Value)) return false;
  }
  return true;
};

/** The methods of dict_keys. */
export const KEYS_METHODS: { readonly [K in MethodNames["dict_keys"]]: Method<PyDictView> } = {
  isdisjoint,
};

/** The methods of dict_items. */
export const ITEMS_METHODS: { readonly [K in MethodNames["dict_items"]]: Method<PyDictView> } = {
  isdisjoint,
};
