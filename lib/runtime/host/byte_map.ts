/**
 * A map keyed by byte strings that builds no string for the commonest
 * keys: a key whose bytes before its last 6 are all zero (every key of up
 * to 6 bytes, and zero-padded counters such as `i.to_bytes(8, "big")`) is
 * the integer its last 6 bytes spell, exact in a double, in a map of its
 * key length, so two keys share an entry exactly when their bytes are
 * equal. Every other key is its binaryKey string. A fresh string costs a
 * hash computation on every Map access, a small integer does not, and the
 * journal looks up every storage key a call reads or writes. Both kinds
 * are kept in KeyMaps (../key_map.ts), which a contract choosing its keys
 * cannot flood.
 */

import { binaryKey } from "../binary_key.ts";
import { KeyMap } from "../key_map.ts";

/** Trailing bytes whose big-endian integer is always exact in a double (48 bits). */
const NUMBER_BYTES = 6;

/** The integer standing for `key` among the keys of its length, or null (take its binaryKey). */
function numberKey(key: Uint8Array): number | null {
  const start = key.length - NUMBER_BYTES;
  for (let i = 0; i < start; i++) if (key[i] !== 0) return null;
  let value = 0;
  for (let i = Math.max(0, start); i < key.length; i++) value = value * 256 + (key[i] ?? 0);
  return value;
}

/** Values by byte-string key (compared by their bytes). */
export class ByteMap<V> {
  /** Entries of number-keyed keys, by key length. */
  readonly #byLength: (KeyMap<number, V> | undefined)[] = [];
  /** Entries of the other keys, by binaryKey. */
  readonly #others = new KeyMap<string, V>();

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
      map = new KeyMap<number, V>();
      this.#byLength[key.length] = map;
    }
    map.set(number, value);
  }
}
