/**
 * Finds a dict's entries by dict key: the entries sit in the slots of
 * the dict's table (./dict_table.ts, which places them, in CPython's
 * layout), and this index finds the entry objects themselves, so a dict
 * keeps its entries once. Numbers, bigints and short strs are found
 * through a bucket table of entries (open addressing, linear probes) on
 * the fixed hash of ./key_hash.ts, or, while the dict's table has at most
 * 2^SCANNED_LOG slots (10 entries), by scanning those slots, which is
 * cheaper than any hash and allocates nothing. Other strs are found
 * through the engine's seeded Map (and LongTexts), as key_hash.ts says,
 * and so are all keys once the bucket table gave up on a flood.
 *
 * The buckets hold the entries themselves, so a lookup reads no slot
 * array; dict_table.ts calls {@link DictIndex.tableRebuilt} after every
 * rebuild of the table and tells this index of every entry it adds or
 * removes. The bucket table is built at four buckets per key, again once
 * half full (tombstones included), and again when the table is rebuilt
 * with its slots renumbered, so it never outlives the table's size (a
 * copy, paid by entries, takes it whole). Owns no gas and changes no
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
} from "./key_hash.ts";
import { LONG_TEXT, LongTexts } from "./long_texts.ts";
import type { DictTable } from "./dict_table.ts";
import type { DictEntry, DictKey } from "./values.ts";

/** Dict tables of up to 2^SCANNED_LOG slots are scanned, without a bucket table. */
const SCANNED_LOG = 4;
/** The fewest buckets a bucket table has. */
const MIN_BUCKETS = 32;

/** A bucket whose entry was deleted (found by identity: its fields are never read). */
const TOMBSTONE: DictEntry = { key: null, dk: "", value: null, slot: -1 };

/** What the missed-key cache holds when it holds nothing. */
const NOTHING: unique symbol = Symbol("nothing");

/** The entries of one dict by dict key (see the file header). */
export class DictIndex {
  readonly #table: DictTable;
  /** Strs the bucket table does not take (see ownKey), under their own text; null until one. */
  #texts: Map<string, DictEntry> | null = null;
  /** The strs the engine hashes by their length alone, once there is one. */
  #long: LongTexts<DictEntry> | null = null;
  /** Once the bucket table gave up: its keys under tagged strs. */
  #tagged: Map<string, DictEntry> | null = null;
  /**
   * The entries by bucket (or TOMBSTONE), a hole where empty: the array is
   * made at its length without a fill, which cost a tenth of building a
   * dict; null while scanned or given up.
   */
  #buckets: (DictEntry | undefined)[] | null = null;
  /** Buckets holding an entry or a tombstone. */
  #filled = 0;
  #size = 0;
  #lookups = 0;
  #extraProbes = 0;
  /** The entry the last lookup found (null once anything moved), and its bucket. */
  #found: DictEntry | null = null;
  #foundBucket = -1;
  /** The key the last lookup missed (NOTHING once anything changed), and the bucket it would take. */
  #missed: DictKey | typeof NOTHING = NOTHING;
  #freeBucket = -1;

  /** The index of the entries `table` places. */
  constructor(table: DictTable) {
    this.#table = table;
  }

  /** The number of entries. */
  get size(): number {
    return this.#size;
  }

  /** Whether the bucket table was given up for Maps under tagged strs (a flood). */
  get flooded(): boolean {
    return this.#tagged !== null;
  }

  /** The entry of `key`, or undefined. */
  get(key: DictKey): DictEntry | undefined {
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

  /** Takes `entry`, just placed in the table, for `key`, which get() has just found absent. */
  addAbsent(key: DictKey, entry: DictEntry): void {
    this.#size++;
    if (this.#tagged === null && ownKey(key, false)) {
      const buckets = this.#buckets;
      if (buckets === null) {
        // Scanned: its slot is enough.
        this.#missed = NOTHING;
        return;
      }
      if ((this.#filled + 1) * 2 > buckets.length) {
        // Half full (tombstones included): built again, four buckets per key.
        this.#reindex();
        return;
      }
      // Anything changed since the lookup may have taken the bucket it found: look again.
      if (key !== this.#missed) this.#findOwn(key);
      if (this.#tagged === null) {
        if (buckets[this.#freeBucket] === undefined) this.#filled++;
        buckets[this.#freeBucket] = entry;
        this.#missed = NOTHING;
        return;
      }
    }
    if (ownKey(key, this.#tagged !== null)) this.#tagged?.set(taggedKey(key), entry);
    else this.#setText(key as string, entry);
  }

  /** Drops the entry of `key`, which get() has just found (the table then makes its slot a hole). */
  delete(key: DictKey): void {
    this.#size--;
    this.#missed = NOTHING;
    if (!ownKey(key, this.#tagged !== null)) {
      const text = key as string;
      if (text.length < LONG_TEXT) this.#texts?.delete(text);
      else this.#long?.delete(text);
    } else if (this.#tagged !== null) {
      this.#tagged.delete(taggedKey(key));
    } else if (this.#buckets !== null && this.#findOwnAgain(key) !== null) {
      this.#buckets[this.#foundBucket] = TOMBSTONE;
    }
    this.#found = null;
  }

  /** Forgets every entry (the table is emptied beside it). */
  clear(): void {
    this.#texts = null;
    this.#long = null;
    this.#tagged = null;
    this.#buckets = null;
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
   * form (buckets, Maps and probe budget): entries set again one by one
   * would start a new budget and let crafted keys flood the copy anew.
   */
  cloneFrom(source: DictIndex, slots: readonly (DictEntry | null)[]): void {
    const copyOf = (entry: DictEntry) => slots[entry.slot] as DictEntry;
    this.#texts = source.#texts === null ? null : mappedMap(source.#texts, copyOf);
    this.#long = source.#long === null ? null : source.#long.mapped(copyOf);
    this.#tagged = source.#tagged === null ? null : mappedMap(source.#tagged, copyOf);
    this.#buckets = source.#buckets === null
      ? null
      // Holes stay holes (map skips them).
      : source.#buckets.map((entry) => entry === TOMBSTONE ? entry : copyOf(entry as DictEntry));
    this.#filled = source.#filled;
    this.#size = source.#size;
    this.#lookups = source.#lookups;
    this.#extraProbes = source.#extraProbes;
    this.#found = null;
    this.#missed = NOTHING;
  }

  /**
   * After the dict table was rebuilt: the buckets are built again when its
   * slots were `renumbered` (holes dropped, or a fresh table), so their
   * number follows the table's size down as well as up (a copy takes them
   * whole: see cloneFrom), or when its slots were scanned and it has grown
   * past that.
   */
  tableRebuilt(renumbered: boolean): void {
    if (renumbered || this.#buckets === null) this.#reindex();
  }

  /**
   * Builds the bucket table again for the dict table's entries (none
   * while its slots are scanned, or once given up), at four buckets per
   * key. Each key placed counts as a lookup for the probe budget.
   */
  #reindex(): void {
    this.#found = null;
    this.#missed = NOTHING;
    this.#buckets = null;
    this.#filled = 0;
    const table = this.#table;
    if (this.#tagged !== null || table.logSize <= SCANNED_LOG) return;
    const slots = table.slots;
    let size = MIN_BUCKETS;
    while (size < slots.length * 4) size *= 2;
    const buckets = new Array<DictEntry | undefined>(size);
    const mask = size - 1;
    let filled = 0;
    for (let at = 0; at < slots.length; at++) {
      const entry = slots[at];
      if (entry === null || entry === undefined || !ownKey(entry.dk, false)) continue;
      this.#lookups++;
      let bucket = hashKey(entry.dk) & mask;
      while (buckets[bucket] !== undefined) {
        bucket = (bucket + 1) & mask;
        if (!this.#probe()) return;
      }
      buckets[bucket] = entry;
      filled++;
    }
    this.#buckets = buckets;
    this.#filled = filled;
  }

  /** After #findOwn found nothing: `key`'s entry if the bucket table was given up (perhaps by that lookup). */
  #givenUpEntry(key: DictKey): DictEntry | undefined {
    if (this.#tagged === null) return undefined;
    // A str may then no longer be the table's own.
    return ownKey(key, true) ? this.#tagged.get(taggedKey(key)) : this.#textEntry(key as string);
  }

  /** A str that is not the bucket table's: in the Map, or among the long ones. */
  #textEntry(text: string): DictEntry | undefined {
    return text.length < LONG_TEXT ? this.#texts?.get(text) : this.#long?.get(text);
  }

  #setText(text: string, entry: DictEntry): void {
    if (text.length < LONG_TEXT) (this.#texts ??= new Map<string, DictEntry>()).set(text, entry);
    else (this.#long ??= new LongTexts<DictEntry>()).set(text, entry);
  }

  /**
   * The entry of one of the bucket table's keys, or null (then
   * #freeBucket is where it would go); null also once given up. While the
   * dict's slots are scanned, they are looked at one by one.
   */
  #findOwn(key: DictKey): DictEntry | null {
    if (this.#tagged !== null) return null;
    const buckets = this.#buckets;
    if (buckets === null) {
      const slots = this.#table.slots;
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
    this.#lookups++;
    const mask = buckets.length - 1;
    let bucket = hashKey(key) & mask;
    let free = -1;
    for (;;) {
      const entry = buckets[bucket];
      if (entry === undefined) {
        this.#freeBucket = free >= 0 ? free : bucket;
        this.#missed = key;
        return null;
      }
      if (entry === TOMBSTONE) {
        if (free < 0) free = bucket;
      } else if (entry.dk === key) {
        this.#found = entry;
        this.#foundBucket = bucket;
        return entry;
      }
      bucket = (bucket + 1) & mask;
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
   * Gives the bucket table up for good: its strs that the engine hashes
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
    this.#buckets = null;
    this.#filled = 0;
    this.#found = null;
    this.#missed = NOTHING;
  }
}
