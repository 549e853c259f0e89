/**
 * Python source text for generated test values: int literals (negative
 * ones parenthesised), str and bytes literals with every non-printable or
 * non-ASCII character escaped (so the source is plain ASCII for both
 * tokenizers), and a seeded pool of interesting ints.
 */

import type { SeededRandom } from "./random.ts";

/** An int literal usable as an operand: `7`, `(-7)`. */
export function intText(value: bigint): string {
  return value < 0n ? `(${value})` : `${value}`;
}

function escape(code: number): string {
  if (code === 0x5c) return "\\\\";
  if (code === 0x22) return '\\"';
  if (code >= 0x20 && code < 0x7f) return String.fromCharCode(code);
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}

/** A str literal of `text` (by code point). */
export function strText(text: string): string {
  return `"${Array.from(text, (char) => escape(char.codePointAt(0) ?? 0)).join("")}"`;
}

/** A bytes literal of `bytes`. */
export function bytesText(bytes: Uint8Array | readonly number[]): string {
  return `b"${Array.from(bytes, (byte) => escape(byte)).join("")}"`;
}

/** Ints around the edges that matter: 0, ±1, powers of two, 2^31, 2^53, 2^63, 2^64, 10^30. */
export const EDGE_INTS: readonly bigint[] = [
  0n,
  1n,
  -1n,
  2n,
  -2n,
  3n,
  -3n,
  5n,
  7n,
  -7n,
  10n,
  13n,
  127n,
  128n,
  -128n,
  -129n,
  255n,
  256n,
  -256n,
  2n ** 31n - 1n,
  2n ** 31n,
  -(2n ** 31n),
  2n ** 32n + 1n,
  2n ** 53n - 1n,
  2n ** 53n,
  2n ** 53n + 1n,
  -(2n ** 53n + 1n),
  2n ** 62n,
  2n ** 63n - 1n,
  2n ** 63n,
  -(2n ** 63n),
  -(2n ** 63n) - 1n,
  2n ** 64n,
  2n ** 64n + 1n,
  -(2n ** 64n),
  10n ** 18n,
  10n ** 30n,
  -(10n ** 30n),
  10n ** 30n + 7n,
  2n ** 100n - 1n,
  -(2n ** 127n),
  3n ** 80n,
];

/** A random int of up to `maxBits` bits, either sign. */
export function randomInt(random: SeededRandom, maxBits: number): bigint {
  const bits = 1 + random.below(maxBits);
  let value = 0n;
  for (let i = 0; i < bits; i += 16) value = (value << 16n) | BigInt(random.below(0x10000));
  value &= (1n << BigInt(bits)) - 1n;
  return random.below(2) === 0 ? value : -value;
}

/** The edge ints, `count` random ones up to `maxBits` bits, and True and False (as source text). */
export function intOperands(random: SeededRandom, count: number, maxBits: number): string[] {
  const randoms = Array.from({ length: count }, () => randomInt(random, maxBits));
  return [...[...EDGE_INTS, ...randoms].map(intText), "True", "False"];
}
