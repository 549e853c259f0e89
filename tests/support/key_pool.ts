/**
 * Keys for the tests of the key tables (lib/runtime/key_map.ts and
 * lib/runtime/dict_index.ts): a deterministic generator and a pool of
 * every key kind around each table's form boundaries.
 */

import type { MapKey } from "../../lib/runtime/key_hash.ts";

/** A small deterministic generator (xorshift32). */
export function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

/** Keys of every kind and form a key table keeps apart (numbers, bigints, short, long and array-index strs). */
export function keyPool(next: () => number): MapKey[] {
  const pool: MapKey[] = [];
  for (let i = 0; i < 40; i++) {
    pool.push(i - 5, i * 16384, 2 ** 40 + i * 2 ** 20, -(2 ** 50) - i);
    pool.push(BigInt(i) << 64n, -(BigInt(i + 1) << 70n) - 3n);
    pool.push(String(i * 16384), `k${i}`, `0${i}`, String(next()));
    // Around the longest str the table holds (12 units): shorter ones in it, longer in the Map.
    pool.push(`abcdefghij${i}`, `abcdefghijk${i}`, `\u0000${"z".repeat(i % 14)}`);
  }
  pool.push("", "12345678901", "-1", 0.5);
  // Long strs (found by digest), some equal in text but built apart.
  const long = "x".repeat(16383);
  const wide = "\u0101".repeat(16383);
  pool.push(`${wide}a`, `${wide}b`, `${wide}\ud800`, `${wide}\udc00`, `${long}\u0101`);
  for (let i = 0; i < 6; i++) {
    pool.push(`${long}${i % 3}`, `${long}${i % 3}`.slice(0), `${long}${i}y`);
  }
  return pool;
}
