/**
 * Time and gas per call of the example contracts' functions
 * (`deno task bench:gas`): each case is one transaction on a TestChain,
 * reverted after each iteration so every iteration runs on the same
 * state; GasBench prints the gas table after the timing table.
 */

import { GasBench, loadContract, TestChain } from "../testing.ts";

const example = (name: string) =>
  loadContract(new URL(`../examples/${name}/manifest.json`, import.meta.url));
const gas = new GasBench("gas per call, examples");

const chain = new TestChain();
const { alice, bob, carol } = chain.accounts;

const counter = chain.deploy(example("counter"));
counter.call("inc");
gas.bench("counter: get", () => counter.view("get"), { group: "counter" });
gas.bench("counter: inc", () => counter.call("inc"), { group: "counter", reset: chain });
gas.bench("counter: set", () => counter.call("set", [7]), { group: "counter", reset: chain });

const token = chain.deploy(example("token"), { args: [1_000_000] });
token.call("approve", [carol, 1_000]);
gas.bench("token: balance_of", () => token.view("balance_of", [alice]), { group: "token" });
gas.bench("token: transfer", () => token.call("transfer", [bob, 10]), {
  group: "token",
  reset: chain,
});
gas.bench("token: approve", () => token.call("approve", [bob, 10]), {
  group: "token",
  reset: chain,
});
gas.bench(
  "token: transfer_from",
  () => token.call("transfer_from", [alice, bob, 10], { from: carol }),
  { group: "token", reset: chain },
);

const escrow = chain.deploy(example("escrow"));
gas.bench(
  "escrow: deposit",
  () => escrow.call("deposit", [bob, carol], { value: 500n }),
  { group: "escrow", reset: chain },
);
const held = chain.deploy(example("escrow"));
held.call("deposit", [bob, carol], { value: 500n });
gas.bench("escrow: release", () => held.call("release", [], { from: carol }), {
  group: "escrow",
  reset: chain,
});

const lottery = chain.deploy(example("lottery"));
lottery.call("open_round");
lottery.call("buy", [], { from: bob, value: 10n });
gas.bench("lottery: buy", () => lottery.call("buy", [], { from: carol, value: 10n }), {
  group: "lottery",
  reset: chain,
});
gas.bench("lottery: draw", () => lottery.call("draw"), { group: "lottery", reset: chain });
