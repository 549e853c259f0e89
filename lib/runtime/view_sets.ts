/**
 * The set operators on dict views: `a - b`, `a & b`, `a | b` and `a ^ b`
 * where one operand is a keys or items view. CPython answers them with a
 * set, and contracts have no set type (spec/LANGUAGE.md §7), so they raise
 * NotImplementedError; but first they raise every TypeError CPython raises
 * on the way to its set (an operand that is not iterable, an element it
 * must hash that is unhashable), looking at the elements CPython looks at,
 * so a program CPython refuses fails here the same way. Each element
 * looked at is paid as a dict key walk node, before it is hashed.
 */

import { equals, isSetView } from "./compare.ts";
import { vmError } from "./failure.ts";
import { iterate } from "./iterate.ts";
import type { Meter } from "./ops.ts";
import { contains } from "./ops.ts";
import { type DictKey, dictKey, DONE, PyDict, PyDictView, PyTuple, type Value } from "./values.ts";
import { payItems } from "./walk.ts";

/** Draws every element of an iterable, paying each before `visit` sees it. */
function each(meter: Meter, iterable: Value, visit: (item: Value) => void): void {
  const elements = iterate(iterable);
  for (let item = elements.next(); item !== DONE; item = elements.next()) {
    payItems(meter, "key", 1);
    visit(item);
  }
}

/** Hashes what `set(operand)` hashes: a dict or keys view gives keys already hashed. */
function hashAsSet(meter: Meter, operand: Value): void {
  if (operand instanceof PyDict || (operand instanceof PyDictView && operand.kind === "keys")) {
    return;
  }
  each(meter, operand, (item) => dictKey(meter, item));
}

/** `view & other`: each element of the smaller side looked up in the larger, kept ones hashed. */
function intersect(meter: Meter, view: PyDictView, other: Value): void {
  const [within, drawn] = isSetView(other) && other.dict.entries.size > view.dict.entries.size
    ? [other, view]
    : [view, other];
  each(meter, drawn, (item) => {
    if (contains(meter, within, item)) dictKey(meter, item);
  });
}

/** `a ^ b` of two items views: the pairs that are not in both, hashed. */
function itemsDifference(meter: Meter, a: PyDictView, b: PyDictView): void {
  const matched = new Set<DictKey>();
  for (const [dk, entry] of b.dict.entries) {
    payItems(meter, "key", 1);
    const mine = a.dict.entries.get(dk);
    if (mine !== undefined && equals(meter, mine.value, entry.value)) matched.add(dk);
    else dictKey(meter, new PyTuple([entry.key, entry.value]));
  }
  for (const [dk, entry] of a.dict.entries) {
    payItems(meter, "key", 1);
    if (!matched.has(dk)) dictKey(meter, new PyTuple([entry.key, entry.value]));
  }
}

/**
 * Refuses `a op b` when either operand is a keys or items view (`op` one
 * of `-`, `&`, `|`, `^`): TypeError where CPython raises it, else
 * NotImplementedError. Returns when neither operand is such a view.
 */
export function refuseViewSet(meter: Meter, op: string, a: Value, b: Value): void {
  const view = isSetView(a) ? a : isSetView(b) ? b : null;
  if (view === null) return;
  if (op === "&") intersect(meter, view, view === a ? b : a);
  else if (op === "^" && isSetView(a) && isSetView(b) && a.kind === "items" && b.kind === "items") {
    itemsDifference(meter, a, b);
  } else {
    hashAsSet(meter, a);
    hashAsSet(meter, b);
  }
  vmError(
    "NotImplementedError",
    `'${op}' of dict views makes a set, and contracts have no set type`,
  );
}
