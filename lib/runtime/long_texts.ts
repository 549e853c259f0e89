/**
 * Long strs by value, for KeyMap (./key_map.ts). The engine hashes a str
 * of 16,384 or more UTF-16 units by its length alone, without a seed, so
 * long keys of one length would all share one chain of its Map, each
 * lookup comparing its text with every one (1,800 fresh keys of 16,384
 * units: ~200 ns per gas against ~10). Here a long str is found by the
 * sha3-256 digest of its units (see digestOf), a short str the engine
 * hashes with its seed; keys of one digest are told apart by their text,
 * so the result never rests on the digest. A lookup reads the whole key;
 * its caller has paid each unit (the `key` byte rate, GAS.md §1).
 */

import { sha3_256 } from "./keccak.ts";

/** The shortest str the engine hashes by its length alone. */
export const LONG_TEXT = 16384;

/**
 * The digest of `text`'s UTF-16 units, as a 32-unit str: of a 0 byte and
 * a byte per unit when every unit is under 256 (half the bytes to hash),
 * else of a 1 byte and two bytes per unit, little-endian.
 */
function digestOf(text: string): string {
  const narrow = new Uint8Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > 0xff) return String.fromCharCode(...sha3_256(wideBytes(text)));
    narrow[i + 1] = unit;
  }
  return String.fromCharCode(...sha3_256(narrow));
}

function wideBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2 + 1);
  bytes[0] = 1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i + 1] = unit & 0xff;
    bytes[2 * i + 2] = unit >>> 8;
  }
  return bytes;
}

/** One long key and its value. */
interface LongEntry<V> {
  readonly key: string;
  value: V;
}

/** Values by long str. */
export class LongTexts<V> {
  readonly #byDigest = new Map<string, LongEntry<V>[]>();
  #size = 0;

  /** The number of entries. */
  get size(): number {
    return this.#size;
  }

  /** The entry of `key`, or undefined. */
  #entry(key: string, digest: string): LongEntry<V> | undefined {
    return this.#byDigest.get(digest)?.find((entry) => entry.key === key);
  }

  /** The value at `key`, or undefined. */
  get(key: string): V | undefined {
    return this.#entry(key, digestOf(key))?.value;
  }

  /** Whether `key` has an entry. */
  has(key: string): boolean {
    return this.#entry(key, digestOf(key)) !== undefined;
  }

  /** Sets the value at `key`. */
  set(key: string, value: V): void {
    const digest = digestOf(key);
    const found = this.#entry(key, digest);
    if (found !== undefined) {
      found.value = value;
      return;
    }
    const bucket = this.#byDigest.get(digest);
    if (bucket === undefined) this.#byDigest.set(digest, [{ key, value }]);
    else bucket.push({ key, value });
    this.#size++;
  }

  /** Deletes the entry of `key`; whether there was one. */
  delete(key: string): boolean {
    const digest = digestOf(key);
    const bucket = this.#byDigest.get(digest);
    const at = bucket === undefined ? -1 : bucket.findIndex((entry) => entry.key === key);
    if (bucket === undefined || at < 0) return false;
    bucket.splice(at, 1);
    if (bucket.length === 0) this.#byDigest.delete(digest);
    this.#size--;
    return true;
  }

  /** A copy holding `map` of each value (digests kept, nothing hashed again). */
  mapped<U>(map: (value: V) => U): LongTexts<U> {
    const copy = new LongTexts<U>();
    for (const [digest, bucket] of this.#byDigest) {
      copy.#byDigest.set(
        digest,
        bucket.map((entry) => ({ key: entry.key, value: map(entry.value) })),
      );
    }
    copy.#size = this.#size;
    return copy;
  }
}
