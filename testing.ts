/**
 * Testing helpers for animica-vm contracts, for `Deno.test` and
 * `deno bench` with nothing but Deno and node:assert: a fresh TestChain
 * per test with funded deterministic accounts and one-transaction
 * overrides (`prank`, `next`, `warp`, `roll`, `deal`); assertions on
 * receipts (`expectOk`, `expectRevert`, `expectEvent`, `expectGas`) whose
 * errors say what was expected and what happened; `loadContract` to read
 * a manifest and its source; and `GasBench`, which reports gas per call
 * next to `deno bench` timings.
 *
 * @example A test of the counter example
 * ```ts
 * import {
 *   expectEvent,
 *   expectGas,
 *   expectRevert,
 *   loadContract,
 *   TestChain,
 * } from "@animica/vm-py/testing";
 *
 * const chain = new TestChain();
 * const counter = chain.deploy(
 *   loadContract("examples/counter/manifest.json"),
 * );
 * const receipt = counter.call("inc");
 * expectEvent(receipt, "Incremented", { value: 1 });
 * expectGas(receipt, { atMost: 5_000 });
 * expectRevert(counter.call("set", [-1]), "value out of range");
 * ```
 *
 * @module
 */

// Installs the post-quantum schemes (lib/pq_schemes.ts) for every user of this entry.
import "./lib/pq_noble.ts";

export {
  DEFAULT_TEST_ACCOUNTS,
  DEFAULT_TEST_BALANCE,
  type DefaultAccountName,
  type NextTx,
  TestChain,
  type TestChainOptions,
} from "./testing/chain.ts";
export {
  type ExpectedArgs,
  type ExpectedReason,
  expectEvent,
  expectGas,
  expectOk,
  expectRevert,
  type GasBounds,
  type ReceiptSource,
} from "./testing/expect.ts";
export { loadContract } from "./testing/load.ts";
export { GasBench, type GasBenchCase, type GasRow } from "./testing/bench.ts";
// The types this entry's API refers to, so that it is complete on its own: the
// closure of Chain, Contract and Receipt, which ./chain.ts exports.
export * from "./chain.ts";
