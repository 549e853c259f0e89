/**
 * sortTexts against the engine's sort of strs: random lists over small and
 * wide alphabets, with and without long shared prefixes, empty and equal
 * strs, so that every path (insertion, counting, the shared-prefix jump,
 * the hand-off to the engine by span and by level) is taken.
 */

import assert from "node:assert/strict";
import { sortTexts } from "./sort_texts.ts";
import { SeededRandom } from "../../tests/support/random.ts";

const ALPHABETS = ["ab", "abc", "a\u0000b", "xyz\uffff\u0100", "0123456789", "\u00e9\u4e00a"];

Deno.test("sortTexts orders random strs as the engine's sort does", () => {
  const random = new SeededRandom(7);
  const next = () => random.nextU32();
  for (let trial = 0; trial < 3000; trial++) {
    const alphabet = ALPHABETS[trial % ALPHABETS.length] as string;
    const count = next() % 300;
    const longest = 1 + next() % 40;
    const prefix = trial % 3 === 0 ? "common".repeat(next() % 12) : "";
    const texts: string[] = [];
    for (let i = 0; i < count; i++) {
      let text = prefix;
      const length = next() % longest;
      for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
      texts.push(text);
    }
    assert.deepEqual(sortTexts(texts.slice()), texts.slice().sort(), `trial ${trial}`);
  }
});

Deno.test("sortTexts orders crafted shared prefixes (past its level limit) as the engine does", () => {
  const staircase = Array.from(
    { length: 300 },
    (_, j) => "a".repeat(j) + "b" + "a".repeat(300 - j),
  );
  const equal = Array.from({ length: 200 }, () => "a".repeat(100));
  const keys = Array.from({ length: 3000 }, (_, j) => `user${(j * 7919) % 3001}`);
  for (const texts of [staircase, equal, keys, staircase.concat(equal, keys)]) {
    assert.deepEqual(sortTexts(texts.slice().reverse()), texts.slice().sort());
  }
});

Deno.test("sortTexts orders inputs at the edges of the packed order as the engine does", () => {
  const names = (count: number, make: (j: number) => string) =>
    Array.from({ length: count }, (_, j) => make((j * 7919) % count));
  const cases = [
    names(500, (j) => `user${j}`),
    names(500, (j) => `${"p".repeat(20)}${j}`),
    names(200, (j) => `k\u0000${j % 7}\u0000${j}`),
    names(200, () => "same"),
    names(200, (j) => (j % 2 === 0 ? "" : `${j}`)),
    // Past the shared prefix, at and past the most digits a packed number takes.
    names(100, (j) => `${"x".repeat(16)}${String(j).padStart(32, "0")}`),
    names(100, (j) => `${"x".repeat(16)}${String(j).padStart(33, "0")}`),
    names(300, (j) => (j === 7 ? "a".repeat(48) : `${j % 10}`)),
    // Units from E000 up in the prefix and in the digits.
    names(100, (j) => `\ue000\uffff${j}`),
    names(100, (j) => `n${String.fromCharCode(0xe000 + (j % 50))}${j}`),
  ];
  for (const texts of cases) {
    assert.deepEqual(sortTexts(texts.slice()), texts.slice().sort(), texts[0]);
  }
});

Deno.test("sortTexts refuses strs with a surrogate unit anywhere, packed or not", () => {
  const names = Array.from({ length: 100 }, (_, j) => `user${(j * 37) % 101}`);
  const withSurrogate = [
    names.map((name) => "\ud800\udc00" + name),
    names.map((name) => "\udc00\ude05" + name),
    names.concat("user\ud83d\ude00"),
    names.slice(0, 10).concat("x\udfff"),
  ];
  for (const texts of withSurrogate) {
    const before = texts.slice();
    assert.equal(sortTexts(texts), null);
    assert.deepEqual(texts, before);
  }
  assert.deepEqual(sortTexts(names.slice()), names.slice().sort());
});
