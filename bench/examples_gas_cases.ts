/**
 * The example contracts' calls that `deno task bench:gas` measures, as
 * data: one TestChain with every example deployed and set up, and per
 * case a name, a group and the call. bench/examples_gas_bench.ts
 * registers them; tests/readme_test.ts checks the README's gas table
 * against them.
 */

import { loadContract, type Receipt, TestChain } from "../testing.ts";

/** One measured call. */
export interface GasCase {
  /** `contract: function`. */
  readonly name: string;
  /** The example it belongs to. */
  readonly group: string;
  /** Sends the call (each iteration is reverted afterwards). */
  readonly call: () => Receipt;
}

function example(name: string) {
  return loadContract(new URL(`../examples/${name}/manifest.json`, import.meta.url));
}

/** A chain with the examples deployed, and the calls to measure on it. */
export function exampleGasCases(): { chain: TestChain; cases: GasCase[] } {
  const chain = new TestChain();
  const { alice, bob, carol } = chain.accounts;

  const counter = chain.deploy(example("counter"));
  counter.call("inc");
  const token = chain.deploy(example("token"), { args: [1_000_000] });
  token.call("approve", [carol, 1_000]);
  const escrow = chain.deploy(example("escrow"));
  const held = chain.deploy(example("escrow"));
  held.call("deposit", [bob, carol], { value: 500n });
  const lottery = chain.deploy(example("lottery"));
  lottery.call("open_round");
  lottery.call("buy", [], { from: bob, value: 10n });

  const cases: GasCase[] = [
    { name: "counter: get", group: "counter", call: () => counter.view("get") },
    { name: "counter: inc", group: "counter", call: () => counter.call("inc") },
    { name: "counter: set", group: "counter", call: () => counter.call("set", [7]) },
    { name: "token: balance_of", group: "token", call: () => token.view("balance_of", [alice]) },
    { name: "token: transfer", group: "token", call: () => token.call("transfer", [bob, 10]) },
    { name: "token: approve", group: "token", call: () => token.call("approve", [bob, 10]) },
    {
      name: "token: transfer_from",
      group: "token",
      call: () => token.call("transfer_from", [alice, bob, 10], { from: carol }),
    },
    {
      name: "escrow: deposit",
      group: "escrow",
      call: () => escrow.call("deposit", [bob, carol], { value: 500n }),
    },
    {
      name: "escrow: release",
      group: "escrow",
      call: () => held.call("release", [], { from: carol }),
    },
    {
      name: "lottery: buy",
      group: "lottery",
      call: () => lottery.call("buy", [], { from: carol, value: 10n }),
    },
    { name: "lottery: draw", group: "lottery", call: () => lottery.call("draw") },
  ];
  return { chain, cases };
}
