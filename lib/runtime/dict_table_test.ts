/**
 * Unit tests of the dict slot table: hole skipping agrees with a plain
 * scan after any mix of insertions and deletions, and tables grow at the
 * sizes CPython 3.11's do (checked there with sys.getsizeof).
 */

import assert from "node:assert/strict";
import { clearEntries, copyEntries, deleteEntry, presize, setEntry } from "./dict_table.ts";
import { PyDict } from "./values.ts";

/** A small seeded generator (the tests' own is outside lib/). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}

function scanForward(dict: PyDict, at: number): number {
  let i = at;
  while (i < dict.table.slots.length && dict.table.slots[i] === null) i++;
  return i;
}

function scanBackward(dict: PyDict, at: number): number {
  let i = Math.min(at, dict.table.slots.length - 1);
  while (i >= 0 && dict.table.slots[i] === null) i--;
  return i;
}

Deno.test("dict table: skipping holes finds the slot a plain scan finds", () => {
  const next = lcg(7);
  for (let round = 0; round < 20; round++) {
    const dict = new PyDict();
    let key = 0;
    for (let step = 0; step < 400; step++) {
      if (next() % 3 === 0 && dict.entries.size > 0) {
        const keys = [...dict.ordered()].map((entry) => entry.dk);
        deleteEntry(dict, keys[next() % keys.length] ?? 0);
      } else {
        setEntry(dict, key, key, key);
        key++;
      }
      const at = next() % (dict.table.slots.length + 2);
      assert.equal(dict.table.nextLive(at), scanForward(dict, at));
      assert.equal(dict.table.previousLive(at), scanBackward(dict, at));
    }
  }
});

Deno.test("dict table: sizes follow CPython 3.11's growth, presizing, clearing and copying", () => {
  const grown = new PyDict();
  const sizes: number[] = [];
  for (let i = 0; i < 12; i++) {
    setEntry(grown, i, i, i);
    sizes.push(2 ** grown.table.logSize);
  }
  // {} then d[i] = i: 8 slots hold 5 entries, the 6th rebuilds at 3 slots per entry (16).
  assert.deepEqual(sizes, [8, 8, 8, 8, 8, 16, 16, 16, 16, 16, 32, 32]);
  const literal = new PyDict();
  presize(literal, 6, false);
  assert.equal(2 ** literal.table.logSize, 16);
  // A str-only table rebuilds when a non-str key arrives: {"a": 1, "b": 2}; d[5] = 0 has 16 slots.
  const text = new PyDict();
  setEntry(text, "a", "a", 1);
  setEntry(text, "b", "b", 2);
  assert.equal(text.table.unicode, true);
  setEntry(text, 5, 5, 0);
  assert.deepEqual([text.table.unicode, 2 ** text.table.logSize], [false, 16]);
  // The same once the index is direct (eleven long strs, which the index leaves to its Map):
  // 32 slots, and the int key rebuilds the table at three slots per entry (64).
  const long = new PyDict();
  for (let i = 0; i < 11; i++) setEntry(long, `a longer key ${i}`, `a longer key ${i}`, i);
  assert.deepEqual([long.entries.direct, long.table.unicode, 2 ** long.table.logSize], [
    true,
    true,
    32,
  ]);
  setEntry(long, 3, 3, 0);
  assert.deepEqual([long.table.unicode, 2 ** long.table.logSize], [false, 64]);
  // A copy of a table with few holes keeps them; clearing returns to the empty table.
  deleteEntry(text, "a");
  const copy = new PyDict();
  copyEntries(copy, text);
  assert.deepEqual(copy.table.slots.map((entry) => entry?.key ?? null), [null, "b", 5]);
  clearEntries(copy);
  assert.deepEqual([copy.table.logSize, copy.table.slots.length, copy.entries.size], [0, 0, 0]);
});
