/**
 * Tuple dict keys (values.ts dictKey): a tuple of int32s and bools gets
 * the key its items write one by one (each int32 as `j` and its two
 * halves), the same key as any tuple equal to it, and distinct tuples get
 * distinct keys, across the int32 edges, bools, larger ints and nested
 * tuples.
 */

import assert from "node:assert/strict";
import { dictKey, PyTuple, type Value } from "./values.ts";
import { CountingMeter } from "../../tests/support/counting_meter.ts";

const ITEMS: Value[] = [
  0,
  1,
  -1,
  true,
  false,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53 - 1,
  2n ** 64n,
  "a",
  "",
];

const key = (items: Value[]) => dictKey(new CountingMeter(), new PyTuple(items)) as string;

/** The key as the item-by-item loop writes it: each int32 as `j` and its two halves. */
function itemByItem(items: number[]): string {
  return `\u0000t${items.map((n) => String.fromCharCode(0x6a, n & 0xffff, n >>> 16)).join("")}`;
}

Deno.test("a tuple of int32s and bools gets the key its items write", () => {
  for (let length = 0; length <= 10; length++) {
    const items = Array.from(
      { length },
      (_, i) => [5, -7, 2 ** 31 - 1, -(2 ** 31), 0][i % 5] as number,
    );
    assert.equal(key(items), itemByItem(items), `${length} items`);
  }
  assert.equal(key([true, false, 3]), key([1, 0, 3]));
});

Deno.test("distinct tuples get distinct keys, equal ones the same", () => {
  const seen = new Map<string, string>();
  for (const a of ITEMS) {
    for (const b of ITEMS) {
      for (const nested of [false, true]) {
        const items = nested ? [a, new PyTuple([b])] : [a, b];
        const normal = (v: Value) => (typeof v === "boolean" ? (v ? 1 : 0) : v);
        const label = JSON.stringify(
          [normal(a), nested, normal(b)],
          (_, v) => typeof v === "bigint" ? `${v}n` : v,
        );
        const found = seen.get(key(items));
        assert.ok(found === undefined || found === label, `${label} and ${found} share a key`);
        seen.set(key(items), label);
      }
    }
  }
  assert.equal(seen.size, 12 * 12 * 2);
});
