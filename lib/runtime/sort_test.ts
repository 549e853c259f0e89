/**
 * The safe-int path of sortValues gives the order of a plain comparison
 * sort, for every shape its run check and its int32 / double choice
 * separate (random, ascending, descending, equal, nearly sorted, two runs,
 * values around ±2^31 and ±2^53), in both directions, and pays the same
 * prepaid units as before: n · ceil(log2(n + 1)), nothing per comparison.
 */

import assert from "node:assert/strict";
import type { DynamicGas } from "../compile/opcodes.ts";
import { sortValues } from "./sort.ts";
import { SeededRandom } from "../../tests/support/random.ts";

class CountingCharge {
  prepaid = 0;
  pays = 0;
  units(count: number): void {
    this.prepaid += count;
  }
  pay(_cost: DynamicGas | null, units: number): void {
    this.pays += units;
  }
}

function shapes(random: SeededRandom): number[][] {
  const pick = (values: readonly number[], n: number) =>
    Array.from({ length: n }, () => random.pick(values));
  const small = Array.from({ length: 50 }, (_, i) => i - 25);
  const edges = [
    0,
    1,
    -1,
    2 ** 31 - 1,
    -(2 ** 31),
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 - 1,
    1 - 2 ** 53,
  ];
  const ascending = (n: number) => pick(small, n).sort((a, b) => a - b);
  const out: number[][] = [[], [7], [3, 3, 3], [2, 1], [1, 2]];
  for (const n of [5, 64, 300]) {
    out.push(pick(small, n), pick(edges, n), ascending(n), ascending(n).reverse());
    out.push([...ascending(n), ...pick(small, 3)], [...ascending(n), ...ascending(n)]);
    out.push(ascending(n).map((value) => value * 2 ** 40), pick(edges, n).sort((a, b) => a - b));
  }
  return out;
}

Deno.test("sortValues of safe ints: a comparison sort's order, both ways, the same units", () => {
  const random = new SeededRandom(6);
  for (const items of shapes(random)) {
    for (const reverse of [false, true]) {
      const meter = new CountingCharge();
      const sorted = sortValues(meter, [...items], null, reverse);
      const expected = [...items].sort((a, b) => (reverse ? b - a : a - b));
      assert.deepEqual(sorted, expected, `${items.slice(0, 8)} reverse=${reverse}`);
      assert.equal(meter.prepaid, items.length * Math.ceil(Math.log2(items.length + 1)));
      assert.equal(meter.pays, 0);
    }
  }
});

Deno.test("sortValues: a bigint among safe ints leaves the fast path with the same order", () => {
  const items = [5, 2n ** 70n, -3, 0, -(2n ** 64n), 5];
  const sorted = sortValues(new CountingCharge(), items, null, false);
  assert.deepEqual(sorted, [-(2n ** 64n), -3, 0, 5, 5, 2n ** 70n]);
});
