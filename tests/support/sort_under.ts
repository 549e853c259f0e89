/**
 * Sorting under a gas limit for the sort tests: a charge that fails as the
 * machine does, and can hide the gas left (which sends every sort of lists
 * or tuples to the general comparison), and the outcome of one sort.
 */

import type { DynamicGas } from "../../lib/compile/opcodes.ts";
import { CallFailure } from "../../lib/errors.ts";
import { outOfGas } from "../../lib/runtime/failure.ts";
import { sortValues } from "../../lib/runtime/sort.ts";
import type { Value } from "../../lib/runtime/values.ts";

/** A charge with a gas limit (a failing charge changes nothing); `general` reports no gas left. */
export class LimitedCharge {
  used = 0;
  constructor(readonly limit: number, readonly general: boolean) {}
  units(count: number): void {
    this.charge(count);
  }
  pay(cost: DynamicGas | null, units: number): void {
    this.charge((cost?.per ?? 0) * units);
  }
  gasLeft(): number {
    return this.general ? 0 : this.limit - this.used;
  }
  charge(amount: number): void {
    if (this.used + amount > this.limit) outOfGas(amount, this.limit - this.used);
    this.used += amount;
  }
}

/** The outcome of one sort under `limit`: the items by their index in the input, or the failure; gas used. */
export function sortUnder(
  items: readonly Value[],
  reverse: boolean,
  limit: number,
  general: boolean,
): { order: string; used: number } | { failure: string; used: number } {
  const meter = new LimitedCharge(limit, general);
  try {
    const sorted = sortValues(meter, [...items], null, reverse);
    return { order: sorted.map((item) => items.indexOf(item)).join(","), used: meter.used };
  } catch (error) {
    if (!(error instanceof CallFailure)) throw error;
    return { failure: `${error.type}: ${error.message}`, used: meter.used };
  }
}
