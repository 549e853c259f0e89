/**
 * The methods of range (index, count), exact at any size: an int (or
 * bool) is found by arithmetic, never by stepping through the range.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { rangeCount, rangeIndex } from "../range.ts";
import { repr } from "../repr.ts";
import type { PyRange } from "../values.ts";
import type { Method } from "./common.ts";

/** The methods of range. */
export const RANGE_METHODS: { readonly [K in MethodNames["range"]]: Method<PyRange> } = {
  index: (m, self, args) => {
    const value = args[0] ?? null;
    return rangeIndex(self, value, () => repr(m, value));
  },
  count: (_m, self, args) => rangeCount(self, args[0] ?? null),
};
