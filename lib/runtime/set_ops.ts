/**
 * The set operators: `a - b`, `a & b`, `a | b` and `a ^ b` where an
 * operand is a keys or items view or a set, and their in-place forms on a
 * set, as
 * CPython 3.11 computes them (spec/LANGUAGE.md §7.9): the same elements,
 * the same TypeErrors (an operand that is not iterable, an element that is
 * unhashable), and the same iteration order of the result, because each
 * step below adds, removes and rebuilds in the order CPython's dict-view
 * and set functions do. Every element looked at is paid as a dict key
 * walk node before it is hashed; the table pays its own probes.
 */

import { equals, isSetView } from "./compare.ts";
import { iterate } from "./iterate.ts";
import type { Meter } from "./ops.ts";
import { contains } from "./ops.ts";
import { pyHash } from "./py_hash.ts";
import { SetTable } from "./set_table.ts";
import {
  checkMutable,
  type DictEntry,
  dictKey,
  DONE,
  PyDict,
  PyDictView,
  PySet,
  PyTuple,
  type Value,
} from "./values.ts";
import { payItems } from "./walk.ts";

/** Draws every element of an iterable, paying each before `visit` sees it. */
function each(meter: Meter, iterable: Value, visit: (item: Value) => void): void {
  const elements = iterate(iterable);
  for (let item = elements.next(); item !== DONE; item = elements.next()) {
    payItems(meter, "key", 1);
    visit(item);
  }
}

/** Adds a value (hashing it; TypeError when it is unhashable). */
function addValue(meter: Meter, table: SetTable, value: Value): void {
  const key = dictKey(meter, value);
  if (!table.byKey.has(key)) table.add(meter, value, key, pyHash(meter, value));
}

/** set_merge: adds every element of another set (copying its layout when this one is empty). */
function merge(meter: Meter, table: SetTable, other: SetTable): void {
  if (other === table || other.used === 0) return;
  payItems(meter, "key", other.used);
  if ((table.fill + other.used) * 5 >= table.mask * 3) {
    table.resize(meter, (table.used + other.used) * 2);
  }
  if (table.fill === 0) {
    table.fillFrom(meter, other);
    return;
  }
  for (const member of other.settle(meter)) {
    table.add(meter, member.value, member.key, member.hash);
  }
}

/** set_update_internal: adds every element of an iterable (a dict's keys, presized). */
function update(meter: Meter, table: SetTable, other: Value): void {
  if (other instanceof PySet) return merge(meter, table, other.table);
  if (other instanceof PyDict) {
    const size = other.entries.size;
    if ((table.fill + size) * 5 >= table.mask * 3) table.resize(meter, (table.used + size) * 2);
    for (const entry of other.ordered()) {
      payItems(meter, "key", 1);
      if (!table.byKey.has(entry.dk)) {
        table.add(meter, entry.key, entry.dk, pyHash(meter, entry.key));
      }
    }
    return;
  }
  each(meter, other, (item) => addValue(meter, table, item));
}

/** `set(iterable)`. */
function setOf(meter: Meter, iterable: Value): SetTable {
  const table = new SetTable();
  update(meter, table, iterable);
  return table;
}

/** set_difference_update: removes the elements of an iterable, then rebuilds when a quarter is dummies. */
function differenceUpdate(meter: Meter, table: SetTable, other: Value): void {
  if (other instanceof PySet && other.table === table) {
    table.adopt(new SetTable());
    return;
  }
  if (other instanceof PySet) {
    payItems(meter, "key", other.table.used);
    for (const member of other.table.settle(meter)) table.discard(member.key);
  } else {
    each(meter, other, (item) => table.discard(dictKey(meter, item)));
  }
  if (table.fill - table.used <= Math.floor(table.mask / 4)) return;
  table.resize(meter, table.used > 50000 ? table.used * 2 : table.used * 4);
}

/** set_symmetric_difference_update: each element of `other` removed when present, else added. */
function symmetricUpdate(meter: Meter, table: SetTable, other: Value): void {
  if (other instanceof PySet && other.table === table) {
    table.adopt(new SetTable());
    return;
  }
  if (other instanceof PyDict) {
    for (const entry of other.ordered()) {
      payItems(meter, "key", 1);
      if (!table.discard(entry.dk)) table.add(meter, entry.key, entry.dk, pyHash(meter, entry.key));
    }
    return;
  }
  const others = other instanceof PySet ? other.table : setOf(meter, other);
  payItems(meter, "key", others.used);
  for (const member of others.settle(meter)) {
    if (!table.discard(member.key)) table.add(meter, member.value, member.key, member.hash);
  }
}

/** set_intersection: the elements of `other` (the smaller set, or any iterable) that `table` holds. */
function intersection(meter: Meter, table: SetTable, other: Value): SetTable {
  const result = new SetTable();
  if (other instanceof PySet) {
    const [within, drawn] = other.table.used > table.used
      ? [other.table, table]
      : [table, other.table];
    payItems(meter, "key", drawn.used);
    for (const member of drawn.settle(meter)) {
      if (within.byKey.has(member.key)) result.add(meter, member.value, member.key, member.hash);
    }
    return result;
  }
  each(meter, other, (item) => {
    const key = dictKey(meter, item);
    if (table.byKey.has(key) && !result.byKey.has(key)) {
      result.add(meter, item, key, pyHash(meter, item));
    }
  });
  return result;
}

/** set_difference of two sets: a copy then removal when `a` is much larger, else a filtered build. */
function difference(meter: Meter, a: SetTable, b: SetTable): SetTable {
  if (a.used >> 2 > b.used) {
    const copy = new SetTable();
    merge(meter, copy, a);
    differenceUpdate(meter, copy, setValue(b));
    return copy;
  }
  const result = new SetTable();
  payItems(meter, "key", a.used);
  for (const member of a.settle(meter)) {
    if (!b.byKey.has(member.key)) result.add(meter, member.value, member.key, member.hash);
  }
  return result;
}

function setValue(table: SetTable): PySet {
  const set = new PySet();
  set.table.adopt(table);
  return set;
}

/** dictviews_to_set: a keys view is read through its dict (presized), anything else iterated. */
function viewToSet(meter: Meter, operand: Value): SetTable {
  if (operand instanceof PyDictView && operand.kind === "keys") return setOf(meter, operand.dict);
  return setOf(meter, operand);
}

/** _PyDictView_Intersect: the elements of the smaller side found in the view. */
function viewIntersect(meter: Meter, a: Value, b: Value): SetTable {
  let view = isSetView(a) ? a : b as PyDictView;
  let other = view === a ? b : a;
  if (other instanceof PySet && view.dict.entries.size <= other.table.used) {
    return intersection(meter, other.table, view);
  }
  if (isSetView(other) && other.dict.entries.size > view.dict.entries.size) {
    [view, other] = [other, view];
  }
  const result = new SetTable();
  each(meter, other, (item) => {
    if (contains(meter, view, item)) addValue(meter, result, item);
  });
  return result;
}

/** dictitems_xor: the pairs of either items view whose key is not paired with an equal value in the other. */
function itemsXor(meter: Meter, a: PyDictView, b: PyDictView): SetTable {
  // a's entries paired with an equal value in b (a's order is walked again at the end).
  const paired = new Set<DictEntry>();
  const result = new SetTable();
  for (const entry of b.dict.ordered()) {
    payItems(meter, "key", 1);
    const mine = a.dict.entries.get(entry.dk);
    if (mine !== undefined && equals(meter, mine.value, entry.value)) paired.add(mine);
    else addValue(meter, result, new PyTuple([entry.key, entry.value]));
  }
  for (const entry of a.dict.ordered()) {
    if (paired.has(entry)) continue;
    payItems(meter, "key", 1);
    addValue(meter, result, new PyTuple([entry.key, entry.value]));
  }
  return result;
}

/** `a op b` of two sets (set_sub, set_and, set_or, set_xor). */
function setsOperator(meter: Meter, op: string, a: SetTable, b: SetTable): SetTable {
  if (op === "-") return difference(meter, a, b);
  if (op === "&") return a === b ? copyOf(meter, a) : intersection(meter, a, setValue(b));
  if (op === "|") {
    const result = copyOf(meter, a);
    merge(meter, result, b);
    return result;
  }
  const result = copyOf(meter, b);
  symmetricUpdate(meter, result, setValue(a));
  return result;
}

function copyOf(meter: Meter, table: SetTable): SetTable {
  const copy = new SetTable();
  merge(meter, copy, table);
  return copy;
}

/** `a op b` where an operand is a keys or items view (dictviews_sub, _and, _or, _xor). */
function viewsOperator(meter: Meter, op: string, a: Value, b: Value): SetTable {
  if (op === "&") return viewIntersect(meter, a, b);
  if (op === "^" && isSetView(a) && isSetView(b) && a.kind === "items" && b.kind === "items") {
    return itemsXor(meter, a, b);
  }
  const result = viewToSet(meter, a);
  if (op === "-") differenceUpdate(meter, result, b);
  else if (op === "|") update(meter, result, b);
  else symmetricUpdate(meter, result, b);
  return result;
}

/**
 * `a op b` (`op` one of `-`, `&`, `|`, `^`) when either operand is a set
 * or a keys or items view, as a settled set; null when neither is, or
 * when a set meets an operand CPython's set operators refuse (the caller
 * raises its TypeError).
 */
export function setOperator(meter: Meter, op: string, a: Value, b: Value): PySet | null {
  let table: SetTable;
  if (a instanceof PySet && b instanceof PySet) table = setsOperator(meter, op, a.table, b.table);
  else if (isSetView(a) || isSetView(b)) table = viewsOperator(meter, op, a, b);
  else return null;
  table.settle(meter);
  return setValue(table);
}

/**
 * `s op= t` for a set `s` and a set `t` (set_ior, set_iand, set_isub,
 * set_ixor): `s` changes in place; null for any other `t` (the caller
 * falls back to `s = s op t`, as CPython does).
 */
export function setInPlace(meter: Meter, op: string, target: PySet, other: Value): PySet | null {
  if (!(other instanceof PySet)) return null;
  checkMutable(target);
  const table = target.table;
  if (op === "|") merge(meter, table, other.table);
  else if (op === "&") {
    table.adopt(other.table === table ? copyOf(meter, table) : intersection(meter, table, other));
  } else if (op === "-") differenceUpdate(meter, table, other);
  else symmetricUpdate(meter, table, other);
  table.settle(meter);
  return target;
}
