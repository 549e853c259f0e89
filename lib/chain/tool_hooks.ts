/**
 * Tool hooks (a trace, a profile) for one transaction on a Chain, kept off
 * TxOptions so that the public chain API (mod.ts) has no runtime value
 * types in it: `withHooks(options, hooks)` gives options that carry the
 * hooks, and the Chain finds them by the options object. For tools below
 * the public API (`./chain`, the CLI's trace and profile).
 */

import type { CallHooks } from "../runtime/hooks.ts";
import type { TxOptions } from "./contract.ts";

/** The hooks of each options object made by {@link withHooks}. */
const HOOKS = new WeakMap<TxOptions, CallHooks>();

/**
 * Options for one transaction with tool hooks attached (they never change
 * its gas, result or receipt).
 *
 * @example
 * ```ts
 * import { Chain, withHooks } from "@animica/vm-py/chain";
 * import assert from "node:assert/strict";
 * const chain = new Chain();
 * const manifest = {
 *   name: "c", version: "1.0.0", entry: "c.py",
 *   abi: { functions: [{ name: "f", inputs: [], outputs: [] }], events: [] },
 * };
 * const contract = chain.deploy({ manifest, source: "def f() -> None:\n    pass\n" });
 * let steps = 0;
 * contract.call("f", [], withHooks({}, { onStep: () => steps++ }));
 * assert.ok(steps > 0);
 * ```
 */
export function withHooks(options: TxOptions, hooks: CallHooks): TxOptions {
  const carried: TxOptions = { ...options };
  HOOKS.set(carried, hooks);
  return carried;
}

/** The hooks attached to `options` (none for options not made by {@link withHooks}). */
export function hooksFor(options: TxOptions): CallHooks {
  return HOOKS.get(options) ?? {};
}
