/**
 * Attacks on the speed paths of KeyMap (lib/runtime/key_map.ts: its 8-key
 * scan, lazy str Map, size counter and last-found / last-missed caches),
 * the compiled tier's in-line reads, appends and dict.get
 * (lib/runtime/inline_paths.ts) and the first-int sort comparisons
 * (lib/runtime/sort.ts): KeyMap against the engine's Map over small key
 * pools that cross the scan limit again and again (copies, clears, floods
 * and the lookup sequences the caches serve); generated programs
 * (tests/support/speed_path_programs.ts) against CPython 3.11 by repr;
 * and the same programs on both tiers at swept gas limits.
 */

import assert from "node:assert/strict";
import { compileContract } from "../ir.ts";
import { KeyMap, type MapKey } from "../lib/runtime/key_map.ts";
import { repr } from "../lib/runtime/repr.ts";
import { compiledTier } from "../lib/runtime/tier.ts";
import { OUTPUT_METER } from "../lib/runtime/walk.ts";
import { keysCollidingInKeyMap, strsCollidingInKeyMap } from "./support/key_map_floods.ts";
import { pythonUnavailableReason, runPythonJson } from "./support/python.ts";
import { SeededRandom } from "./support/random.ts";
import {
  genDictProgram,
  genFrozenProgram,
  genIndexProgram,
  genMutProgram,
  genSortProgram,
} from "./support/speed_path_programs.ts";
import { callOn, fullCost, onBothTiers, sweepLimits } from "./support/tier_compare.ts";

Deno.test("KeyMap answers as Map over small pools crossing its scan limit, copies and floods", () => {
  const flood = keysCollidingInKeyMap(1500);
  const strFlood = strsCollidingInKeyMap(1500);
  const kinds: MapKey[] = [
    0,
    1,
    -1,
    7,
    8,
    2 ** 31,
    -(2 ** 31),
    2 ** 53,
    2 ** 53 - 1,
    1n << 64n,
    -(1n << 64n),
    5n,
    "7",
    "0",
    "",
    "a",
    "00",
    "1234567890",
    "12345678901",
    "\u0000x",
    "user1",
    "abcdefghijkl",
    "abcdefghijklm",
    ...strFlood.slice(0, 3),
    -0,
    0.5,
    "x".repeat(20000),
  ];
  for (let seed = 1; seed <= 600; seed++) {
    const random = new SeededRandom(seed);
    const pool: MapKey[] = [];
    for (let i = 3 + random.below(18); i > 0; i--) {
      pool.push(kinds[random.below(kinds.length)] ?? 0);
    }
    const pairs: [KeyMap<MapKey, number>, Map<MapKey, number>][] = [[new KeyMap(), new Map()]];
    const [first, model] = pairs[0] as [KeyMap<MapKey, number>, Map<MapKey, number>];
    if (seed % 5 === 0) {
      // Half the floods are crafted strs: once given up, a str moves to the str Map.
      for (const key of seed % 10 === 0 ? flood : strFlood) {
        first.set(key, 1);
        model.set(key, 1);
      }
      assert.ok(first.flooded, `seed ${seed}: the flood gave the table up`);
      if (seed % 20 === 0) {
        for (const key of flood.slice(0, 1400)) assert.equal(first.delete(key), model.delete(key));
      } else if (seed % 10 === 5) {
        for (const key of strFlood.slice(3, 1400)) {
          assert.equal(first.delete(key), model.delete(key));
        }
      }
    }
    for (let step = 0; step < 400; step++) {
      const [mine, theirs] = pairs[random.below(pairs.length)] as [
        KeyMap<MapKey, number>,
        Map<MapKey, number>,
      ];
      const key = pool[random.below(pool.length)] as MapKey;
      const choice = random.below(100);
      const where = `seed ${seed} step ${step}`;
      if (choice < 20) {
        mine.set(key, step);
        theirs.set(key, step);
      } else if (choice < 35) {
        // A dict's insertion: a lookup, then the add without a second one when it missed.
        if (mine.get(key) === undefined) mine.addAbsent(key, step);
        else mine.set(key, step);
        theirs.set(key, step);
      } else if (choice < 58) {
        assert.equal(mine.delete(key), theirs.delete(key), where);
      } else if (choice < 63) {
        // Found, deleted, looked up again (the found key's cache), with another key between.
        const other = pool[random.below(pool.length)] as MapKey;
        assert.equal(mine.get(key), theirs.get(key), where);
        assert.equal(mine.delete(key), theirs.delete(key), where);
        assert.equal(mine.get(other), theirs.get(other), where);
        assert.equal(mine.has(key), false, where);
        assert.equal(mine.get(key), undefined, where);
      } else if (choice < 90) {
        assert.equal(mine.get(key), theirs.get(key), where);
        assert.equal(mine.has(key), theirs.has(key), where);
      } else if (choice < 95) {
        if (pairs.length < 6) {
          const copy = new KeyMap<MapKey, number>();
          if (random.below(2) === 0) {
            copy.set(key, 1);
            copy.delete(key);
          }
          copy.fillMapped(mine, (value) => value);
          pairs.push([copy, new Map(theirs)]);
        }
      } else if (choice < 96) {
        mine.clear();
        theirs.clear();
      } else {
        // Nine new int keys at once: past the scan limit into a table.
        for (let i = 0; i < 9; i++) {
          const added = 1000 + random.below(40);
          mine.set(added, i);
          theirs.set(added, i);
        }
      }
      assert.equal(mine.size, theirs.size, where);
    }
    for (const [mine, theirs] of pairs) {
      assert.equal(mine.size, theirs.size);
      for (const key of [...pool, ...kinds]) assert.equal(mine.get(key), theirs.get(key));
      for (const [key, value] of theirs) assert.equal(mine.get(key), value);
    }
  }
});

/** main()'s outcome as the oracle writes it: "OK " + repr, or "ERR " + type: message. */
function vmRepr(source: string): string {
  const result = callOn(compileContract(source).verified, "main", [], 50_000_000);
  const failure = result.failure;
  if (failure === null) return `OK ${repr(OUTPUT_METER, result.value)}`;
  return `ERR ${failure.type}: ${failure.message}`;
}

const generators = [genDictProgram, genIndexProgram, genMutProgram, genSortProgram];

function programs(seed: number, each: number): string[] {
  const random = new SeededRandom(seed);
  const out: string[] = [];
  for (const generate of generators) for (let i = 0; i < each; i++) out.push(generate(random));
  return out;
}

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`CPython comparisons skipped: ${skipReason}`);

Deno.test({
  name: "generated dict, view-set, index, append and sort programs agree with CPython 3.11 by repr",
  ignore: skipReason !== null,
  fn: async () => {
    const sources = programs(41, 60);
    const oracle = await runPythonJson(
      new URL("./support/repr_oracle.py", import.meta.url),
      JSON.stringify(sources),
    ) as string[];
    sources.forEach((source, i) => {
      const mine = vmRepr(source);
      const theirs = oracle[i] ?? "";
      // A sort of 64 or more items compares in an order of its own (not timsort's): a TypeError
      // between two kinds may name them the other way round, so only its type is compared.
      const sort = source.includes("sort");
      if (sort && mine.startsWith("ERR TypeError") && theirs.startsWith("ERR TypeError")) return;
      assert.equal(mine, theirs, source);
    });
  },
});

Deno.test("generated speed-path programs: both tiers agree at swept gas limits", () => {
  let limits = 0;
  const random = new SeededRandom(44);
  const frozen = Array.from({ length: 8 }, () => genFrozenProgram(random));
  for (const source of [...programs(43, 7), ...frozen]) {
    const verified = compileContract(source).verified;
    assert.notEqual(compiledTier(verified), null, source);
    const full = fullCost(verified, "main", []);
    for (
      const limit of sweepLimits(verified, "main", [], full, {
        dense: 250,
        boundaries: 60,
        spread: 60,
        budget: 4_000_000,
      })
    ) {
      const [compiled, interpreted] = onBothTiers(verified, "main", [], limit);
      assert.equal(compiled, interpreted, `${source}\nat ${limit}`);
      limits++;
    }
  }
  assert.ok(limits > 1000, `${limits} limits`);
});
