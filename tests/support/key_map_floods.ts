/**
 * Keys crafted against lib/runtime/key_map.ts's own table: ints, and strs
 * of 12 UTF-16 units, whose table hash has 16 low zero bits, so that in a
 * table of up to 2^16 slots every one starts its probe at slot 0. Found by
 * undoing KeyMap's 32-bit mix step by step (each xor-shift and odd
 * multiplication is invertible), and for a str its last word of two units.
 */

/** x with its `x ^= x >>> by` undone. */
function unshift(x: number, by: number): number {
  let y = x;
  for (let i = by; i < 32; i += by) y = x ^ (y >>> by);
  return y;
}

/** The inverse of an odd number modulo 2^32 (Newton's iteration, 5 steps for 32 bits). */
function inverse(odd: number): number {
  let y = odd;
  for (let i = 0; i < 5; i++) y = Math.imul(y, 2 - Math.imul(odd, y));
  return y;
}

/** The int32 whose KeyMap mix is `h`. */
function unmix(h: number): number {
  let x = unshift(h, 16);
  x = Math.imul(x, inverse(0x846ca68b));
  x = unshift(x, 15);
  x = Math.imul(x, inverse(0x7feb352d));
  return unshift(x, 16) | 0;
}

/** `count` distinct ints (count < 2^16) that all start at slot 0 of KeyMap's table. */
export function keysCollidingInKeyMap(count: number): number[] {
  const keys: number[] = [];
  for (let i = 1; keys.length < count; i++) keys.push(unmix(i << 16));
  return keys;
}

/** The multiplier of KeyMap's str hash, one step per word of two UTF-16 units. */
const TEXT_PRIME = 0x01000193;

/**
 * `count` distinct strs of 12 units (count < 2^16) that all start at slot
 * 0 of KeyMap's table: "k", 9 digits, then the two units that make the
 * hash land there (skipping the few prefixes whose units would be
 * surrogates).
 */
export function strsCollidingInKeyMap(count: number): string[] {
  const strs: string[] = [];
  const stepBack = inverse(TEXT_PRIME);
  for (let j = 1; strs.length < count; j++) {
    const prefix = `k${String(j).padStart(9, "0")}`;
    let h = 12;
    for (let i = 0; i < prefix.length; i += 2) {
      h = Math.imul(h ^ (prefix.charCodeAt(i) | (prefix.charCodeAt(i + 1) << 16)), TEXT_PRIME);
    }
    const word = (h ^ Math.imul(unmix(j << 16), stepBack)) >>> 0;
    const low = word & 0xffff;
    const high = word >>> 16;
    if ((low & 0xf800) === 0xd800 || (high & 0xf800) === 0xd800) continue;
    strs.push(prefix + String.fromCharCode(low, high));
  }
  return strs;
}
