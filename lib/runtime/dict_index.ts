/**
 * Finds a dict's entries by dict key, in CPython's layout: the entries
 * sit in the slots of the dict's table (./dict_table.ts, which places
 * them), and this index maps a key to the slot its entry sits in, so a
 * dict keeps its entries once. Numbers, bigints and short strs are found
 * through a table of slot positions (open addressing, linear probes) on
 * the fixed hash of ./key_hash.ts, or, when every one of those keys is an
 * int from 0 up to below the table's length (the keys of one range, as
 * counters and ids are), through the table indexed by the key itself
 * ("direct": no hash, no probe, no collision), or, while the dict's table
 * has at most 2^SCANNED_LOG slots (10 entries), by scanning those slots, which is
 * cheaper than any hash and allocates nothing. Other strs are found
 * through the engine's seeded Map (and LongTexts), as key_hash.ts says,
 * and so are all keys once the position table gave up on a flood.
 *
 * The positions hold while the table's slots do: dict_table.ts calls
 * {@link DictIndex.tableRebuilt} after every rebuild of the table (which
 * may renumber its slots) and tells this index of every entry it adds or
 * removes (or, for the write dict_table.ts setEntry tries first,
 * {@link DictIndex.setInPlace}, appends a new entry to the table itself
 * when no rebuild is due). The position table is built at four slots per key and again
 * once half full (tombstones included); a direct one, which never
 * probes, only when a key it cannot hold comes (built again, it chooses
 * its form anew: a copy keeps its source's form, so the first such key
 * rebuilds the copy's positions). Owns no gas and changes no
 * result: every form finds the same entries, and order comes from the
 * dict's slots alone.
 */

import {
  EXTRA_PROBES_PER_LOOKUP,
  hashKey,
  mappedMap,
  ownKey,
  PROBE_SLACK,
  taggedKey,
  UNHASHED,
} from "./key_hash.ts";
import { LONG_TEXT, LongTexts } from "./long_texts.ts";
import type { DictTable } from "./dict_table.ts";
import { CAPS } from "../compile/opcodes.ts";
import type { DictEntry, DictKey, Value } from "./values.ts";

/** Dict tables of up to 2^SCANNED_LOG slots are scanned, without a position table. */
const SCANNED_LOG = 4;
/** The fewest slots a position table has. */
const MIN_POSITIONS = 32;
/** The fewest slots a position table has in a typed array (see DictIndex.#positions). */
const TYPED_POSITIONS = 4096;

/**
 * A position table's slot: EMPTY (0, as a fresh typed array holds; a plain
 * one is made without a fill, and its holes read as EMPTY), TOMBSTONE
 * where a key was deleted, else its slot plus one.
 */
const EMPTY = 0;
const TOMBSTONE = -1;

/** What the missed-key cache holds when it holds nothing. */
const NOTHING: unique symbol = Symbol("nothing");

/** The entries of one dict by dict key (see the file header). */
export class DictIndex {
  readonly #table: DictTable;
  /** Strs the position table does not take (see ownKey), under their own text; null until one. */
  #texts: Map<string, DictEntry> | null = null;
  /** The strs the engine hashes by their length alone, once there is one. */
  #long: LongTexts<DictEntry> | null = null;
  /** Once the position table gave up: its keys under tagged strs. */
  #tagged: Map<string, DictEntry> | null = null;
  /**
   * Slot positions in the dict's table, plus one (or EMPTY / TOMBSTONE);
   * null while scanned. A plain array up to {@link TYPED_POSITIONS} slots
   * (Deno keeps a typed array's storage off the JS heap, which cost small
   * dicts a fifth of their time), made without a fill (holes are EMPTY),
   * a typed one from there (it comes zeroed and is read without tag
   * checks, a few percent on large dicts).
   */
  #positions: Int32Array | number[] | null = null;
  /** Whether the position table is indexed by the keys themselves (see the file header). */
  #direct = false;
  /** The position table's slot count less one, kept beside it (a typed array's length is a call away). */
  #mask = 0;
  /** Slots of the position table holding a position or a tombstone. */
  #filled = 0;
  #size = 0;
  #lookups = 0;
  #extraProbes = 0;
  /** The entry the last lookup found (null once anything moved), and its position-table slot. */
  #found: DictEntry | null = null;
  #foundSlot = -1;
  /** The key the last lookup missed (NOTHING once anything changed), where it would go, and its hash. */
  #missed: DictKey | typeof NOTHING = NOTHING;
  #freeSlot = -1;
  #missedHash = 0;

  /** The index of the entries `table` places. */
  constructor(table: DictTable) {
    this.#table = table;
  }

  /** The number of entries. */
  get size(): number {
    return this.#size;
  }

  /** Whether the position table is indexed by the keys themselves (for tests). */
  get direct(): boolean {
    return this.#direct;
  }

  /** Whether the position table was given up for Maps under tagged strs (a flood). */
  get flooded(): boolean {
    return this.#tagged !== null;
  }

  /** The entry of `key`, or undefined. */
  get(key: DictKey): DictEntry | undefined {
    if (this.#direct && isDirectKey(key, this.#mask)) {
      // One read, as #setDirect: no lookup cache (a later write reads the slot again).
      const at = (this.#positions as Int32Array | number[])[key] ?? EMPTY;
      return at === EMPTY ? undefined : this.#table.slots[at - 1] as DictEntry;
    }
    if (!ownKey(key, this.#tagged !== null)) return this.#textEntry(key as string);
    return this.#findOwn(key) ?? this.#givenUpEntry(key);
  }

  /**
   * get() for a write, which often follows a read of the same key
   * (`d[k] = d.get(k, 0) + 1`): the entry the last lookup found, or the
   * key it missed, is taken again without a lookup. Reads do not look at
   * that cache (it cost them more than it saved).
   */
  getForWrite(key: DictKey): DictEntry | undefined {
    if (!ownKey(key, this.#tagged !== null)) return this.#textEntry(key as string);
    return this.#findOwnAgain(key) ?? this.#givenUpEntry(key);
  }

  /** Whether `key` has an entry. */
  has(key: DictKey): boolean {
    return this.get(key) !== undefined;
  }

  /**
   * `dict[key] = value` in one lookup, for one of the position table's own
   * keys while it has not given up (dict_table.ts setEntry tries this
   * first): the value is replaced when the key is there, else a new entry
   * (`first`, the key as written) takes the table's next slot when it fits
   * without a rebuild. False, with nothing changed, when setEntry's general
   * path must run: a str the Map holds, a flood, a fresh or full table, a
   * first non-str key in a str table, or the container_length cap.
   */
  setInPlace(key: DictKey, first: Value, value: Value): boolean {
    if (this.#tagged !== null || !ownKey(key, false)) return false;
    if (this.#direct && isDirectKey(key, this.#mask)) return this.#setDirect(key, first, value);
    const found = this.#findOwnAgain(key);
    if (found !== null) {
      found.value = value;
      return true;
    }
    const table = this.#table;
    if (this.#tagged !== null || table.usable <= 0 || this.#size >= CAPS.container_length) {
      return false;
    }
    if (table.unicode && typeof first !== "string") return false;
    const entry: DictEntry = { key: first, dk: key, value, slot: 0, hash: UNHASHED };
    table.append(entry);
    this.addAbsent(key, entry);
    return true;
  }

  /** setInPlace() for a key a direct position table holds at its own slot: no lookup cache, no probe. */
  #setDirect(key: number, first: Value, value: Value): boolean {
    const positions = this.#positions as Int32Array | number[];
    const table = this.#table;
    const at = positions[key] ?? EMPTY;
    if (at !== EMPTY) {
      (table.slots[at - 1] as DictEntry).value = value;
      return true;
    }
    if (table.usable <= 0 || this.#size >= CAPS.container_length || table.unicode) return false;
    const entry: DictEntry = { key: first, dk: key, value, slot: 0, hash: UNHASHED };
    table.append(entry);
    positions[key] = entry.slot + 1;
    this.#size++;
    this.#missed = NOTHING;
    return true;
  }

  /** Takes `entry`, just placed in the table, for `key`, which getForWrite() has just found absent. */
  addAbsent(key: DictKey, entry: DictEntry): void {
    this.#size++;
    if (this.#tagged === null && ownKey(key, false)) {
      const positions = this.#positions;
      if (positions === null) {
        // Scanned: its slot is enough.
        this.#missed = NOTHING;
        return;
      }
      if (this.#direct) {
        // A key past the table, or of another kind, has it built again (wider, or hashed).
        if (isDirectKey(key, this.#mask)) positions[key] = entry.slot + 1;
        else this.#reindex();
        this.#missed = NOTHING;
        return;
      }
      if ((this.#filled + 1) * 2 > this.#mask + 1) {
        // Half full (tombstones included): built again, four slots per key.
        this.#reindex();
        return;
      }
      // A rebuild since the lookup moved where the key would go: look again.
      if (key !== this.#missed) this.#findOwn(key);
      if (this.#tagged === null) {
        if ((positions[this.#freeSlot] ?? EMPTY) === EMPTY) this.#filled++;
        entry.hash = this.#missedHash;
        positions[this.#freeSlot] = entry.slot + 1;
        this.#missed = NOTHING;
        return;
      }
    }
    if (ownKey(key, this.#tagged !== null)) this.#tagged?.set(taggedKey(key), entry);
    else this.#setText(key as string, entry);
  }

  /** Drops the entry of `key`, which getForWrite() has just found (the table then makes its slot a hole). */
  delete(key: DictKey): void {
    this.#size--;
    this.#missed = NOTHING;
    if (!ownKey(key, this.#tagged !== null)) {
      const text = key as string;
      if (text.length < LONG_TEXT) this.#texts?.delete(text);
      else this.#long?.delete(text);
    } else if (this.#tagged !== null) {
      this.#tagged.delete(taggedKey(key));
    } else if (this.#positions !== null && this.#findOwnAgain(key) !== null) {
      // A direct table is never probed past a key's own slot: no tombstone is needed there.
      this.#positions[this.#foundSlot] = this.#direct ? EMPTY : TOMBSTONE;
    }
    this.#found = null;
  }

  /** Forgets every entry (the table is emptied beside it). */
  clear(): void {
    this.#texts = null;
    this.#long = null;
    this.#tagged = null;
    this.#positions = null;
    this.#direct = false;
    this.#filled = 0;
    this.#size = 0;
    this.#lookups = 0;
    this.#extraProbes = 0;
    this.#found = null;
    this.#missed = NOTHING;
  }

  /**
   * Makes this empty index find `source`'s entries as copied into
   * `slots`, the copy of `source`'s table slot for slot, in `source`'s
   * form (positions, Maps and probe budget): entries set again one by one
   * would start a new budget and let crafted keys flood the copy anew.
   */
  cloneFrom(source: DictIndex, slots: readonly (DictEntry | null)[]): void {
    const copyOf = (entry: DictEntry) => slots[entry.slot] as DictEntry;
    this.#texts = source.#texts === null ? null : mappedMap(source.#texts, copyOf);
    this.#long = source.#long === null ? null : source.#long.mapped(copyOf);
    this.#tagged = source.#tagged === null ? null : mappedMap(source.#tagged, copyOf);
    this.#positions = source.#positions === null ? null : source.#positions.slice();
    this.#mask = source.#mask;
    this.#direct = source.#direct;
    this.#filled = source.#filled;
    this.#size = source.#size;
    this.#lookups = source.#lookups;
    this.#extraProbes = source.#extraProbes;
    this.#found = null;
    this.#missed = NOTHING;
  }

  /**
   * After the dict table was rebuilt: the positions are built again when
   * its slots were `renumbered` (holes dropped, or a fresh table), or when
   * its slots were scanned and it has grown past that.
   */
  tableRebuilt(renumbered: boolean): void {
    if (renumbered || this.#positions === null) this.#reindex();
  }

  /**
   * Builds the position table again for the dict table's current slots
   * (none while they are scanned, or once given up), at four slots per
   * key. Each key placed counts as a lookup for the probe budget.
   */
  #reindex(): void {
    this.#found = null;
    this.#missed = NOTHING;
    this.#positions = null;
    this.#direct = false;
    this.#filled = 0;
    const table = this.#table;
    if (this.#tagged !== null || table.logSize <= SCANNED_LOG) return;
    const slots = table.slots;
    let size = MIN_POSITIONS;
    while (size < slots.length * 4) size *= 2;
    const positions = size >= TYPED_POSITIONS ? new Int32Array(size) : new Array<number>(size);
    const mask = size - 1;
    if (directKeys(slots, mask)) {
      for (let at = 0; at < slots.length; at++) {
        const entry = slots[at];
        if (entry !== null && entry !== undefined && ownKey(entry.dk, false)) {
          positions[entry.dk as number] = at + 1;
        }
      }
      this.#positions = positions;
      this.#mask = mask;
      this.#direct = true;
      return;
    }
    let filled = 0;
    for (let at = 0; at < slots.length; at++) {
      const entry = slots[at];
      if (entry === null || entry === undefined || !ownKey(entry.dk, false)) continue;
      this.#lookups++;
      // A key hashed before keeps its hash (a rebuild does not hash every key again).
      if (entry.hash === UNHASHED) entry.hash = hashKey(entry.dk);
      let slot = entry.hash & mask;
      while ((positions[slot] ?? EMPTY) !== EMPTY) {
        slot = (slot + 1) & mask;
        if (!this.#probe()) return;
      }
      positions[slot] = at + 1;
      filled++;
    }
    this.#positions = positions;
    this.#mask = mask;
    this.#filled = filled;
  }

  /** After #findOwn found nothing: `key`'s entry if the position table was given up (perhaps by that lookup). */
  #givenUpEntry(key: DictKey): DictEntry | undefined {
    if (this.#tagged === null) return undefined;
    // A str may then no longer be the table's own.
    return ownKey(key, true) ? this.#tagged.get(taggedKey(key)) : this.#textEntry(key as string);
  }

  /** A str that is not the position table's: in the Map, or among the long ones. */
  #textEntry(text: string): DictEntry | undefined {
    return text.length < LONG_TEXT ? this.#texts?.get(text) : this.#long?.get(text);
  }

  #setText(text: string, entry: DictEntry): void {
    if (text.length < LONG_TEXT) (this.#texts ??= new Map<string, DictEntry>()).set(text, entry);
    else (this.#long ??= new LongTexts<DictEntry>()).set(text, entry);
  }

  /**
   * The entry of one of the position table's keys, or null (then
   * #freeSlot is where it would go); null also once given up. While the
   * dict's slots are scanned, they are looked at one by one.
   */
  #findOwn(key: DictKey): DictEntry | null {
    if (this.#tagged !== null) return null;
    const slots = this.#table.slots;
    const positions = this.#positions;
    if (positions === null) {
      for (let at = 0; at < slots.length; at++) {
        const entry = slots[at];
        if (entry !== null && entry !== undefined && entry.dk === key) {
          this.#found = entry;
          return entry;
        }
      }
      this.#missed = key;
      return null;
    }
    if (this.#direct) {
      const at = isDirectKey(key, this.#mask) ? positions[key] ?? EMPTY : EMPTY;
      if (at === EMPTY) {
        this.#missed = key;
        return null;
      }
      const entry = slots[at - 1] as DictEntry;
      this.#found = entry;
      this.#foundSlot = key as number;
      return entry;
    }
    this.#lookups++;
    const mask = this.#mask;
    const hash = hashKey(key);
    let slot = hash & mask;
    let free = -1;
    for (;;) {
      const at = positions[slot] ?? EMPTY;
      if (at === EMPTY) {
        this.#freeSlot = free >= 0 ? free : slot;
        this.#missed = key;
        this.#missedHash = hash;
        return null;
      }
      if (at === TOMBSTONE) {
        if (free < 0) free = slot;
      } else {
        // Every entry the position table holds has its hash: a different one is a different key.
        const entry = slots[at - 1] as DictEntry;
        if (entry.hash === hash && entry.dk === key) {
          this.#found = entry;
          this.#foundSlot = slot;
          return entry;
        }
      }
      slot = (slot + 1) & mask;
      if (!this.#probe()) return null;
    }
  }

  /** #findOwn, unless `key` is the key the last lookup found or missed (nothing has moved since). */
  #findOwnAgain(key: DictKey): DictEntry | null {
    const found = this.#found;
    if (found !== null && found.dk === key) return found;
    return key === this.#missed ? null : this.#findOwn(key);
  }

  /** Counts one probe past a lookup's first; false once the budget is spent (given up). */
  #probe(): boolean {
    if (++this.#extraProbes <= this.#lookups * EXTRA_PROBES_PER_LOOKUP + PROBE_SLACK) return true;
    this.#giveUp();
    return false;
  }

  /**
   * Gives the position table up for good: its strs that the engine hashes
   * with its seed move to the str Map under their own text, its other keys
   * to the seeded Map under tagged strs.
   */
  #giveUp(): void {
    const tagged = new Map<string, DictEntry>();
    this.#tagged = tagged;
    for (const entry of this.#table.slots) {
      if (entry === null || !ownKey(entry.dk, false)) continue;
      if (ownKey(entry.dk, true)) tagged.set(taggedKey(entry.dk), entry);
      else this.#setText(entry.dk as string, entry);
    }
    this.#positions = null;
    this.#direct = false;
    this.#filled = 0;
    this.#found = null;
    this.#missed = NOTHING;
  }
}

/** Whether `key` is an int a direct position table of `mask` + 1 slots holds at its own slot. */
function isDirectKey(key: DictKey, mask: number): key is number {
  return typeof key === "number" && key >>> 0 === key && key <= mask;
}

/** Whether every key of `slots` the position table takes is a direct key of a table of `mask` + 1 slots. */
function directKeys(slots: readonly (DictEntry | null)[], mask: number): boolean {
  for (const entry of slots) {
    if (entry === null || entry === undefined || !ownKey(entry.dk, false)) continue;
    if (!isDirectKey(entry.dk, mask)) return false;
  }
  return true;
}
