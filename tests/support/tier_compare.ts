/**
 * Running one call on both execution tiers (the interpreter and the
 * compiled tier, lib/runtime/tier.ts) and comparing everything a caller
 * can observe: value, gas used, failure kind/type/message/reason,
 * traceback, writes, events and syscalls. Also picks the gas limits a sweep
 * tries: every limit up to a bound, each limit at which a block's advance
 * charge stops or starts to fit, and an even spread up to the full cost.
 */

import { MemoryState } from "../../mod.ts";
import { type CallResult, executeCall } from "../../runtime.ts";
import type { VerifiedModule } from "../../lib/compile/verify.ts";
import { repr } from "../../lib/runtime/repr.ts";
import { compiledTier, withTier } from "../../lib/runtime/tier.ts";
import { planFunction } from "../../lib/runtime/tier_plan.ts";
import { OUTPUT_METER } from "../../lib/runtime/walk.ts";
import type { Value } from "../../lib/runtime/values.ts";
import { TEST_CONTEXT } from "./runtime.ts";

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** Everything observable about a finished call, as one string. */
export function observed(result: CallResult): string {
  const failure = result.failure;
  return JSON.stringify({
    ok: result.ok,
    gas: result.gasUsed,
    value: result.ok ? repr(OUTPUT_METER, result.value) : null,
    data: hex(result.returnData),
    failure: failure === null ? null : {
      kind: failure.kind,
      type: failure.type,
      message: failure.message,
      reason: hex(failure.reason),
      traceback: failure.traceback,
    },
    writes: result.writes.map((w) => [hex(w.key), w.value === null ? null : hex(w.value)]),
    events: result.events.map((e) => [hex(e.name), repr(OUTPUT_METER, e.args)]),
    syscalls: result.syscalls.length,
  });
}

/** A call of `fn` with `args` in the test context and a fresh state. */
export function callOn(
  verified: VerifiedModule,
  fn: string,
  args: readonly Value[],
  gasLimit: number,
): CallResult {
  return executeCall({
    verified,
    manifest: null,
    function: fn,
    args,
    gasLimit,
    context: TEST_CONTEXT,
    state: new MemoryState(),
  });
}

/** The observed outcome of the call on the compiled tier, then on the interpreter. */
export function onBothTiers(
  verified: VerifiedModule,
  fn: string,
  args: readonly Value[],
  gasLimit: number,
): [string, string] {
  if (compiledTier(verified) === null) throw new Error("the module is not compiled");
  const compiled = withTier("compiled", () => observed(callOn(verified, fn, args, gasLimit)));
  const interpreted = withTier("interpreter", () => observed(callOn(verified, fn, args, gasLimit)));
  return [compiled, interpreted];
}

/**
 * The gas limits a sweep tries for a call whose full cost is `full`: every
 * limit up to `dense`, up to `boundaries` of the limits at which some
 * block's advance charge exactly fits or just misses (found by watching the
 * interpreter's run at full gas, only when `budget / full` allows that
 * many runs), `spread` limits evenly up to `full` (at most `budget / full`
 * of them, and at least 1), and `full` (with `full ± 1` when the budget
 * allows 4 runs).
 */
export function sweepLimits(
  verified: VerifiedModule,
  fn: string,
  args: readonly Value[],
  full: number,
  { dense = 1_500, boundaries = 400, spread = 300, budget = 40_000_000 } = {},
): number[] {
  // Past `dense`, a run costs up to `full` gas: the sampled runs share a budget of gas.
  const samples = Math.max(1, Math.floor(budget / Math.max(1, full)));
  spread = Math.min(spread, samples);
  const limits = new Set<number>();
  for (let limit = 0; limit <= Math.min(full + 1, dense); limit++) limits.add(limit);
  // Finding block edges watches a run at full gas: only for calls cheap enough to sample densely.
  if (full > dense && samples >= boundaries && boundaries > 0) {
    const blockGas = verified.functions.map((code, index) => {
      const handlers = verified.module.functions[index]?.handlers ?? [];
      const gas = new Map<number, number>();
      for (const block of planFunction(code, handlers.map((h) => h.target)).blocks) {
        gas.set(block.start, block.gas);
      }
      return gas;
    });
    const edges = new Set<number>();
    withTier("interpreter", () =>
      executeCall({
        verified,
        manifest: null,
        function: fn,
        args,
        gasLimit: full,
        context: TEST_CONTEXT,
        state: new MemoryState(),
        onStep: (f, pc, _op, gas) => {
          const cost = blockGas[f]?.get(pc);
          if (cost !== undefined) {
            edges.add(gas + cost - 1);
            edges.add(gas + cost);
          }
        },
      }));
    const sorted = [...edges].filter((limit) => limit > dense).sort((a, b) => a - b);
    const every = Math.max(1, Math.ceil(sorted.length / boundaries));
    for (let i = 0; i < sorted.length; i += every) limits.add(sorted[i] ?? 0);
  }
  if (full > dense) {
    const step = Math.max(1, Math.floor((full - dense) / spread));
    for (let limit = dense + step; limit < full; limit += step) limits.add(limit);
    limits.add(full);
    if (samples >= 4) {
      limits.add(full - 1);
      limits.add(full + 1);
    }
  }
  return [...limits].sort((a, b) => a - b);
}

/** The full cost of a call (on the interpreter, at a generous limit). */
export function fullCost(
  verified: VerifiedModule,
  fn: string,
  args: readonly Value[],
  gasLimit = 50_000_000,
): number {
  return withTier("interpreter", () => callOn(verified, fn, args, gasLimit)).gasUsed;
}
