/**
 * CPython 3.11's set table, as far as a contract can observe it: which
 * slot each element lands in, and so the order a set iterates in (slot
 * order). Slots are probed as CPython probes them (nine linear probes,
 * then a jump perturbed by the hash's high bits), a removed element
 * leaves a dummy that a later element probing past it may take, and the
 * table is rebuilt when three fifths of it are taken (active or dummy). The set's
 * Map finds elements by key; this table only places them.
 *
 * Gas: every slot a probe or a scan looks at is paid (the `set_table`
 * walk rate of spec/opcodes_vm_py.yaml) before it is looked at, so
 * colliding hashes and tables left sparse by removals cost what they make
 * the table do. The operations that change a set end by settling it (one
 * paid scan that lists its elements in slot order), so iterating a set
 * never scans slots. Every insertion holds the container_length cap.
 */

import { CAPS, WALKS } from "../compile/opcodes.ts";
import { limitExceeded } from "./failure.ts";
import { KeyMap } from "./key_map.ts";
import type { Meter } from "./ops.ts";
import type { Hash64 } from "./py_hash.ts";
import type { DictKey, Value } from "./values.ts";

/** One element of a set: its value as first inserted, its dict key, its hash and its slot. */
export interface SetMember {
  /** The element as first added. */
  readonly value: Value;
  /** Its dict key (how the set finds it). */
  readonly key: DictKey;
  /** Its CPython hash (where the table places it). */
  readonly hash: Hash64;
  /** The slot it sits in. */
  slot: number;
}

/** What a removed element leaves in its slot. */
const DUMMY = Symbol("dummy");

/** A slot: empty, a dummy, or an element. */
type Slot = SetMember | typeof DUMMY | null;

/** The smallest table (CPython's PySet_MINSIZE). */
const MINSIZE = 8;
/** Slots looked at one after another before a perturbed jump. */
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;

/**
 * Where an element not in the set goes: the first empty slot on `hash`'s
 * probe sequence in `slots`, or the last dummy passed before it (CPython
 * remembers the latest dummy it probes past and reuses it), paying each
 * slot looked at.
 */
function freeSlot(meter: Meter, slots: readonly Slot[], hash: Hash64): number {
  const mask = slots.length - 1;
  let perturbHi = hash.hi;
  let perturbLo = hash.lo;
  let i = hash.lo & mask;
  let dummy = -1;
  for (;;) {
    const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    for (let at = i; at <= i + probes; at++) {
      meter.pay(WALKS.set_table.node, 1);
      const slot = slots[at];
      if (slot === null) return dummy >= 0 ? dummy : at;
      if (slot === DUMMY) dummy = at;
    }
    perturbLo = ((perturbLo >>> PERTURB_SHIFT) | (perturbHi << (32 - PERTURB_SHIFT))) >>> 0;
    perturbHi = perturbHi >>> PERTURB_SHIFT;
    i = (i * 5 + 1 + perturbLo) & mask;
  }
}

/** The elements of one set: found by key, placed in slots. */
export class SetTable {
  /** The slots; the length is a power of two. */
  #slots: Slot[] = new Array<Slot>(MINSIZE).fill(null);
  /** The elements by dict key. */
  byKey: KeyMap<DictKey, SetMember> = new KeyMap<DictKey, SetMember>();
  /** Slots holding an element or a dummy. */
  fill = 0;
  /** The elements in slot order, while the table has not changed since it was settled. */
  #ordered: SetMember[] | null = [];

  /** The number of elements. */
  get used(): number {
    return this.byKey.size;
  }

  /** The slot mask (slot count - 1). */
  get mask(): number {
    return this.#slots.length - 1;
  }

  /** The elements in slot order (the set's iteration order), scanning the slots if they changed. */
  settle(meter: Meter): readonly SetMember[] {
    if (this.#ordered !== null) return this.#ordered;
    meter.pay(WALKS.set_table.node, this.#slots.length);
    const ordered: SetMember[] = [];
    for (const slot of this.#slots) if (slot !== null && slot !== DUMMY) ordered.push(slot);
    this.#ordered = ordered;
    return ordered;
  }

  /** The elements in slot order; the set operation that last changed the table settled it. */
  settled(): readonly SetMember[] {
    if (this.#ordered === null) throw new Error("set table read before it was settled");
    return this.#ordered;
  }

  /**
   * Adds an element as CPython's set_add_entry does (an equal element
   * already there is kept), rebuilding the table when it is full.
   * Returns whether it was new.
   */
  add(meter: Meter, value: Value, key: DictKey, hash: Hash64): boolean {
    if (this.byKey.has(key)) return false;
    if (this.used >= CAPS.container_length) limitExceeded("container_length", "set is too large");
    const member: SetMember = { value, key, hash, slot: freeSlot(meter, this.#slots, hash) };
    this.#ordered = null;
    const reused = this.#slots[member.slot] === DUMMY;
    this.#slots[member.slot] = member;
    this.byKey.set(key, member);
    if (reused) return true;
    this.fill++;
    if (this.fill * 5 >= this.mask * 3) {
      this.resize(meter, this.used > 50000 ? this.used * 2 : this.used * 4);
    }
    return true;
  }

  /** Removes the element with `key`, leaving a dummy in its slot; returns whether there was one. */
  discard(key: DictKey): boolean {
    const member = this.byKey.get(key);
    if (member === undefined) return false;
    this.#ordered = null;
    this.#slots[member.slot] = DUMMY;
    this.byKey.delete(key);
    return true;
  }

  /** Rebuilds into the smallest power-of-two table above `minUsed` slots, re-placing elements in slot order. */
  resize(meter: Meter, minUsed: number): void {
    let size = MINSIZE;
    while (size <= minUsed) size *= 2;
    const old = this.settle(meter);
    meter.pay(WALKS.set_table.node, size);
    this.#ordered = null;
    this.#slots = new Array<Slot>(size).fill(null);
    this.fill = this.used;
    for (const member of old) this.#placeClean(meter, member);
  }

  /** Whether a slot holds a dummy (a removed element). */
  hasDummies(): boolean {
    return this.fill !== this.used;
  }

  /**
   * Fills this empty table with `other`'s elements as CPython's set_merge
   * does into an empty set: slot for slot when both tables are the same
   * size and `other` has no dummies, else re-placed in `other`'s slot order
   * (the caller has sized this table for them).
   */
  fillFrom(meter: Meter, other: SetTable): void {
    const sameLayout = this.#slots.length === other.#slots.length && !other.hasDummies();
    this.#ordered = null;
    for (const member of other.settle(meter)) {
      const copy: SetMember = { ...member };
      this.byKey.set(copy.key, copy);
      if (sameLayout) this.#slots[copy.slot] = copy;
      else this.#placeClean(meter, copy);
    }
    this.fill = this.used;
  }

  /** A copy of this settled table, element for element and slot for slot (paid by the caller's walk). */
  clone(): SetTable {
    const copy = new SetTable();
    copy.#slots = this.#slots.map((slot) => (slot === null || slot === DUMMY ? slot : { ...slot }));
    const ordered: SetMember[] = [];
    for (const member of this.settled()) ordered.push(copy.#slots[member.slot] as SetMember);
    // In this table's form (setting each key again would let crafted keys flood the copy anew).
    copy.byKey.fillMapped(this.byKey, (member) => copy.#slots[member.slot] as SetMember);
    copy.fill = this.fill;
    copy.#ordered = ordered;
    return copy;
  }

  /** Takes `other`'s elements and layout (an in-place operator that built a new table). */
  adopt(other: SetTable): void {
    this.#slots = other.#slots;
    this.byKey = other.byKey;
    this.fill = other.fill;
    this.#ordered = other.#ordered;
  }

  /** Places an element in a table with no dummies and room for it (set_insert_clean). */
  #placeClean(meter: Meter, member: SetMember): void {
    member.slot = freeSlot(meter, this.#slots, member.hash);
    this.#slots[member.slot] = member;
  }
}
