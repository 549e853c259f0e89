/**
 * The safe-int path of sortValues gives the order of a plain comparison
 * sort, for every shape its run check, its merge of a few runs, its
 * counting of narrow ranges and its int32 / double choice separate
 * (random, ascending, descending, equal, nearly sorted, two to nine runs (up to eight merged),
 * values around ±2^31 and ±2^53), in both directions, and pays the same
 * prepaid units as before: n · ceil(log2(n + 1)), nothing per comparison.
 * Lists and tuples compared item pair by item pair give the order, gas and
 * failure (out of gas, TypeError) of the general comparison, which a meter
 * reporting no gas left forces.
 */

import assert from "node:assert/strict";
import type { DynamicGas } from "../compile/opcodes.ts";
import { sortValues } from "./sort.ts";
import { INDEX_BITS } from "./sort_keys.ts";
import { CAPS } from "../compile/opcodes.ts";
import { PyList, PyTuple, type Value } from "./values.ts";
import { SeededRandom } from "../../tests/support/random.ts";
import { sortUnder } from "../../tests/support/sort_under.ts";

class CountingCharge {
  prepaid = 0;
  pays = 0;
  gasLeft(): number {
    return Number.MAX_SAFE_INTEGER;
  }
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
    // Two to eight ascending runs (merged), and nine, one more than the merge takes (not merged).
    for (const runs of [2, 3, 7, 8, 9]) {
      out.push(Array.from({ length: runs }, () => ascending(n)).flat());
      out.push(Array.from({ length: runs }, () => pick(edges, n).sort((a, b) => a - b)).flat());
    }
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

/** Lists of tuples the item-pair comparison takes (or gives up on part way). */
function sequenceCases(random: SeededRandom): PyTuple[][] {
  const distinct = (n: number) => Array.from({ length: n }, (_, i) => (i * 7919) % 10007 - 5000);
  const texts = [
    "",
    "a",
    "ab",
    "abc",
    "b",
    "ba",
    "\u00e9",
    "\ud83d\ude00",
    "\ud83d",
    "\uffff",
    "zz",
  ];
  const shared = new PyTuple([1, 2]);
  const pick = (values: readonly Value[], length: number) =>
    Array.from({ length }, () => random.pick(values));
  const cases: PyTuple[][] = [];
  for (const n of [1, 2, 5, 63, 64, 65, 300, 1000]) {
    const heads = distinct(n);
    cases.push(heads.map((head, i) => new PyTuple([head, i])));
    cases.push(heads.map((head, i) => new PyTuple([head * 2 ** 40, i]))); // too wide for keys
    cases.push([...heads].sort((a, b) => a - b).map((head) => new PyTuple([head])));
    cases.push([...heads].sort((a, b) => b - a).map((head) => new PyTuple([head, null])));
    const tuple = (values: readonly Value[], length: number) =>
      Array.from({ length: n }, () => new PyTuple(pick(values, 1 + random.below(length))));
    cases.push(tuple([1, 2, 3, 2 ** 40, -(2 ** 53) + 1], 4)); // int tuples with ties
    cases.push(tuple(texts, 3)); // str tuples, equal prefixes, surrogates
    cases.push(tuple([...texts, 0, 1], 3)); // an int against a str: TypeError
    cases.push(tuple([1, 2n ** 64n, -7, true, null, shared], 2)); // a bigint, a bool, None
    cases.push(
      Array.from({ length: n }, () => random.below(2) === 0 ? shared : new PyTuple([1, 2])),
    );
    cases.push(Array.from({ length: n }, (_, i) => new PyTuple([random.pick(texts), i % 4])));
    // Short strs first (ranked; all different, or some equal), and some too long to rank.
    cases.push(heads.map((head, i) => new PyTuple([`k${head}`, i])));
    cases.push(heads.map((head, i) => new PyTuple([`k${head % 97}`, i])));
    cases.push(heads.map((head) => new PyTuple([`${"p".repeat(Math.abs(head) % 40)}${head}`])));
  }
  return cases;
}

Deno.test("sortValues: lists and tuples sort, pay and fail as under the general comparison", () => {
  for (const tuples of sequenceCases(new SeededRandom(11))) {
    const lists = tuples.map((tuple) => new PyList([...tuple.items]));
    for (const items of [tuples, lists]) {
      for (const reverse of [false, true]) {
        const full = sortUnder(items, reverse, Number.MAX_SAFE_INTEGER, false);
        assert.deepEqual(full, sortUnder(items, reverse, Number.MAX_SAFE_INTEGER, true));
        for (const limit of [0, full.used >> 1, full.used - 3, full.used - 1, full.used]) {
          if (limit < 0) continue;
          assert.deepEqual(
            sortUnder(items, reverse, limit, false),
            sortUnder(items, reverse, limit, true),
            `${items.length} items under ${limit}`,
          );
        }
      }
    }
  }
});

Deno.test("a sort key's index bits hold every item a list can have", () => {
  assert.ok(CAPS.container_length <= 2 ** INDEX_BITS);
});
