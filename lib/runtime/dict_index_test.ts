/**
 * A dict's index (dict_index.ts) against the engine's Map, through the
 * only writers of a dict (dict_table.ts): the same entries, sizes and
 * insertion order over random insertions, deletions, clears, copies and
 * merges on every key kind; and the flood defence: keys crafted against
 * the position table's hash make it give up within its probe budget, and
 * every form (scanned slots, positions, given up) answers alike.
 */

import assert from "node:assert/strict";
import {
  keysCollidingInKeyMap,
  strsCollidingInKeyMap,
} from "../../tests/support/key_map_floods.ts";
import { generator, keyPool } from "../../tests/support/key_pool.ts";
import { clearEntries, copyEntries, deleteEntry, mergeEntries, setEntry } from "./dict_table.ts";
import { type DictKey, PyDict } from "./values.ts";

function set(dict: PyDict, key: DictKey, value: number): void {
  setEntry(dict, key, key, value);
}

/** `dict` holds what `model` holds, in the same order, and nothing else of `pool`. */
function sameContents(dict: PyDict, model: Map<DictKey, number>, pool: readonly DictKey[]): void {
  assert.equal(dict.entries.size, model.size);
  assert.deepEqual([...dict.ordered()].map((entry) => [entry.dk, entry.value]), [...model]);
  for (const key of pool) {
    assert.equal(dict.entries.get(key)?.value, model.get(key));
    assert.equal(dict.entries.has(key), model.has(key));
  }
}

/** A dict and its model after `steps` random writes of `pool`'s keys. */
function randomDict(
  next: () => number,
  pool: readonly DictKey[],
  steps: number,
): [PyDict, Map<DictKey, number>] {
  const dict = new PyDict();
  const model = new Map<DictKey, number>();
  for (let step = 0; step < steps; step++) {
    const key = pool[next() % pool.length] as DictKey;
    if (next() % 3 === 0) {
      assert.equal(deleteEntry(dict, key) !== undefined, model.delete(key));
    } else {
      set(dict, key, step);
      model.set(key, step);
    }
  }
  return [dict, model];
}

Deno.test("a dict's index answers as Map over random writes on every key kind", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const next = generator(seed);
    const pool = keyPool(next);
    const dict = new PyDict();
    const model = new Map<DictKey, number>();
    for (let step = 0; step < 3000; step++) {
      const key = pool[next() % pool.length] as DictKey;
      const choice = next() % 100;
      if (choice < 45) {
        set(dict, key, step);
        model.set(key, step);
      } else if (choice < 80) {
        assert.equal(deleteEntry(dict, key)?.value, model.get(key));
        model.delete(key);
      } else if (choice < 99) {
        assert.equal(dict.entries.get(key)?.value, model.get(key));
        assert.equal(dict.entries.has(key), model.has(key));
      } else {
        clearEntries(dict);
        model.clear();
      }
      assert.equal(dict.entries.size, model.size);
    }
    sameContents(dict, model, pool);
  }
});

Deno.test("copies and merges of a dict in every form answer, and then change apart", () => {
  let floodedSources = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const next = generator(seed);
    const pool: DictKey[] = keyPool(next);
    // Half the seeds flood the source first, so that it copies a given-up index.
    if (seed % 2 === 0) pool.push(...keysCollidingInKeyMap(1200));
    const [source, model] = randomDict(next, pool, 2000);
    if (source.entries.flooded) floodedSources++;
    const copy = new PyDict();
    if (seed % 3 === 0) mergeEntries(copy, source);
    else copyEntries(copy, source);
    if (seed % 3 !== 0) assert.equal(copy.entries.flooded, source.entries.flooded);
    const copyModel = new Map(model);
    sameContents(copy, copyModel, pool);
    for (let step = 0; step < 2000; step++) {
      const key = pool[next() % pool.length] as DictKey;
      const [dict, theirs] = step % 2 === 0 ? [copy, copyModel] : [source, model];
      if (next() % 3 === 0) assert.equal(deleteEntry(dict, key) !== undefined, theirs.delete(key));
      else {
        set(dict, key, -step);
        theirs.set(key, -step);
      }
    }
    sameContents(copy, copyModel, pool);
    sameContents(source, model, pool);
  }
  assert.ok(floodedSources >= 10, `${floodedSources} given-up sources copied`);
});

Deno.test("a dict keeps every entry through heavy deletion (holes, rebuilds) and reinsertion", () => {
  const dict = new PyDict();
  const model = new Map<DictKey, number>();
  const pool: DictKey[] = [];
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < 2000; i++) {
      pool.push(i * 7 + round);
      set(dict, i * 7 + round, i);
      model.set(i * 7 + round, i);
    }
    for (let i = 0; i < 2000; i += round + 2) {
      assert.equal(deleteEntry(dict, i * 7) !== undefined, model.delete(i * 7));
    }
    sameContents(dict, model, pool);
  }
  // One key deleted and set again, round after round: the slots are compacted, never grow on.
  for (let round = 0; round < 100_000; round++) {
    deleteEntry(dict, 5);
    set(dict, 5, round);
  }
  assert.equal(dict.entries.get(5)?.value, 99_999);
  assert.ok(dict.table.slots.length < 2 * dict.entries.size + 64);
  assert.equal(dict.entries.flooded, false);
});

Deno.test("a dict of one range's ints is indexed by key, and leaves that form for any other key", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const next = generator(seed);
    const n = 200 + (next() % 4000);
    // The ints below n in a random order, then writes of them and of keys that leave the form.
    const keys = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [keys[i], keys[j]] = [keys[j] as number, keys[i] as number];
    }
    const dict = new PyDict();
    const model = new Map<DictKey, number>();
    for (const key of keys) {
      set(dict, key, key);
      model.set(key, key);
    }
    assert.ok(dict.entries.direct, `${n} ints below ${n}`);
    const outsiders: DictKey[] = [n * 64, 2 ** 31, 2 ** 32, -1, 0.5, 2n ** 70n, "k", `0`];
    const pool: DictKey[] = [...keys.slice(0, 300), n, n + 1, n * 2, ...outsiders];
    let left = false;
    for (let step = 0; step < 3000; step++) {
      const key = step % 500 === 499
        ? outsiders[next() % outsiders.length] as DictKey
        : pool[next() % (pool.length - outsiders.length)] as DictKey;
      if (next() % 3 === 0) {
        assert.equal(deleteEntry(dict, key)?.value, model.get(key));
        model.delete(key);
      } else {
        set(dict, key, step);
        model.set(key, step);
      }
      if (!dict.entries.direct) left = true;
      if (step % 1000 === 0) {
        const copy = new PyDict();
        copyEntries(copy, dict);
        assert.equal(copy.entries.direct, dict.entries.direct);
        sameContents(copy, new Map(model), pool);
      }
    }
    assert.ok(left, "an outsider left the direct form");
    sameContents(dict, model, pool);
  }
});

Deno.test("keys crafted to collide in a dict's position table make it give up within its budget", () => {
  for (const crafted of [keysCollidingInKeyMap(20000), strsCollidingInKeyMap(20000)]) {
    const dict = new PyDict();
    let inserted = 0;
    for (const key of crafted) {
      set(dict, key, inserted++);
      if (dict.entries.flooded) break;
    }
    assert.ok(dict.entries.flooded, "the position table gave up");
    assert.ok(inserted < 200, `gave up after ${inserted} crafted ${typeof crafted[0]} keys`);
    for (const key of crafted) set(dict, key, 1);
    assert.equal(dict.entries.size, crafted.length);
    for (const key of crafted) assert.equal(dict.entries.get(key)?.value, 1);
    assert.equal(dict.entries.has(typeof crafted[0] === "number" ? crafted[0] + 1 : "k"), false);
    for (const key of crafted.slice(0, 100)) assert.ok(deleteEntry(dict, key) !== undefined);
    assert.equal(dict.entries.size, crafted.length - 100);
    assert.deepEqual([...dict.ordered()].map((entry) => entry.dk), crafted.slice(100));
  }
});

Deno.test("a dict lookup that gives the position table up still answers, in any form", () => {
  // The deepest of n crafted keys probes n times a lookup: looked up again and again, it spends
  // the budget within one of those lookups, which must then find it in its new form.
  let flips = 0;
  for (const crafted of [keysCollidingInKeyMap(45), strsCollidingInKeyMap(45)]) {
    for (let n = 15; n <= 45; n += 5) {
      const dict = new PyDict();
      for (let i = 0; i < n && !dict.entries.flooded; i++) set(dict, crafted[i] as DictKey, i);
      if (dict.entries.flooded) continue;
      const deepest = crafted[n - 1] as DictKey;
      // Another key between (the index remembers the entry it found last), a bounded number of times.
      for (let round = 0; round < 10_000 && !dict.entries.flooded; round++) {
        for (const [key, value] of [[deepest, n - 1], [crafted[0] as DictKey, 0]] as const) {
          const before = dict.entries.flooded;
          assert.equal(dict.entries.get(key)?.value, value);
          if (!before && dict.entries.flooded) flips++;
        }
      }
      assert.ok(dict.entries.flooded, `${n} crafted keys: lookups gave the position table up`);
      for (let i = 0; i < n; i++) assert.equal(dict.entries.get(crafted[i] as DictKey)?.value, i);
      assert.ok(deleteEntry(dict, deepest) !== undefined);
      assert.equal(dict.entries.has(deepest), false);
      assert.equal(dict.entries.size, n - 1);
      set(dict, deepest, 7);
      assert.equal(dict.entries.get(deepest)?.value, 7);
    }
  }
  assert.ok(flips >= 10, `${flips} lookups gave the position table up`);
});

Deno.test("sequential and random honest keys never make a dict's position table give up", () => {
  const next = generator(7);
  // One dict per family (a dict holds up to container_length entries).
  const families: ((i: number) => DictKey)[] = [
    (i) => i,
    () => next() * 1024 + (next() & 1023),
    (i) => BigInt(next()) << 60n | BigInt(i),
    (i) => String(i * 16384),
    (i) => `user${i}`,
    (i) => `${String.fromCharCode(next() & 0x7fff)}${i % 977}`,
  ];
  for (const family of families) {
    const dict = new PyDict();
    for (let i = 0; i < 60000; i++) set(dict, family(i), i);
    assert.equal(dict.entries.flooded, false);
  }
});
