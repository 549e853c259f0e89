/**
 * The safe-int path of sortValues gives the order of a plain comparison
 * sort, for every shape its run check and its int32 / double choice
 * separate (random, ascending, descending, equal, nearly sorted, two runs,
 * values around ±2^31 and ±2^53), in both directions, and pays the same
 * prepaid units as before: n · ceil(log2(n + 1)), nothing per comparison.
 * Tuples headed by distinct safe ints (sorted on their heads) give the
 * order, gas and out-of-gas failure of the general comparison, which the
 * same items as lists take.
 */

import assert from "node:assert/strict";
import type { DynamicGas } from "../compile/opcodes.ts";
import { CallFailure } from "../errors.ts";
import { outOfGas } from "./failure.ts";
import { sortValues } from "./sort.ts";
import { PyList, PyTuple, type Value } from "./values.ts";
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

/** A charge with a gas limit that fails as the machine does (the failing charge changes nothing). */
class LimitedCharge {
  used = 0;
  constructor(readonly limit: number) {}
  units(count: number): void {
    this.charge(count);
  }
  pay(cost: DynamicGas | null, units: number): void {
    this.charge((cost?.per ?? 0) * units);
  }
  charge(amount: number): void {
    if (this.used + amount > this.limit) outOfGas(amount, this.limit - this.used);
    this.used += amount;
  }
}

/** Sorts `items` under `limit`: the result (items by their index in the input) or the failure. */
function sortUnder(items: readonly Value[], reverse: boolean, limit: number) {
  const meter = new LimitedCharge(limit);
  try {
    const sorted = sortValues(meter, [...items], null, reverse);
    return { order: sorted.map((item) => items.indexOf(item)), used: meter.used };
  } catch (error) {
    if (!(error instanceof CallFailure)) throw error;
    return { failure: `${error.type}: ${error.message}`, used: meter.used };
  }
}

function headedTuples(random: SeededRandom, n: number, heads: readonly Value[]): PyTuple[] {
  return Array.from({ length: n }, (_, i) => new PyTuple([random.pick(heads), i % 3, "x"]));
}

Deno.test("sortValues: int-headed tuples sort, pay and run out of gas as the same lists", () => {
  const random = new SeededRandom(11);
  const distinct = (n: number) => Array.from({ length: n }, (_, i) => (i * 7919) % 10007 - 5000);
  const cases: PyTuple[][] = [];
  for (const n of [2, 5, 63, 64, 65, 300, 1000]) {
    const heads = distinct(n);
    cases.push(heads.map((head, i) => new PyTuple([head, i])));
    cases.push([...heads].sort((a, b) => a - b).map((head) => new PyTuple([head])));
    cases.push([...heads].sort((a, b) => b - a).map((head) => new PyTuple([head, null])));
    cases.push(headedTuples(random, n, [1, 2, 3, 2 ** 40, -(2 ** 53) + 1])); // ties: general path
    cases.push(headedTuples(random, n, [1, 2n ** 64n, -7, true])); // a bigint and a bool head
  }
  for (const tuples of cases) {
    const lists = tuples.map((tuple) => new PyList([...tuple.items]));
    for (const reverse of [false, true]) {
      const full = sortUnder(tuples, reverse, Number.MAX_SAFE_INTEGER);
      assert.deepEqual(full, sortUnder(lists, reverse, Number.MAX_SAFE_INTEGER));
      for (const limit of [0, full.used >> 1, full.used - 3, full.used - 1, full.used]) {
        assert.deepEqual(sortUnder(tuples, reverse, limit), sortUnder(lists, reverse, limit));
      }
    }
  }
});
