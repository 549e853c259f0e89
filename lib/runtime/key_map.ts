/**
 * Values by dict key (numbers, bigints, strs), unordered, that a contract
 * cannot flood: a set's members and the storage journal's entries (a dict
 * has its own index, ./dict_index.ts). The keys the engine's Map would
 * hash without a seed, and all short strs, go to arrays of our own,
 * scanned while they hold up to 8 keys and past that found through a
 * table (open addressing, linear probes) on the fixed hash of
 * ./key_hash.ts, which also says when the table gives its keys up to the
 * seeded Maps on a flood. Longer strs stay in a Map, which hashes them
 * with the engine's random per-process seed. Most maps are small: a scan
 * of a few keys is cheaper than any hash, and allocates nothing. Nothing
 * here changes a result or a gas charge: lookups find the same entries in
 * either form, and nothing iterates this map for an order (a set
 * iterates its own slots; a copy takes every form as it is).
 */

import {
  EMPTY,
  EXTRA_PROBES_PER_LOOKUP,
  hashKey,
  type MapKey,
  mappedMap,
  ownKey,
  PROBE_SLACK,
  taggedKey,
  TOMBSTONE,
} from "./key_hash.ts";
import { LONG_TEXT, LongTexts } from "./long_texts.ts";

export type { MapKey } from "./key_hash.ts";

/** What a deleted key leaves in the array of our keys. */
const HOLE: unique symbol = Symbol("hole");
type Hole = typeof HOLE;

/** Our keys held before lookups use a table (until then they scan the arrays). */
const SCANNED_KEYS = 8;

/** Values by dict key (see the file header). */
export class KeyMap<K extends MapKey, V> {
  /**
   * The strs longer than {@link OWN_TEXT} units (and shorter than
   * LONG_TEXT), and once the table is given up every str that is not
   * array-index-like; null until there is one.
   */
  #texts: Map<string, V> | null = null;
  /** The strs the engine hashes by their length alone, once there is one. */
  #long: LongTexts<V> | null = null;
  /**
   * Our keys and their values, in arrays (HOLE where deleted), found
   * through #table. Made by the Array constructor, not a literal: the
   * engine may decide, per literal, to allocate every array it makes
   * straight in its old generation once many of them have lived long (a
   * contract keeping 1,500 small dicts), and short-lived small dicts made
   * afterwards then ran twice as slow.
   */
  #ownKeys: (K | Hole)[] = new Array<K | Hole>();
  #ownValues: (V | undefined)[] = new Array<V | undefined>();
  #ownSize = 0;
  /** The number of entries of every kind. */
  #size = 0;
  /**
   * Our table: positions in #ownKeys (or EMPTY / TOMBSTONE). Null while
   * our arrays hold at most {@link SCANNED_KEYS} slots, which lookups scan
   * (Deno keeps a typed array's storage off the JS heap: allocating one
   * cost more than a small dict's whole life), and once the table is given
   * up.
   */
  #table: Int32Array | null = null;
  /** Slots of our table holding a position or a tombstone. */
  #filled = 0;
  /** Our keys under tagged strs, once the table was given up. */
  #tagged: Map<string, V> | null = null;
  #lookups = 0;
  #extraProbes = 0;
  /** Where the last failed lookup in our table would insert. */
  #freeSlot = -1;
  /** The last key a lookup found (HOLE once anything moved), its position and its table slot. */
  #found: K | Hole = HOLE;
  #foundAt = -1;
  #foundSlot = -1;
  /** The key the last lookup in our table missed (HOLE once anything changed). */
  #missed: K | Hole = HOLE;

  /** The number of entries. */
  get size(): number {
    return this.#size;
  }

  /** The slots our key and value arrays hold (live entries and holes; for tests). */
  get slotsHeld(): number {
    return this.#ownKeys.length;
  }

  /** Whether our table was given up for a Map under tagged strs (a flood, or its start). */
  get flooded(): boolean {
    return this.#tagged !== null;
  }

  /** Whether `key` lives in our arrays and table, or under a tagged str (see ownKey). */
  #ownKey(key: K): boolean {
    return ownKey(key, this.#tagged !== null);
  }

  /** The value at `key`, or undefined. */
  get(key: K): V | undefined {
    if (!this.#ownKey(key)) {
      const text = key as string;
      return text.length < LONG_TEXT ? this.#texts?.get(text) : this.#long?.get(text);
    }
    const at = this.#findOwn(key);
    if (at >= 0) return this.#ownValues[at];
    if (this.#tagged === null) return undefined;
    // The lookup may have given the table up, and a str then no longer be ours.
    return this.#ownKey(key) ? this.#tagged.get(taggedKey(key)) : this.get(key);
  }

  /** Whether `key` has an entry. */
  has(key: K): boolean {
    if (!this.#ownKey(key)) {
      const text = key as string;
      return text.length < LONG_TEXT
        ? this.#texts?.has(text) === true
        : this.#long?.has(text) === true;
    }
    if (this.#findOwn(key) >= 0) return true;
    if (this.#tagged === null) return false;
    return this.#ownKey(key) ? this.#tagged.has(taggedKey(key)) : this.has(key);
  }

  /** Sets the value at `key`. */
  set(key: K, value: V): this {
    if (!this.#ownKey(key)) {
      this.#setText(key as string, value);
      return this;
    }
    const at = this.#findOwn(key);
    if (at >= 0) {
      this.#ownValues[at] = value;
      return this;
    }
    this.#addMissed(key, value);
    return this;
  }

  /**
   * Adds `key`, which get() or has() has just found absent (nothing changed
   * since): set() without a second lookup.
   */
  addAbsent(key: K, value: V): void {
    if (!this.#ownKey(key)) this.#setText(key as string, value);
    else if (key === this.#missed || this.#table === null) this.#addMissed(key, value);
    else this.set(key, value);
  }

  /** Sets a str that is not ours: in the Map, or among the long ones. */
  #setText(text: string, value: V): void {
    if (text.length < LONG_TEXT) {
      if (this.#texts === null) this.#texts = new Map<string, V>();
      const before = this.#texts.size;
      this.#texts.set(text, value);
      this.#size += this.#texts.size - before;
      return;
    }
    if (this.#long === null) this.#long = new LongTexts<V>();
    const before = this.#long.size;
    this.#long.set(text, value);
    this.#size += this.#long.size - before;
  }

  /** Adds one of our keys right after a lookup missed it. */
  #addMissed(key: K, value: V): void {
    const tagged = this.#tagged;
    if (tagged !== null) {
      if (!this.#ownKey(key)) {
        this.#setText(key as string, value);
        return;
      }
      const before = tagged.size;
      tagged.set(taggedKey(key), value);
      this.#ownSize += tagged.size - before;
      this.#size += tagged.size - before;
      return;
    }
    const position = this.#ownKeys.length;
    this.#ownKeys.push(key);
    this.#ownValues.push(value);
    this.#ownSize++;
    this.#size++;
    this.#missed = HOLE;
    const table = this.#table;
    if (table === null) {
      if (position >= SCANNED_KEYS) this.#rebuild();
      return;
    }
    // A new position past the table's length is compacted away with the holes before it: a
    // key deleted and set again reuses its tombstone, so #filled alone would let the arrays
    // grow by one slot per round forever (a one-entry dict kept 84 MB after one call).
    if ((this.#filled + 1) * 2 > table.length || position >= table.length) {
      this.#rebuild();
    } else {
      if (table[this.#freeSlot] === EMPTY) this.#filled++;
      table[this.#freeSlot] = position;
    }
  }

  /** Deletes the entry of `key`; whether there was one. */
  delete(key: K): boolean {
    if (!this.#ownKey(key)) {
      const text = key as string;
      const deleted = text.length < LONG_TEXT
        ? this.#texts?.delete(text) === true
        : this.#long?.delete(text) === true;
      if (deleted) this.#size--;
      return deleted;
    }
    const at = this.#findOwn(key);
    if (at < 0) {
      if (this.#tagged !== null && !this.#ownKey(key)) return this.delete(key);
      if (this.#tagged === null || !this.#tagged.delete(taggedKey(key))) return false;
      this.#ownSize--;
      this.#size--;
      return true;
    }
    this.#ownKeys[at] = HOLE;
    this.#ownValues[at] = undefined;
    this.#ownSize--;
    this.#size--;
    this.#missed = HOLE;
    this.#found = HOLE;
    if (this.#table !== null) this.#table[this.#foundSlot] = TOMBSTONE;
    return true;
  }

  /**
   * Makes this empty map hold `source`'s keys, each with `map` of its value,
   * in `source`'s form: our table and arrays are copied slot for slot, a
   * given-up map's tagged Map entry for entry (its strs keep their hashes).
   * A copy made by setting each key again would start a new budget and
   * flood again, then build every tagged str again (a 4,096-bit int's hex:
   * ~500 ns), at one `items` unit of gas a key.
   */
  fillMapped<U>(source: KeyMap<K, U>, map: (value: U) => V): void {
    // Empty is not fresh (keys deleted one by one leave holes, or a given-up form): start over.
    this.#texts = source.#texts === null ? null : mappedMap(source.#texts, map);
    this.#long = source.#long === null ? null : source.#long.mapped(map);
    this.#tagged = source.#tagged === null ? null : mappedMap(source.#tagged, map);
    const keys = source.#ownKeys;
    const values: (V | undefined)[] = new Array(keys.length);
    for (let at = 0; at < keys.length; at++) {
      values[at] = keys[at] === HOLE ? undefined : map(source.#ownValues[at] as U);
    }
    this.#ownKeys = keys.slice();
    this.#ownValues = values;
    this.#ownSize = source.#ownSize;
    this.#size = source.#size;
    this.#missed = HOLE;
    this.#found = HOLE;
    this.#table = source.#table === null ? null : source.#table.slice();
    this.#filled = source.#filled;
    this.#lookups = source.#lookups;
    this.#extraProbes = source.#extraProbes;
  }

  /** Deletes every entry. */
  clear(): void {
    this.#texts = null;
    this.#long = null;
    this.#ownKeys = [];
    this.#ownValues = [];
    this.#ownSize = 0;
    this.#size = 0;
    this.#table = null;
    this.#filled = 0;
    this.#missed = HOLE;
    this.#found = HOLE;
    this.#tagged = null;
    this.#lookups = 0;
    this.#extraProbes = 0;
  }

  /**
   * The position of one of our keys in #ownKeys, or -1 (then #freeSlot is
   * where our table would take it); -1 also once the table is given up.
   * Without a table the few slots held are scanned.
   */
  #findOwn(key: K): number {
    // The key just looked up again (`d[k] = d.get(k, 0) + 1`): nothing has moved since.
    if (key === this.#found) return this.#foundAt;
    if (key === this.#missed) return -1;
    const table = this.#table;
    const keys = this.#ownKeys;
    if (table === null) {
      for (let at = 0; at < keys.length; at++) {
        if (keys[at] === key) {
          this.#found = key;
          this.#foundAt = at;
          return at;
        }
      }
      this.#missed = key;
      return -1;
    }
    this.#lookups++;
    const mask = table.length - 1;
    const hash = hashKey(key);
    let slot = hash & mask;
    let free = -1;
    for (;;) {
      const at = table[slot] ?? EMPTY;
      if (at === EMPTY) {
        this.#freeSlot = free >= 0 ? free : slot;
        this.#missed = key;
        return -1;
      }
      if (at === TOMBSTONE) {
        if (free < 0) free = slot;
      } else if (keys[at] === key) {
        this.#found = key;
        this.#foundAt = at;
        this.#foundSlot = slot;
        return at;
      }
      slot = (slot + 1) & mask;
      if (!this.#probe()) return -1;
    }
  }

  /** Counts one probe past a lookup's first; false once the budget is spent (the table is given up). */
  #probe(): boolean {
    if (++this.#extraProbes <= this.#lookups * EXTRA_PROBES_PER_LOOKUP + PROBE_SLACK) return true;
    this.#giveUp();
    return false;
  }

  /**
   * Our keys compacted (holes dropped), then, past {@link SCANNED_KEYS} of
   * them, our table rebuilt at a load of at most a quarter.
   */
  #rebuild(): void {
    this.#missed = HOLE;
    this.#found = HOLE;
    if (this.#ownKeys.length !== this.#ownSize) {
      const keys: (K | Hole)[] = [];
      const values: (V | undefined)[] = [];
      for (let at = 0; at < this.#ownKeys.length; at++) {
        const key = this.#ownKeys[at] as K | Hole;
        if (key === HOLE) continue;
        keys.push(key);
        values.push(this.#ownValues[at]);
      }
      this.#ownKeys = keys;
      this.#ownValues = values;
    }
    const keys = this.#ownKeys;
    const count = keys.length;
    this.#table = null;
    this.#filled = 0;
    if (count <= SCANNED_KEYS) return;
    let size = SCANNED_KEYS;
    while (size < count * 4) size *= 2;
    const table = new Int32Array(size).fill(EMPTY);
    const mask = size - 1;
    for (let at = 0; at < count; at++) {
      this.#lookups++;
      let slot = hashKey(keys[at] as K) & mask;
      while (table[slot] !== EMPTY) {
        slot = (slot + 1) & mask;
        if (!this.#probe()) return;
      }
      table[slot] = at;
    }
    this.#table = table;
    this.#filled = count;
  }

  /**
   * Gives our table up for good: the strs the engine hashes with its seed
   * move to the str Map under their own text, the other keys to the
   * seeded Map under tagged strs.
   */
  #giveUp(): void {
    const tagged = new Map<string, V>();
    this.#tagged = tagged;
    const keys = this.#ownKeys;
    for (let at = 0; at < keys.length; at++) {
      const key = keys[at] as K | Hole;
      if (key === HOLE) continue;
      const value = this.#ownValues[at] as V;
      if (this.#ownKey(key)) {
        tagged.set(taggedKey(key), value);
      } else {
        this.#texts ??= new Map<string, V>();
        this.#texts.set(key as string, value);
        this.#ownSize--;
      }
    }
    this.#ownKeys = [];
    this.#ownValues = [];
    this.#missed = HOLE;
    this.#found = HOLE;
    this.#table = null;
    this.#filled = 0;
  }
}
