/**
 * A meter that only adds up what is charged (no limit), for tests that
 * compare a fast path's gas with the general operation's: base charges,
 * dynamic charges and callables' base gas all go to `gas`. A callable's
 * per-unit charge is refused: the operations these tests compare declare
 * none.
 */

import type { CallableInfo, DynamicGas } from "../../lib/compile/opcodes.ts";
import type { Metered } from "../../lib/runtime/meter.ts";

/** Adds up every charge in `gas`. */
export class CountingMeter implements Metered {
  gas = 0;
  charge(amount: number): void {
    this.gas += amount;
  }
  pay(cost: DynamicGas | null, units: number): void {
    this.gas += (cost?.per ?? 0) * units;
  }
  begin(info: CallableInfo): void {
    this.gas += info.base;
  }
  units(): void {
    throw new Error("no per-unit charge in these cases");
  }
  gasLeft(): number {
    return Number.MAX_SAFE_INTEGER;
  }
}
