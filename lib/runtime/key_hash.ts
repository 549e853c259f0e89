/**
 * The fixed hash and the flood rules shared by the two tables that find
 * values by dict key without the engine's Map: KeyMap (./key_map.ts, sets
 * and byte maps) and DictIndex (./dict_index.ts, dicts). The engine's Map
 * hashes numbers, bigints and strs that spell an array index without a
 * seed, so those keys, and short strs (whose first hash costs a call into
 * the engine's runtime), are found through open addressing on the hash
 * below instead. That hash is fixed (results must not depend on a seed),
 * so a table counts the probes its lookups make past their first and,
 * past {@link EXTRA_PROBES_PER_LOOKUP} a lookup on average plus
 * {@link PROBE_SLACK}, gives its keys up to seeded Maps for good: a str
 * under its own text unless it spells an array index, any other key under
 * {@link taggedKey}.
 */

/** The key kinds a dict, set or byte map stores. */
export type MapKey = number | bigint | string;

/** An empty slot of a position table, and a slot whose key was deleted. */
export const EMPTY = -1;
export const TOMBSTONE = -2;

/** Probes past the first allowed per lookup, on average, before a table gives up. */
export const EXTRA_PROBES_PER_LOOKUP = 2;
/** Probes allowed on top of that (a small table's first clusters). */
export const PROBE_SLACK = 1024;
/** The longest str a table hashes itself (longer ones go to the seeded Map); at least INDEX_DIGITS. */
export const OWN_TEXT = 12;
/** A str longer than this is never an array index to the engine (2^32 - 2 has 10 digits). */
const INDEX_DIGITS = 10;

/** What a table keeps as the hash of a key it has not hashed yet (hashes are never negative). */
export const UNHASHED = -1;

/** The hash bits kept: a table never has more slots than this (container_length is far lower). */
const HASH_BITS = 0x3fffffff;

const doubleScratch = new Float64Array(1);
const doubleWords = new Int32Array(doubleScratch.buffer);

/** A 32-bit avalanche of `h` (every input bit flips about half the output bits). */
function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

function hashNumber(n: number): number {
  if ((n | 0) === n) return mix(n);
  doubleScratch[0] = n;
  return mix((doubleWords[0] ?? 0) ^ mix(doubleWords[1] ?? 0));
}

/** A bigint by its low 32 bits and its leading bits (as the nearest double). */
function hashBigint(n: bigint): number {
  return mix(Number(BigInt.asIntN(32, n)) ^ hashNumber(Number(n)));
}

/** A str by its length and its UTF-16 units, two to a 32-bit word. */
function hashText(text: string): number {
  const length = text.length;
  let h = length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    h = Math.imul(h ^ (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)), 0x01000193);
  }
  if (i < length) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

/** Whether the engine may hash `text` as an array index (unseeded): short and led by a digit. */
function indexLike(text: string): boolean {
  if (text.length > INDEX_DIGITS) return false;
  const first = text.charCodeAt(0);
  return first >= 0x30 && first <= 0x39;
}

/** A key's hash, kept to 30 bits (a small integer to the engine, so an array of them stays compact). */
export function hashKey(key: MapKey): number {
  if (typeof key === "number") return hashNumber(key) & HASH_BITS;
  if (typeof key === "bigint") return hashBigint(key) & HASH_BITS;
  return hashText(key) & HASH_BITS;
}

/**
 * Whether a table finds `key` itself (or, given up, under a tagged str)
 * rather than among the strs of the seeded Map: numbers, bigints and
 * short strs; once given up, only the strs the engine would hash without
 * its seed (the others go to the seeded Map under their own text, which
 * keeps the hash the engine caches on a str, where a tagged copy is a
 * fresh str hashed anew).
 */
export function ownKey(key: MapKey, givenUp: boolean): boolean {
  if (typeof key !== "string") return true;
  return key.length <= OWN_TEXT && (!givenUp || indexLike(key));
}

/** The seeded Map's key for one of a table's own keys once it gave up (kinds never collide). */
export function taggedKey(key: MapKey): string {
  if (typeof key === "number") {
    // An int32 as two UTF-16 units (no decimal conversion); any other number in decimal.
    return (key | 0) === key ? String.fromCharCode(0x69, key & 0xffff, key >>> 16) : `n${key}`;
  }
  if (typeof key === "bigint") return `b${key.toString(16)}`;
  return `s${key}`;
}

/** A copy of `source` with `map` of each value. */
export function mappedMap<U, V>(source: Map<string, U>, map: (value: U) => V): Map<string, V> {
  const out = new Map<string, V>();
  for (const [key, value] of source) out.set(key, map(value));
  return out;
}
