/**
 * Child process of tests/compiler_loading_test.ts: imports the chain
 * without lib/compile/compile.ts, as `animica-vm run` does on an IR-cache
 * hit, and prints as JSON what deploying source gave, directly and as a
 * signed transaction (the InternalError that says the compiler is not
 * loaded, both times), and what the state then holds.
 */

import "../../lib/pq_noble.ts";
import { Chain } from "../../lib/chain/chain.ts";
import { QUICKSTART_DEPLOYER } from "../../lib/chain/quickstart.ts";
import { MemoryState } from "../../lib/runtime/state.ts";
import { ALICE, deployToken, signed } from "./signed_txs.ts";
import { outcome } from "./step_outcome.ts";

const manifest = {
  name: "plain",
  version: "1.0.0",
  entry: "plain.py",
  abi: { functions: [{ name: "get", inputs: [], outputs: [{ type: "int" }] }], events: [] },
};
const source = "def get() -> int:\n    return 7\n";

const state = new MemoryState();
const chain = new Chain({ state, sender: QUICKSTART_DEPLOYER });
const deployed = outcome(() => chain.deploy({ manifest, source }).address);
const entries = state.entries().length;
chain.fund(ALICE.address, 10n ** 18n);
const funded = JSON.stringify(state.entries());
const transaction = outcome(() =>
  chain.applyTransaction(signed(ALICE, deployToken(1000n))).accepted
);
console.log(JSON.stringify({
  deployed,
  entries,
  transaction,
  unchanged: JSON.stringify(state.entries()) === funded,
}));
