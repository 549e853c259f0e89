/**
 * countDistinctMerge gives what the merge sort counts when it is run:
 * mergeKeys' order and comparisons on int ranks, and through sortValues
 * the order and gas of the general comparison on tuples led by distinct
 * strs of chosen lengths (the str units), over orders that shape the
 * merge tree differently: random, sorted, reversed, nearly sorted, runs
 * of every length, sawtooth, and sizes around powers of two (an odd run
 * carried up at some levels).
 */

import assert from "node:assert/strict";
import { countDistinctMerge } from "./merge_count.ts";
import { keyOf, mergeKeys } from "./sort_keys.ts";
import { PyTuple } from "./values.ts";
import { SeededRandom } from "../../tests/support/random.ts";
import { sortUnder } from "../../tests/support/sort_under.ts";

/** A permutation of 0..n-1 of one of the shapes of the file header. */
function permutation(random: SeededRandom, n: number, shape: number): number[] {
  const ranks = Array.from({ length: n }, (_, i) => i);
  const shuffle = (from: number, to: number) => {
    for (let i = to - 1; i > from; i--) {
      const j = from + random.below(i - from + 1);
      [ranks[i], ranks[j]] = [ranks[j] as number, ranks[i] as number];
    }
  };
  switch (shape) {
    case 0:
      shuffle(0, n);
      break;
    case 1:
      break;
    case 2:
      ranks.reverse();
      break;
    case 3:
      for (let swaps = n < 2 ? 0 : 1 + random.below(5); swaps > 0; swaps--) {
        const at = random.below(n - 1);
        [ranks[at], ranks[at + 1]] = [ranks[at + 1] as number, ranks[at] as number];
      }
      break;
    case 4: {
      // Runs of random lengths, each ascending or descending, in shuffled blocks of ranks.
      const out: number[] = [];
      shuffle(0, n);
      for (let at = 0; at < n;) {
        const length = 1 + random.below(12);
        const run = ranks.slice(at, at + length).sort((a, b) => a - b);
        out.push(...(random.below(2) === 0 ? run : run.reverse()));
        at += length;
      }
      return out;
    }
    default: {
      // A sawtooth: the ranks dealt into a few ascending teeth.
      const teeth = 2 + random.below(6);
      const out: number[] = [];
      for (let tooth = 0; tooth < teeth; tooth++) {
        for (let rank = tooth; rank < n; rank += teeth) out.push(rank);
      }
      return out;
    }
  }
  return ranks;
}

function sizes(): number[] {
  const out = [1, 2, 3, 5, 17, 64, 65, 100, 1000];
  for (const power of [128, 256, 1024, 4096]) out.push(power - 1, power, power + 1);
  return out;
}

Deno.test("countDistinctMerge: mergeKeys' order and comparisons on int ranks", () => {
  const random = new SeededRandom(3);
  for (const n of sizes()) {
    for (let shape = 0; shape < 6; shape++) {
      for (let round = 0; round < 3; round++) {
        const ranks = permutation(random, n, shape);
        const made = mergeKeys(Float64Array.from(ranks, (rank, index) => keyOf(rank, index)));
        const counted = countDistinctMerge(Int32Array.from(ranks), null);
        assert.equal(counted.comparisons, made.comparisons, `${n} items, shape ${shape}`);
        assert.equal(counted.units, 0);
        assert.deepEqual(counted.order, Array.from(made.sorted, (key) => key % 2 ** 16));
      }
    }
  }
});

Deno.test("countDistinctMerge: tuples led by distinct strs sort and pay as the general comparison", () => {
  const random = new SeededRandom(5);
  for (const n of sizes()) {
    for (let shape = 0; shape < 6; shape++) {
      // The first unit orders them (all different), the rest sets their lengths (1 to 20 units).
      const tuples = permutation(random, n, shape).map((rank, index) =>
        new PyTuple([String.fromCharCode(0x100 + rank) + "a".repeat(random.below(20)), index])
      );
      const fast = sortUnder(tuples, false, Number.MAX_SAFE_INTEGER, false);
      assert.deepEqual(
        fast,
        sortUnder(tuples, false, Number.MAX_SAFE_INTEGER, true),
        `${n}, ${shape}`,
      );
    }
  }
});
