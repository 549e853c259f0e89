/**
 * CPython 3.11's dict table, as far as a contract can observe it: the
 * slots an iterator walks by position (a deleted entry leaves a hole
 * until the table is rebuilt, a new entry takes the next slot), how many
 * new entries fit before the table is rebuilt, and when it is rebuilt
 * (compacted, which moves every entry after a hole to a lower slot). A
 * dict iterated while it is mutated then yields, skips and fails exactly
 * where CPython's does (spec/RUNTIME.md §1). The dict's index
 * (./dict_index.ts) finds entries by key, through their slots; this table
 * only places them. Every write to a dict goes through the functions
 * below, which keep the index in step with the slots and hold the
 * container_length cap.
 *
 * Owns no gas: an insertion, deletion or step is O(1) amortised (holes are
 * skipped through path-compressed links, never one by one per iterator),
 * and a rebuild is paid by the insertions that filled the table since the
 * last one. Never imports values.ts at run time (values.ts builds tables).
 */

import { CAPS } from "../compile/opcodes.ts";
import { limitExceeded } from "./failure.ts";
import { UNHASHED } from "./key_hash.ts";
import type { DictEntry, DictKey, PyDict, Value } from "./values.ts";

/** log2 of the smallest table (8 slots, 5 usable). */
const LOG_MINSIZE = 3;
const MINSIZE = 1 << LOG_MINSIZE;
/** A literal or copy is presized to at most 2^17 slots. */
const LOG_MAX_PRESIZE = 17;

/** How many entries a table of `size` slots holds before it is rebuilt (two thirds). */
function usableFraction(size: number): number {
  return Math.floor((size * 2) / 3);
}

/** CPython's log2 table size for `minsize` slots (its bit formula, which rounds 1–7 up to 16). */
function log2Size(minsize: number): number {
  return 32 - Math.clz32(((minsize | MINSIZE) - 1) | (MINSIZE - 1));
}

/** The log2 size that holds `count` entries without a rebuild. */
function log2Presize(count: number): number {
  return log2Size(Math.floor((count * 3 + 1) / 2));
}

/** The slot layout of one dict. */
export class DictTable {
  /** log2 of the slot count; 0 for the shared empty table (never filled, or cleared). */
  logSize = 0;
  /** New entries that fit before a rebuild. */
  usable = 0;
  /** Whether every key is a str (a non-str key forces a rebuild into a general table). */
  unicode = true;
  /** The entries by slot, null where one was deleted (made as KeyMap makes its arrays: see there). */
  slots: (DictEntry | null)[] = new Array<DictEntry | null>();
  /** For a hole, a later slot to look at (path-compressed towards the next live slot). */
  #after: number[] = [];
  /** For a hole, an earlier slot to look at (towards the previous live slot). */
  #before: number[] = [];

  /** The first live slot at or after `at`, or `slots.length` when there is none. */
  nextLive(at: number): number {
    const { slots } = this;
    let i = at;
    while (i < slots.length && slots[i] === null) {
      const next = this.#after[i] ?? slots.length;
      if (next < slots.length && slots[next] === null) this.#after[i] = this.#after[next] ?? next;
      i = next;
    }
    return i;
  }

  /** The last live slot at or before `at`, or -1 when there is none. */
  previousLive(at: number): number {
    const { slots } = this;
    let i = Math.min(at, slots.length - 1);
    while (i >= 0 && slots[i] === null) {
      const previous = this.#before[i] ?? -1;
      if (previous >= 0 && slots[previous] === null) {
        this.#before[i] = this.#before[previous] ?? previous;
      }
      i = previous;
    }
    return i;
  }

  /** Appends an entry in the next slot. */
  append(entry: DictEntry): void {
    entry.slot = this.slots.length;
    this.slots.push(entry);
    this.usable--;
  }

  /** Turns an entry's slot into a hole (the links are kept only as far as the last hole). */
  remove(entry: DictEntry): void {
    const slot = entry.slot;
    this.slots[slot] = null;
    while (this.#after.length <= slot) {
      this.#after.push(0);
      this.#before.push(0);
    }
    this.#after[slot] = slot + 1;
    this.#before[slot] = slot - 1;
  }

  /**
   * A fresh table of 2^logSize slots holding `live` (taken, not copied) in
   * order; `live` may be this table's own slots when it has no hole, whose
   * entries then keep their slots.
   */
  reset(logSize: number, unicode: boolean, live: DictEntry[]): void {
    this.logSize = logSize;
    this.unicode = unicode;
    this.usable = usableFraction(2 ** logSize) - live.length;
    const renumber = live !== this.slots;
    this.slots = live;
    this.#after = [];
    this.#before = [];
    if (!renumber) return;
    for (let slot = 0; slot < live.length; slot++) (live[slot] as DictEntry).slot = slot;
  }

  /** The shared empty table (a cleared dict). */
  empty(): void {
    this.reset(0, true, []);
  }

  /** This table's layout with `slots`, the copies of its entries slot for slot (holes kept). */
  cloneInto(target: DictTable, slots: (DictEntry | null)[]): void {
    target.logSize = this.logSize;
    target.unicode = this.unicode;
    target.usable = this.usable;
    target.slots = slots;
    target.#after = [...this.#after];
    target.#before = [...this.#before];
  }
}

/** Rebuilds `dict`'s table for its current entries at `logSize` (a general table stays general). */
function rebuild(dict: PyDict, logSize: number, unicode: boolean): void {
  const table = dict.table;
  // Without holes the slots already hold the live entries in order (the dict's Map order).
  const live = table.slots.length === dict.entries.size
    ? table.slots as DictEntry[]
    : [...dict.ordered()];
  const renumbered = live !== table.slots;
  table.reset(logSize, unicode && table.unicode, live);
  dict.entries.tableRebuilt(renumbered);
}

/** The rebuild before an insertion that does not fit: three slots per entry held. */
function grow(dict: PyDict, unicode: boolean): void {
  rebuild(dict, log2Size(dict.entries.size * 3), unicode);
}

/**
 * `dict[key] = value` for a key whose dict key is `dk`: the value is
 * replaced when the key is there (the first key inserted is kept), else a
 * new entry takes the next slot, after the rebuilds CPython does first.
 */
export function setEntry(dict: PyDict, dk: DictKey, key: Value, value: Value): void {
  if (dict.entries.setInPlace(dk, key, value)) return;
  const table = dict.table;
  if (table.logSize === 0) {
    // The shared empty table holds nothing: the first entry gets a table of its own.
    table.reset(LOG_MINSIZE, typeof key === "string", []);
    dict.entries.tableRebuilt(true);
  } else if (table.unicode && typeof key !== "string") {
    grow(dict, false);
  }
  const existing = dict.entries.getForWrite(dk);
  if (existing !== undefined) {
    existing.value = value;
    return;
  }
  if (dict.entries.size >= CAPS.container_length) {
    limitExceeded("container_length", "dict is too large");
  }
  if (table.usable <= 0) grow(dict, true);
  const entry: DictEntry = { key, dk, value, slot: 0, hash: UNHASHED };
  table.append(entry);
  dict.entries.addAbsent(dk, entry);
}

/** Deletes the entry of `dk`, leaving a hole in its slot; the entry, or undefined when absent. */
export function deleteEntry(dict: PyDict, dk: DictKey): DictEntry | undefined {
  const entry = dict.entries.getForWrite(dk);
  if (entry === undefined) return undefined;
  dict.entries.delete(dk);
  dict.table.remove(entry);
  return entry;
}

/** dict.clear(): back to the shared empty table. */
export function clearEntries(dict: PyDict): void {
  dict.entries.clear();
  dict.table.empty();
}

/** A dict literal or keyword dict of `count` pairs starts presized (small ones start empty). */
export function presize(dict: PyDict, count: number, unicode: boolean): void {
  if (count <= usableFraction(MINSIZE)) return;
  const logSize = count > usableFraction(2 ** LOG_MAX_PRESIZE)
    ? LOG_MAX_PRESIZE
    : log2Presize(count);
  dict.table.reset(logSize, unicode, []);
  dict.entries.tableRebuilt(true);
}

/** Copies `source`'s entries and table into the empty `target` (CPython's clone of a table). */
function cloneTable(target: PyDict, source: PyDict): void {
  const slots = source.table.slots.map((entry): DictEntry | null =>
    entry === null
      ? null
      : { key: entry.key, dk: entry.dk, value: entry.value, slot: entry.slot, hash: entry.hash }
  );
  source.table.cloneInto(target.table, slots);
  // In the source's form: setting each key again would make crafted keys flood the copy anew.
  target.entries.cloneFrom(source.entries, slots);
}

/**
 * `target.update(source)` for a dict source: an empty target takes a
 * clone of a compact source's table; otherwise the target is first
 * rebuilt once when the source would not fit its size, then each entry
 * is set in the source's order.
 */
export function mergeEntries(target: PyDict, source: PyDict): void {
  if (source === target || source.entries.size === 0) return;
  const other = source.table;
  if (target.entries.size === 0) {
    const compact = other.slots.length === source.entries.size;
    const fresh = other.logSize === LOG_MINSIZE ||
      usableFraction(2 ** other.logSize / 2) < source.entries.size;
    if (compact && fresh) {
      cloneTable(target, source);
      return;
    }
  }
  if (usableFraction(2 ** target.table.logSize) < source.entries.size) {
    const wanted = log2Presize(target.entries.size + source.entries.size);
    rebuild(target, wanted, other.unicode);
  }
  for (const entry of source.ordered()) setEntry(target, entry.dk, entry.key, entry.value);
}

/**
 * dict.copy() into the empty `target`: a clone of the table, holes and
 * all, when at most a third of its slots are holes; else a compact merge.
 */
export function copyEntries(target: PyDict, source: PyDict): void {
  if (source.entries.size === 0) return;
  if (source.entries.size >= Math.floor((source.table.slots.length * 2) / 3)) {
    cloneTable(target, source);
  } else {
    mergeEntries(target, source);
  }
}
