/**
 * A meter that only adds up what is charged (no limit), for tests that
 * compare a fast path's gas with the general operation's: base charges,
 * dynamic charges, callables' base gas and their per-unit charges all go
 * to `gas`. As the machine does, a per-unit charge of a callable that
 * declares no rate is refused.
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
  #callable: CallableInfo | null = null;
  begin(info: CallableInfo): void {
    this.#callable = info;
    this.gas += info.base;
  }
  units(count: number): void {
    const per = this.#callable?.dynamic?.per;
    if (per === undefined) throw new Error(`${this.#callable?.name ?? "?"} declares no rate`);
    this.gas += per * count;
  }
  gasLeft(): number {
    return Number.MAX_SAFE_INTEGER;
  }
}
