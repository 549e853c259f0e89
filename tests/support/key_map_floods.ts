/**
 * Keys crafted against lib/runtime/key_map.ts's own table: ints whose
 * table hash has 16 low zero bits, so that in a table of up to 2^16 slots
 * every one starts its probe at slot 0. Found by undoing KeyMap's 32-bit
 * mix step by step (each xor-shift and odd multiplication is invertible).
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
