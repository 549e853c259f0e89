/**
 * payItemsInSequence pays as that many one-item payments in a row: under
 * every gas limit around the total it leaves the same gas used and fails
 * with the same out-of-gas message as the one-by-one payments, and it gets
 * there in a logarithmic number of charges.
 */

import assert from "node:assert/strict";
import { type DynamicGas, WALKS } from "../compile/opcodes.ts";
import { CallFailure } from "../errors.ts";
import { outOfGas } from "./failure.ts";
import { payItemsInSequence } from "./walk.ts";

class LimitedMeter {
  used = 0;
  charges = 0;
  constructor(readonly limit: number) {}
  pay(cost: DynamicGas | null, units: number): void {
    this.charges++;
    const amount = (cost?.per ?? 0) * units;
    if (this.used + amount > this.limit) outOfGas(amount, this.limit - this.used);
    this.used += amount;
  }
}

function outcome(limit: number, pay: (meter: LimitedMeter) => void) {
  const meter = new LimitedMeter(limit);
  try {
    pay(meter);
    return { used: meter.used, failure: null, charges: meter.charges };
  } catch (error) {
    if (!(error instanceof CallFailure)) throw error;
    return { used: meter.used, failure: error.message, charges: meter.charges };
  }
}

Deno.test("payItemsInSequence: as one-item payments in a row, in O(log n) charges", () => {
  const per = WALKS.compare.node.per;
  for (const count of [0, 1, 2, 7, 64, 1000, 33_554]) {
    for (const limit of [0, 1, per * count - per, per * count - 1, per * count, per * count + 5]) {
      if (limit < 0) continue;
      const chunked = outcome(limit, (meter) => payItemsInSequence(meter, "compare", count));
      const single = outcome(limit, (meter) => {
        for (let i = 0; i < count; i++) meter.pay(WALKS.compare.node, 1);
      });
      assert.deepEqual(
        { used: chunked.used, failure: chunked.failure },
        { used: single.used, failure: single.failure },
        `${count} items under ${limit}`,
      );
      assert.ok(chunked.charges <= 2 * Math.log2(count + 1) + 2, `${chunked.charges} charges`);
    }
  }
});
