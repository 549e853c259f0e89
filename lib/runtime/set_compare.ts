/**
 * Comparisons where a set meets a set or a keys or items view
 * (spec/LANGUAGE.md §7.9), as CPython 3.11 decides them: two sets by
 * set_richcompare, a set and a view by the view's comparison (CPython
 * reflects `set op view` to `view op' set`), each "is every element of
 * one in the other" drawn from the side CPython iterates, with `in` as
 * that side's container answers it (TypeError for an unhashable element).
 * Each element looked up is paid by the lookup, as `in` pays it.
 */

import { isSetView } from "./compare.ts";
import { iterate } from "./iterate.ts";
import type { Meter } from "./ops.ts";
import { contains } from "./ops.ts";
import { DONE, type PyDictView, PySet, type Value } from "./values.ts";
import { payItems } from "./walk.ts";

/** A set or a keys or items view. */
type SetLike = PySet | PyDictView;

function isSetLike(value: Value): value is SetLike {
  return value instanceof PySet || isSetView(value);
}

function sizeOf(value: SetLike): number {
  return value instanceof PySet ? value.table.used : value.dict.entries.size;
}

/** Whether every element of `of` (in its iteration order) is `in` `within`. */
function allContainedIn(meter: Meter, of: SetLike, within: SetLike): boolean {
  const elements = iterate(of);
  for (let item = elements.next(); item !== DONE; item = elements.next()) {
    payItems(meter, "compare", 1);
    if (!contains(meter, within, item)) return false;
  }
  return true;
}

/** The operator with its operands swapped (`a < b` is `b > a`). */
const REFLECTED: { readonly [op: string]: string } = {
  "==": "==",
  "<": ">",
  "<=": ">=",
  ">": "<",
  ">=": "<=",
};

/** `self op other` where self is a view or a set: by sizes, then containment one way. */
function containment(meter: Meter, op: string, self: SetLike, other: SetLike): boolean {
  const [a, b] = [sizeOf(self), sizeOf(other)];
  switch (op) {
    case "==":
      return a === b && allContainedIn(meter, self, other);
    case "<":
      return a < b && allContainedIn(meter, self, other);
    case "<=":
      return a <= b && allContainedIn(meter, self, other);
    case ">":
      return a > b && allContainedIn(meter, other, self);
    default:
      return a >= b && allContainedIn(meter, other, self);
  }
}

/**
 * `a op b` (`op` one of `==`, `<`, `<=`, `>`, `>=`) when one operand is a
 * set: the verdict when both are sets or one is a keys or items view,
 * null when CPython finds no comparison (`==` then compares identity,
 * orderings raise TypeError).
 */
export function setCompare(meter: Meter, op: string, a: Value, b: Value): boolean | null {
  if (!isSetLike(a) || !isSetLike(b)) return null;
  if (a instanceof PySet && b instanceof PySet) return containment(meter, op, a, b);
  return isSetView(a)
    ? containment(meter, op, a, b)
    : containment(meter, REFLECTED[op] ?? op, b, a);
}
