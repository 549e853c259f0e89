/**
 * A map keyed by byte strings that builds no string for short keys: a key
 * of up to 6 bytes is the number its bytes spell, one of 7 or 8 bytes the
 * float64 its bytes spell (unless that is a NaN or a zero, which a Map
 * does not tell apart), each in a map of its key length, so two keys share
 * an entry exactly when their bytes are equal. Every other key is a
 * binaryKey string. A fresh string costs a hash computation on every Map
 * access; a number does not, and the journal looks up every storage key a
 * call reads or writes.
 */

import { binaryKey } from "../binary_key.ts";

/** Longest key whose bytes read as an integer are always exact in a double. */
const INT_KEY_BYTES = 6;
/** Longest key that can be the bits of one float64. */
const FLOAT_KEY_BYTES = 8;

const SCRATCH = new Float64Array(1);
const SCRATCH_BYTES = new Uint8Array(SCRATCH.buffer);

/** The number standing for `key` among the keys of its length, or null (take its binaryKey). */
function numberKey(key: Uint8Array): number | null {
  const length = key.length;
  if (length <= INT_KEY_BYTES) {
    let value = 0;
    for (let i = 0; i < length; i++) value = value * 256 + (key[i] ?? 0);
    return value;
  }
  if (length > FLOAT_KEY_BYTES) return null;
  for (let i = 0; i < FLOAT_KEY_BYTES; i++) SCRATCH_BYTES[i] = i < length ? key[i] ?? 0 : 0;
  const value = SCRATCH[0] ?? 0;
  // Every NaN is one Map key, and so are 0 and -0: those bit patterns take the string.
  return value === 0 || Number.isNaN(value) ? null : value;
}

/** Values by byte-string key (compared by their bytes). */
export class ByteMap<V> {
  /** Entries of number-keyed keys, by key length. */
  readonly #byLength: (Map<number, V> | undefined)[] = [];
  /** Entries of the other keys, by binaryKey. */
  readonly #others = new Map<string, V>();

  /** The value at `key` (undefined when absent). */
  get(key: Uint8Array): V | undefined {
    const number = numberKey(key);
    return number === null
      ? this.#others.get(binaryKey(key))
      : this.#byLength[key.length]?.get(number);
  }

  /** Sets the value at `key`. */
  set(key: Uint8Array, value: V): void {
    const number = numberKey(key);
    if (number === null) {
      this.#others.set(binaryKey(key), value);
      return;
    }
    let map = this.#byLength[key.length];
    if (map === undefined) {
      map = new Map<number, V>();
      this.#byLength[key.length] = map;
    }
    map.set(number, value);
  }
}
