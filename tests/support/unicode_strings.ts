/**
 * Seeded random strs for the Unicode sweeps (tests/case_sweep_test.ts,
 * tests/str_code_points_test.ts), as code point lists, and the source text
 * of a str literal that spells one exactly (escapes for all but printable
 * ASCII, so surrogates survive any source encoding).
 */

import type { SeededRandom } from "./random.ts";

/** Code points where case mapping has its special rules or where Unicode versions disagree. */
export const CASE_POINTS: readonly number[] = [
  // ASCII letters and case-ignorable punctuation (' . : ^ `)
  0x41,
  0x5a,
  0x61,
  0x7a,
  0x49,
  0x69,
  0x27,
  0x2e,
  0x3a,
  0x5e,
  0x60,
  0x20,
  0x31,
  // Greek sigma and friends, iota subscript forms, dialytika
  0x3a3,
  0x3c3,
  0x3c2,
  0x391,
  0x3b1,
  0x390,
  0x1fb3,
  0x1fbc,
  0x1f80,
  0x345,
  0x3b0,
  // digraphs (upper, title, lower)
  0x1c4,
  0x1c5,
  0x1c6,
  0x1c7,
  0x1c8,
  0x1c9,
  0x1f1,
  0x1f2,
  0x1f3,
  // full mappings and odd ones: sharp s, n-apostrophe, dotted/dotless i, ligatures, j-caron
  0xdf,
  0x1e9e,
  0x149,
  0x130,
  0x131,
  0xfb03,
  0xfb00,
  0x1f0,
  0x212a,
  0x212b,
  0x17f,
  0xb5,
  // combining marks, modifier letters, format characters (case-ignorable)
  0x300,
  0x301,
  0x307,
  0x2b0,
  0x1d2c,
  0xad,
  0x200d,
  0x200c,
  0x2019,
  // Cherokee, Georgian, Deseret, Adlam
  0x13a0,
  0xab70,
  0x10d0,
  0x1c90,
  0x10400,
  0x10428,
  0x1e900,
  0x1e922,
  // changed after Unicode 14 (engines ship newer tables)
  0x19b,
  0xa7cb,
  0xa7cc,
  0xa7cd,
  0xa7dc,
  0x10d50,
  0x10d70,
  0x1e030,
  0x1c89,
  0x1c8a,
  // lone surrogates
  0xd800,
  0xdbff,
  0xdc00,
  0xdfff,
];

/** A random code point: mostly from `pool`, sometimes from anywhere (surrogates included). */
export function randomCodePoint(random: SeededRandom, pool: readonly number[]): number {
  const roll = random.below(10);
  if (roll < 7) return random.pick(pool);
  if (roll < 9) return random.below(0x3000);
  return random.below(0x110000);
}

/** A random string of up to `most` code points. */
export function randomCodePoints(
  random: SeededRandom,
  pool: readonly number[],
  most: number,
): number[] {
  return Array.from({ length: random.below(most + 1) }, () => randomCodePoint(random, pool));
}

/** A Python str literal of exactly these code points. */
export function pythonLiteral(points: readonly number[]): string {
  return `"${
    points.map((cp) =>
      cp >= 0x20 && cp < 0x7f && cp !== 0x22 && cp !== 0x5c
        ? String.fromCharCode(cp)
        : `\\U${cp.toString(16).padStart(8, "0")}`
    ).join("")
  }"`;
}
